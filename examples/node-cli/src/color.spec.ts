import { describe, expect, it } from 'vitest'
import { shouldColor } from './color'

describe('shouldColor', () => {
  it.each([
    ['a terminal', undefined, {}, true, true],
    ['a pipe', undefined, {}, false, false],
    ['NO_COLOR on a terminal', undefined, { NO_COLOR: '1' }, true, false],
    ['an empty NO_COLOR', undefined, { NO_COLOR: '' }, true, true],
    ['TERM=dumb', undefined, { TERM: 'dumb' }, true, false],
    ['FORCE_COLOR on a pipe', undefined, { FORCE_COLOR: '1' }, false, true],
    ['FORCE_COLOR over NO_COLOR', undefined, { FORCE_COLOR: '', NO_COLOR: '1' }, false, true],
    ['FORCE_COLOR=0 on a terminal', undefined, { FORCE_COLOR: '0' }, true, false],
    ['--color on a pipe', true, { NO_COLOR: '1' }, false, true],
    ['--no-color on a terminal', false, { FORCE_COLOR: '1' }, true, false],
  ] as const)('%s', (_name, flag, env, isTTY, expected) => {
    expect(shouldColor({ flag, env, isTTY })).toBe(expected)
  })
})
