import { describe, expect, it } from 'vitest'
import { parseCreateParams, parseRemixParams } from './video-params'
import { paramOf } from '../test/test-support'

describe('parseCreateParams', () => {
  it('applies the spec defaults', () => {
    expect(parseCreateParams({ prompt: 'a cat' })).toEqual({
      prompt: 'a cat',
      model: 'sora-2',
      size: '720x1280',
      seconds: '4',
    })
  })

  it('accepts any model, WxH size and whole seconds, like a liberal compatible server', () => {
    expect(parseCreateParams({ prompt: 'p', model: 'veo-3', size: '1920x1080', seconds: '20' })).toEqual({
      prompt: 'p',
      model: 'veo-3',
      size: '1920x1080',
      seconds: '20',
    })
  })

  it('names the field it refuses', () => {
    expect(paramOf(() => parseCreateParams({}))).toBe('prompt')
    expect(paramOf(() => parseCreateParams({ prompt: '' }))).toBe('prompt')
    expect(paramOf(() => parseCreateParams({ prompt: 'x'.repeat(32_001) }))).toBe('prompt')
    expect(paramOf(() => parseCreateParams({ prompt: 42 }))).toBe('prompt')
    expect(paramOf(() => parseCreateParams({ prompt: ['a cat'] }))).toBe('prompt')
    expect(paramOf(() => parseCreateParams({ prompt: 'p', model: '' }))).toBe('model')
    for (const size of ['720p', 'x720x1280', '720x1280px', '720 x 1280']) {
      expect(paramOf(() => parseCreateParams({ prompt: 'p', size }))).toBe('size')
    }
    expect(paramOf(() => parseCreateParams({ prompt: 'p', seconds: 8 }))).toBe('seconds')
    expect(paramOf(() => parseCreateParams({ prompt: 'p', seconds: '4.5' }))).toBe('seconds')
  })

  it('accepts a prompt of exactly 32000 characters', () => {
    expect(parseCreateParams({ prompt: 'x'.repeat(32_000) }).prompt).toHaveLength(32_000)
  })

  it('counts the prompt length in characters, as JSON Schema does, not in UTF-16 units', () => {
    expect(parseCreateParams({ prompt: '🎬'.repeat(32_000) }).prompt).toHaveLength(64_000)
    expect(paramOf(() => parseCreateParams({ prompt: '🎬'.repeat(32_001) }))).toBe('prompt')
    expect(paramOf(() => parseRemixParams({ prompt: 'x'.repeat(64_001) }))).toBe('prompt')
  })

  it('takes image_url only as an absolute URL (https or data) within the spec maxLength', () => {
    for (const image_url of ['https://example.com/a.png', 'data:image/png;base64,iVBORw0KGgo=']) {
      expect(() => parseCreateParams({ prompt: 'p', input_reference: { image_url } })).not.toThrow()
    }
    const tooLong = `data:image/png;base64,${'A'.repeat(20_971_520)}`
    for (const image_url of ['a.png', '/images/a.png', 'not a url', tooLong]) {
      expect(paramOf(() => parseCreateParams({ prompt: 'p', input_reference: { image_url } }))).toBe(
        'input_reference',
      )
    }
  })

  it('accepts a file or exactly one of image_url / file_id as input_reference', () => {
    const ok = [
      new Blob(['img']),
      { image_url: 'https://example.com/a.png' },
      { file_id: 'file-123' },
      '{"file_id":"file-123"}',
    ]
    for (const input_reference of ok)
      expect(() => parseCreateParams({ prompt: 'p', input_reference })).not.toThrow()
    const bad = [{}, { image_url: 'a', file_id: 'b' }, { file_id: '' }, { file_id: 3 }, 'not json', [], 7]
    for (const input_reference of bad) {
      expect(paramOf(() => parseCreateParams({ prompt: 'p', input_reference }))).toBe('input_reference')
    }
  })
})

describe('parseRemixParams', () => {
  it('needs a prompt', () => {
    expect(parseRemixParams({ prompt: 'again' })).toEqual({ prompt: 'again' })
    expect(paramOf(() => parseRemixParams({ prompt: '' }))).toBe('prompt')
  })
})
