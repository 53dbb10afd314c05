/**
 * The path the browser app calls: the relay's base path.
 *
 * @example createFetchTransport({ baseURL: API_PREFIX })
 */
export const API_PREFIX = '/api/videos/v1'
