import { expect, vi } from 'vitest'
import type { MockVideoList } from '../src/handlers'
import { MockApiError, type MockErrorEnvelope } from '../src/envelope'
import type { MockVideo } from '../src/job-lifecycle'
import { createMockVideoApi, type MockVideoApi } from '../src/mock-api'
import type { MockVideoApiOptions } from '../src/mock-options'
import type { MockProfileName } from '../src/profiles/profile'

/** The base URL the specs call the in-process mock with. */
export const BASE_URL = 'http://mock.local/v1'

/** Init for a JSON request. */
export function jsonInit(body: unknown, method = 'POST'): RequestInit {
  return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
}

/** Creates a video over HTTP and returns it, failing the test on any other answer. */
export async function createVideo(
  api: MockVideoApi,
  body: Record<string, unknown> = { prompt: 'a cat' },
): Promise<MockVideo> {
  const response = await api.fetch(`${BASE_URL}/videos`, jsonInit(body))
  expect(response.status).toBe(200)
  return (await response.json()) as MockVideo
}

/** Asserts an error answer: its status and the spec envelope, with the given fields. */
export async function expectError(
  response: Response,
  status: number,
  fields: Partial<MockErrorEnvelope['error']> = {},
): Promise<MockErrorEnvelope['error']> {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toBe('application/json')
  const { error } = (await response.json()) as MockErrorEnvelope
  expect(error).toEqual({
    message: expect.any(String),
    type: expect.any(String),
    param: null,
    code: expect.anything(),
    ...fields,
  })
  expect(error.message.length).toBeGreaterThan(10)
  return error
}

/** The `param` of the 400 that `run` throws, failing the test if it throws anything else or nothing. */
export function paramOf(run: () => unknown): string | null {
  try {
    run()
  } catch (error) {
    if (error instanceof MockApiError && error.status === 400) return error.param
    throw error
  }
  throw new Error('expected a 400 MockApiError')
}

/** What a spec reads from an MP4's boxes. */
export interface Mp4Info {
  /** `mvhd` duration / timescale. */
  seconds: number
  /** The first track's `tkhd` width and height (16.16 fixed point, integer part). */
  width: number
  height: number
}

/**
 * Reads the movie duration (`moov/mvhd`) and the first track's size (`moov/trak/tkhd`) from MP4 bytes,
 * for version-0 boxes as ffmpeg writes them.
 */
export function mp4Info(bytes: Uint8Array<ArrayBuffer>): Mp4Info {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const box = (type: string, from: number, to: number): number => {
    for (let at = from; at + 8 <= to; at += view.getUint32(at)) {
      if (String.fromCharCode(...bytes.subarray(at + 4, at + 8)) === type) return at
    }
    throw new Error(`no ${type} box`)
  }
  const moov = box('moov', 0, bytes.byteLength)
  const moovEnd = moov + view.getUint32(moov)
  const mvhd = box('mvhd', moov + 8, moovEnd)
  const trak = box('trak', moov + 8, moovEnd)
  const tkhd = box('tkhd', trak + 8, trak + view.getUint32(trak))
  return {
    seconds: view.getUint32(mvhd + 24) / view.getUint32(mvhd + 20),
    width: view.getUint32(tkhd + 84) >>> 16,
    height: view.getUint32(tkhd + 88) >>> 16,
  }
}

/** Width and height of a lossy (`VP8 `) WebP, from its frame header. */
export function webpSize(bytes: Uint8Array<ArrayBuffer>): [width: number, height: number] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  expect(String.fromCharCode(...bytes.subarray(12, 16))).toBe('VP8 ')
  return [view.getUint16(26, true) & 0x3fff, view.getUint16(28, true) & 0x3fff]
}

/** Init for a multipart/form-data request (what a form-only server accepts). */
export function formInit(fields: Record<string, string>): RequestInit {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) form.set(name, value)
  return { method: 'POST', body: form }
}

/** A response's status and JSON body, for asserting a profile's exact error shapes. */
export async function answer(response: Response): Promise<[status: number, body: unknown]> {
  return [response.status, await response.json()]
}

/** A video as a profile's server sends it: an id and whatever else it chose. */
export type WireVideo = Record<string, unknown> & { id: string }

/** A mock on a manual clock imitating `profile`. */
export function profileApi(profile: MockProfileName, options: MockVideoApiOptions = {}): MockVideoApi {
  return createMockVideoApi({ clock: 'manual', profile, ...options })
}

/** The JSON body of a 200 answer, failing the test on any other status. */
export async function okJson(response: Response | Promise<Response>): Promise<WireVideo> {
  const answered = await response
  expect(answered.status).toBe(200)
  return (await answered.json()) as WireVideo
}

/** A mock API on a manual clock. */
export function manualApi(options: Parameters<typeof createMockVideoApi>[0] = {}): MockVideoApi {
  return createMockVideoApi({ clock: 'manual', ...options })
}

/** `GET /videos/{id}`, expecting a 200. */
export async function retrieve(api: MockVideoApi, id: string): Promise<MockVideo> {
  const response = await api.fetch(`${BASE_URL}/videos/${encodeURIComponent(id)}`)
  expect(response.status).toBe(200)
  return (await response.json()) as MockVideo
}

/** `GET /videos`, expecting a 200. */
export async function list(api: MockVideoApi, query = ''): Promise<MockVideoList> {
  const response = await api.fetch(`${BASE_URL}/videos${query}`)
  expect(response.status).toBe(200)
  return (await response.json()) as MockVideoList
}

/** Sends a create and aborts it `ms` later on fake timers; the attempt, to await. */
export async function createAbortedAfter(api: MockVideoApi, ms: number): Promise<Response> {
  const controller = new AbortController()
  const attempt = api.fetch(`${BASE_URL}/videos`, { ...jsonInit({ prompt: 'p' }), signal: controller.signal })
  attempt.catch(() => undefined)
  await vi.advanceTimersByTimeAsync(ms)
  controller.abort()
  return attempt
}
