import type { CreateVideoParams, RemixVideoParams } from '../schema/params'
import type { VideoContentVariant } from '../schema/video'

/** Per-request options every transport method accepts. */
export interface RequestOptions {
  /** Aborting rejects the request with the platform's `AbortError`. */
  signal?: AbortSignal | undefined
  /**
   * `downloadContent` only: an HTTP `Range` (`bytes=0-1023`), sent as is, so a relay passes a video
   * player's seeks through; the answer may then be `206 Partial Content`.
   */
  range?: string | undefined
}

/** The query of one `GET /videos` page. */
export interface ListRequestQuery {
  after?: string | undefined
  limit?: number | undefined
  order?: 'asc' | 'desc' | undefined
}

/**
 * A body as received, not yet validated (the client validates every body with the schemas), plus the
 * hints the transport read from the answer's headers.
 */
export interface TransportResult {
  body: unknown
  /** From `openai-poll-after-ms`: when the server wants the next poll. */
  pollAfterMs?: number | undefined
  /** From `x-request-id`. */
  requestId?: string | undefined
}

/**
 * Moves bytes between vidjob and a Videos API. Implementations map failures to vidjob's errors:
 * non-2xx → `VideoApiError`, no answer → `VideoNetworkError`, aborted → `AbortError`.
 */
export interface VideoTransport {
  retrieve(id: string, options?: RequestOptions): Promise<TransportResult>
  list(query: ListRequestQuery, options?: RequestOptions): Promise<TransportResult>
  create(params: CreateVideoParams, options?: RequestOptions): Promise<TransportResult>
  remix(id: string, params: RemixVideoParams, options?: RequestOptions): Promise<TransportResult>
  delete(id: string, options?: RequestOptions): Promise<TransportResult>
  downloadContent(
    id: string,
    query?: { variant?: VideoContentVariant | undefined },
    options?: RequestOptions,
  ): Promise<Response>
}

/** The JSON endpoints, as `normalize` is told which one answered. */
export type TransportOperation = 'retrieve' | 'list' | 'create' | 'remix' | 'delete'

/**
 * Rewrites a 2xx JSON body before the transport returns it, for a server whose shapes no built-in
 * normalization covers (e.g. a video wrapped in `{ data: ... }`). The client still validates the result.
 */
export type NormalizeBody = (body: unknown, operation: TransportOperation) => unknown
