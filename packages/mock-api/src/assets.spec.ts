import { describe, expect, it } from 'vitest'
import { contentAsset, isContentVariant } from './assets'

/** Width and height of a lossy (`VP8 `) WebP, from its frame header. */
function webpSize(bytes: Uint8Array<ArrayBuffer>): [width: number, height: number] {
  const view = new DataView(bytes.buffer)
  expect(String.fromCharCode(...bytes.subarray(12, 16))).toBe('VP8 ')
  return [view.getUint16(26, true) & 0x3fff, view.getUint16(28, true) & 0x3fff]
}

describe('contentAsset', () => {
  it('serves a 64x36 WebP thumbnail and a 4-frame 128x18 WebP spritesheet', () => {
    const thumbnail = contentAsset('thumbnail')
    const spritesheet = contentAsset('spritesheet')
    expect([thumbnail.contentType, spritesheet.contentType]).toEqual(['image/webp', 'image/webp'])
    expect(webpSize(thumbnail.bytes)).toEqual([64, 36])
    expect(webpSize(spritesheet.bytes)).toEqual([128, 18])
  })

  it('serves an MP4 for the video variant', () => {
    const { contentType, bytes } = contentAsset('video')
    expect(contentType).toBe('video/mp4')
    expect(String.fromCharCode(...bytes.subarray(4, 8))).toBe('ftyp')
  })

  it('hands out a fresh copy each time', () => {
    const first = contentAsset('video')
    first.bytes.fill(0)
    expect(String.fromCharCode(...contentAsset('video').bytes.subarray(4, 8))).toBe('ftyp')
  })
})

describe('isContentVariant', () => {
  it("knows the spec's three variants and nothing inherited", () => {
    expect(['video', 'thumbnail', 'spritesheet', 'gif', 'toString'].map(isContentVariant)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ])
  })
})
