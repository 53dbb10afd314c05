/**
 * Small real media, so a browser can play and show what the mock serves: for each orientation (portrait
 * 720x1280 and landscape 1280x720, scaled down 10x) and length (4, 8 and 12 s) an H.264 MP4 (constrained
 * baseline, faststart) of a moving test pattern labelled with its size and length, a WebP thumbnail and
 * a WebP spritesheet (8 frames, 4x2). `scripts/generate-media.sh` made them once with ffmpeg; they live in
 * `media/` beside `src/` and `dist/`, so the same relative URL finds them from source and from the built
 * package (which lists `media` in `files`).
 */

/** The `variant` values of `GET /videos/{id}/content`, as in the spec's `VideoContentVariant`. */
export type MockContentVariant = 'video' | 'thumbnail' | 'spritesheet'

/** Which way a clip is framed. */
export type MockOrientation = 'portrait' | 'landscape'

/** The lengths a clip exists in, in seconds. */
export const MEDIA_SECONDS = [4, 8, 12] as const

/** The bytes and media type of one downloadable asset. */
export interface MockContentAsset {
  contentType: string
  bytes: Uint8Array<ArrayBuffer>
  /** The file it was read from, e.g. `portrait-8s.mp4`. */
  name: string
}

/** What picks the clip: the job's `size` (`WIDTHxHEIGHT`) and `seconds`. */
export interface MediaChoice {
  size: string
  seconds: string
}

const CONTENT_TYPES: Record<MockContentVariant, string> = {
  video: 'video/mp4',
  thumbnail: 'image/webp',
  spritesheet: 'image/webp',
}

/**
 * This module's own URL. Read into a constant so that no bundler or test transform rewrites the Node
 * path below (Vite turns `new URL('…', import.meta.url)` into a dev-server URL in jsdom tests).
 */
const MODULE_URL = import.meta.url

/**
 * Each file by a literal `new URL(..., import.meta.url)`, the form bundlers recognise as an asset, so the
 * files also travel with a browser build, where they are fetched.
 */
const BUNDLED: Readonly<Record<string, URL>> = {
  'portrait-4s.mp4': new URL('../media/portrait-4s.mp4', import.meta.url),
  'portrait-8s.mp4': new URL('../media/portrait-8s.mp4', import.meta.url),
  'portrait-12s.mp4': new URL('../media/portrait-12s.mp4', import.meta.url),
  'landscape-4s.mp4': new URL('../media/landscape-4s.mp4', import.meta.url),
  'landscape-8s.mp4': new URL('../media/landscape-8s.mp4', import.meta.url),
  'landscape-12s.mp4': new URL('../media/landscape-12s.mp4', import.meta.url),
  'portrait-4s-thumbnail.webp': new URL('../media/portrait-4s-thumbnail.webp', import.meta.url),
  'portrait-8s-thumbnail.webp': new URL('../media/portrait-8s-thumbnail.webp', import.meta.url),
  'portrait-12s-thumbnail.webp': new URL('../media/portrait-12s-thumbnail.webp', import.meta.url),
  'landscape-4s-thumbnail.webp': new URL('../media/landscape-4s-thumbnail.webp', import.meta.url),
  'landscape-8s-thumbnail.webp': new URL('../media/landscape-8s-thumbnail.webp', import.meta.url),
  'landscape-12s-thumbnail.webp': new URL('../media/landscape-12s-thumbnail.webp', import.meta.url),
  'portrait-4s-spritesheet.webp': new URL('../media/portrait-4s-spritesheet.webp', import.meta.url),
  'portrait-8s-spritesheet.webp': new URL('../media/portrait-8s-spritesheet.webp', import.meta.url),
  'portrait-12s-spritesheet.webp': new URL('../media/portrait-12s-spritesheet.webp', import.meta.url),
  'landscape-4s-spritesheet.webp': new URL('../media/landscape-4s-spritesheet.webp', import.meta.url),
  'landscape-8s-spritesheet.webp': new URL('../media/landscape-8s-spritesheet.webp', import.meta.url),
  'landscape-12s-spritesheet.webp': new URL('../media/landscape-12s-spritesheet.webp', import.meta.url),
}

/** Each file is read once; every caller gets its own copy of the bytes. */
const loaded = new Map<string, Promise<Uint8Array<ArrayBuffer>>>()

/** Whether `value` names a content variant the spec defines. */
export function isContentVariant(value: string): value is MockContentVariant {
  return Object.hasOwn(CONTENT_TYPES, value)
}

/** The orientation of a `WIDTHxHEIGHT` size: portrait when taller than wide, landscape otherwise. */
export function orientationOf(size: string): MockOrientation {
  const [width = 0, height = 0] = size.split('x').map(Number)
  return height > width ? 'portrait' : 'landscape'
}

/** The clip length closest to `seconds` (a tie goes to the longer clip; anything unreadable to 4). */
export function nearestSeconds(seconds: string): (typeof MEDIA_SECONDS)[number] {
  const wanted = Number(seconds)
  if (!Number.isFinite(wanted)) return MEDIA_SECONDS[0]
  return MEDIA_SECONDS.reduce((best, candidate) =>
    Math.abs(candidate - wanted) <= Math.abs(best - wanted) ? candidate : best,
  )
}

/** The file that answers `variant` for a job of this size and length. */
export function mediaFileName(variant: MockContentVariant, choice: MediaChoice): string {
  const clip = `${orientationOf(choice.size)}-${nearestSeconds(choice.seconds)}s`
  return variant === 'video' ? `${clip}.mp4` : `${clip}-${variant}.webp`
}

/**
 * A fresh copy of the asset for `variant` that fits the job (callers may hand it to a `Response`, which
 * owns it).
 */
export async function contentAsset(
  variant: MockContentVariant,
  choice: MediaChoice = { size: '720x1280', seconds: '4' },
): Promise<MockContentAsset> {
  const name = mediaFileName(variant, choice)
  let bytes = loaded.get(name)
  if (!bytes) {
    bytes = readMedia(name)
    loaded.set(name, bytes)
    bytes.catch(() => loaded.delete(name))
  }
  return { contentType: CONTENT_TYPES[variant], bytes: (await bytes).slice(), name }
}

/**
 * Reads from disk under Node (any `file:` URL), synchronously through `process.getBuiltinModule` so that
 * no real I/O waits on a clock a test has faked and nothing imports `node:fs` where there is none; with
 * `fetch` where the files were bundled for a browser.
 */
async function readMedia(name: string): Promise<Uint8Array<ArrayBuffer>> {
  const url = BUNDLED[name]
  if (!url) throw new Error(`The mock API has no media file '${name}'.`)
  const file = new URL(`../media/${name}`, MODULE_URL)
  const fs = file.protocol === 'file:' ? globalThis.process?.getBuiltinModule?.('node:fs') : undefined
  if (fs) return new Uint8Array(fs.readFileSync(file))
  const response = await fetch(url)
  if (!response.ok) throw new Error(`The mock API could not load ${url.href} (HTTP ${response.status}).`)
  return new Uint8Array(await response.arrayBuffer())
}
