import { createFetchTransport, type FetchTransportOptions } from '../src/transport/fetch-transport'
import type { VideoTransport } from '../src/transport/types'
import { jsonResponse, recordingFetch, videoFixture, type Answer, type RecordedCall } from './fetch-doubles'

/** The base URL and key the fetch transport specs use. */
export const BASE = 'http://mock.local/v1'
export const KEY = 'sk-test-0123456789'

/** A fetch transport over a recording `fetch` that answers with `answer` (a queued video by default). */
export function setup(
  answer?: Answer,
  options: Partial<FetchTransportOptions> = {},
): { transport: VideoTransport; calls: RecordedCall[] } {
  const { fetch, calls } = recordingFetch(answer ?? (() => jsonResponse(videoFixture)))
  return { transport: createFetchTransport({ baseURL: BASE, fetch, ...options }), calls }
}
