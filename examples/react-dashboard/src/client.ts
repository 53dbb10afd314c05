import { createFetchTransport, createVideoClient } from '@vidjob/core'

/**
 * The dashboard's own server forwards this path to the embedded mock API or to your compatible server,
 * adding the API key there: the browser holds a relative URL and no secret.
 */
export const API_BASE_URL = '/api/videos/v1'

/**
 * The app's one video client: every component shares its cache and its poller.
 *
 * @example
 * <VideoClientProvider client={client}><App /></VideoClientProvider>
 */
export const client = createVideoClient({ transport: createFetchTransport({ baseURL: API_BASE_URL }) })
