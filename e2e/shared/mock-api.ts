import { createMockVideoApi, type MockVideoApi, type MockVideoApiOptions } from '@vidjob/mock-api'

/** A mock Videos API served over loopback HTTP, steered from the test process. */
export interface RunningMockApi {
  /** Seed jobs, inject faults, read the request log. */
  readonly api: MockVideoApi
  /** The API root with its version prefix, e.g. `http://127.0.0.1:40123/v1`. */
  readonly url: string
  close(): Promise<void>
}

/**
 * Starts the mock API on 127.0.0.1 and a free port, fast enough for a browser run unless told otherwise:
 * 0.5 s queued, 3 s rendering, and `openai-poll-after-ms: 400` so clients poll often enough for a test to
 * watch a bar move. The test owns it, so faults and seeded jobs need no HTTP back door.
 *
 * @example
 * const mock = await startMockApi()
 * mock.api.faults.next({ type: 'error', status: 500 }, { endpoint: 'delete' })
 * await mock.close()
 */
export async function startMockApi(options: MockVideoApiOptions = {}): Promise<RunningMockApi> {
  const api = createMockVideoApi({ queueMs: 500, renderMs: 3_000, pollAfterMs: 400, ...options })
  const server = await api.listen(0, '127.0.0.1')
  return { api, url: server.url, close: () => server.close() }
}
