import { createEventSourceUpdates, createFetchTransport, createVideoClient } from '@vidjob/core'

/**
 * The dashboard's own server hosts the relay (@vidjob/server) at this path: it adds the API key, shows
 * each signed-in user only their own videos, and streams their jobs: the browser holds a relative URL
 * and no secret.
 */
export const API_BASE_URL = '/api/videos/v1'

/**
 * The app's one video client: every component shares its cache. Jobs arrive over the relay's event
 * stream; they are polled only while the stream is down (or silent about one of them).
 *
 * @example
 * <VideoClientProvider client={client}><App /></VideoClientProvider>
 */
export const client = createVideoClient({
  transport: createFetchTransport({ baseURL: API_BASE_URL }),
  updates: createEventSourceUpdates({ url: `${API_BASE_URL}/videos/events` }),
})
