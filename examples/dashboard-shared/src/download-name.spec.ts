import { describe, expect, it } from 'vitest'
import { downloadName } from './download-name'

describe('downloadName', () => {
  it('names the file by the start of the prompt and the id', () => {
    expect(downloadName({ id: 'video_123', prompt: 'A lighthouse beam sweeping over a stormy sea' })).toBe(
      'a-lighthouse-beam-sweeping-over-a-stormy-video_123.mp4',
    )
  })

  it('keeps only safe characters, accents folded, and falls back to the id alone', () => {
    expect(downloadName({ id: 'video_1', prompt: 'Café: "crème brûlée" / 4K?' })).toBe(
      'cafe-creme-brulee-4k-video_1.mp4',
    )
    expect(downloadName({ id: 'video/../x', prompt: null })).toBe('video-x.mp4')
    expect(
      downloadName({ id: 'video_2', prompt: 'Supercalifragilisticexpialidocious'.repeat(3) }),
    ).toHaveLength(40 + '-video_2.mp4'.length)
  })
})
