import { describe, expect, it } from 'vitest'
import { contentAsset, isContentVariant, mediaFileName, nearestSeconds, orientationOf } from './assets'
import { mp4Info, webpSize } from '../test/test-support'

describe('contentAsset', () => {
  it('serves a clip whose MP4 duration and frame match the job (portrait 72x128, landscape 128x72)', async () => {
    for (const seconds of ['4', '8', '12']) {
      const portrait = await contentAsset('video', { size: '720x1280', seconds })
      expect(portrait.contentType).toBe('video/mp4')
      expect(mp4Info(portrait.bytes)).toEqual({ seconds: Number(seconds), width: 72, height: 128 })
      const landscape = await contentAsset('video', { size: '1792x1024', seconds })
      expect(mp4Info(landscape.bytes)).toEqual({ seconds: Number(seconds), width: 128, height: 72 })
    }
  })

  it('serves WebP thumbnails at the clip size and 4x2 spritesheets of half-size frames', async () => {
    const portrait = { size: '1024x1792', seconds: '8' }
    const thumbnail = await contentAsset('thumbnail', portrait)
    const spritesheet = await contentAsset('spritesheet', portrait)
    expect([thumbnail.contentType, spritesheet.contentType]).toEqual(['image/webp', 'image/webp'])
    expect(webpSize(thumbnail.bytes)).toEqual([72, 128])
    expect(webpSize(spritesheet.bytes)).toEqual([144, 128])
    expect(webpSize((await contentAsset('spritesheet', { size: '1280x720', seconds: '4' })).bytes)).toEqual([
      256, 72,
    ])
  })

  it('defaults to the spec default job (720x1280, 4 s) and keeps every file small', async () => {
    const asset = await contentAsset('video')
    expect(asset.name).toBe('portrait-4s.mp4')
    expect(asset.bytes.byteLength).toBeLessThan(20_000)
    for (const variant of ['video', 'thumbnail', 'spritesheet'] as const) {
      for (const seconds of ['4', '8', '12']) {
        const { bytes } = await contentAsset(variant, { size: '1280x720', seconds })
        expect(bytes.byteLength).toBeLessThan(60_000)
      }
    }
  })

  it('hands out a fresh copy each time', async () => {
    const first = await contentAsset('video')
    first.bytes.fill(0)
    expect(String.fromCharCode(...(await contentAsset('video')).bytes.subarray(4, 8))).toBe('ftyp')
  })
})

describe('choosing the file', () => {
  it('picks the orientation from the size and the nearest length (ties to the longer)', () => {
    expect(['720x1280', '1280x720', '1080x1080', 'x'].map(orientationOf)).toEqual([
      'portrait',
      'landscape',
      'landscape',
      'landscape',
    ])
    expect(['1', '4', '6', '7', '10', '16', '20', 'abc'].map(nearestSeconds)).toEqual([
      4, 4, 8, 8, 12, 12, 12, 4,
    ])
    expect(mediaFileName('thumbnail', { size: '1280x720', seconds: '16' })).toBe(
      'landscape-12s-thumbnail.webp',
    )
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
