import { describe, expect, it } from 'vitest'
import { DEFAULT_SOAK_SETTINGS, soakEnvFromArgs, soakSettingsFromEnv } from './settings'

describe('soak settings', () => {
  it('defaults to the CI run', () => {
    expect(soakSettingsFromEnv({})).toEqual(DEFAULT_SOAK_SETTINGS)
    expect(soakSettingsFromEnv({ SOAK_MINUTES: '', SOAK_SEED: '' })).toEqual({ seed: 1, minutes: 30 })
  })

  it('reads the seed, minutes and jobs from the environment', () => {
    expect(soakSettingsFromEnv({ SOAK_SEED: '7', SOAK_MINUTES: '240', SOAK_JOBS: '500' })).toEqual({
      seed: 7,
      minutes: 240,
      jobs: 500,
    })
  })

  it('refuses values a run cannot use, naming the variable', () => {
    expect(() => soakSettingsFromEnv({ SOAK_MINUTES: '5' })).toThrow(
      /SOAK_MINUTES must be an integer of at least 10/,
    )
    expect(() => soakSettingsFromEnv({ SOAK_SEED: '1.5' })).toThrow(/SOAK_SEED/)
    expect(() => soakSettingsFromEnv({ SOAK_JOBS: 'many' })).toThrow(/SOAK_JOBS/)
  })

  it('turns the CLI flags into that environment, refusing unknown flags and bad values', () => {
    expect(soakEnvFromArgs(['--minutes', '240', '--seed', '7'])).toEqual({
      SOAK_MINUTES: '240',
      SOAK_SEED: '7',
    })
    expect(soakEnvFromArgs([])).toEqual({})
    expect(() => soakEnvFromArgs(['--hours', '4'])).toThrow()
    expect(() => soakEnvFromArgs(['--minutes', 'ten'])).toThrow(/SOAK_MINUTES/)
  })

  it('skips the bare -- that `pnpm run soak -- --minutes 240 --seed 7` passes on', () => {
    expect(soakEnvFromArgs(['--', '--minutes', '240', '--seed', '7'])).toEqual({
      SOAK_MINUTES: '240',
      SOAK_SEED: '7',
    })
    expect(soakEnvFromArgs(['--', '--', '--jobs', '500'])).toEqual({ SOAK_JOBS: '500' })
    expect(() => soakEnvFromArgs(['--', 'extra'])).toThrow()
  })
})
