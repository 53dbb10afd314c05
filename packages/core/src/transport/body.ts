/**
 * Reads an answer's body as text with a size limit, so a server (or whatever sits at `baseURL`) cannot
 * make vidjob buffer an unbounded answer. Content downloads are not read here: their bytes go to the
 * caller as a stream.
 */

/** The default `maxBodyBytes`: 16 MiB, far above any JSON answer of the Videos API. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024

/** The text of a body, or how far it went past the limit (`bytes`: what was seen before stopping). */
export type BodyText = { ok: true; text: string } | { ok: false; bytes: number; declared: boolean }

/**
 * The body of `response` as UTF-8 text, or `ok: false` as soon as it passes `maxBodyBytes`: refused
 * unread when `content-length` already says so, otherwise counted while reading and stopped (the stream
 * is cancelled, so the connection stops too).
 */
export async function readBodyText(response: Response, maxBodyBytes: number): Promise<BodyText> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN)
  if (declared > maxBodyBytes) {
    cancel(response.body)
    return { ok: false, bytes: declared, declared: true }
  }
  if (response.body === null) return { ok: true, text: '' }
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  let bytes = 0
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.byteLength
    if (bytes > maxBodyBytes) {
      void reader.cancel().catch(() => undefined)
      return { ok: false, bytes, declared: false }
    }
    text += decoder.decode(chunk.value, { stream: true })
  }
  return { ok: true, text: text + decoder.decode() }
}

/** Stops a body nobody will read, ignoring a stream that is already locked or broken. */
export function cancel(body: ReadableStream<Uint8Array> | null): void {
  try {
    void body?.cancel().catch(() => undefined)
  } catch {
    // A locked stream throws synchronously; whoever holds it will release it.
  }
}
