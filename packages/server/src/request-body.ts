import { apiError, badRequest } from './http'

/** What the caller sent, read and bounded, or the answer that refuses it. */
export type BodyRead = { ok: true; value: Record<string, unknown> } | { ok: false; response: Response }

/**
 * Reads a create or remix body: JSON, or a multipart form (a create with an image file), at most
 * `maxBytes` (413 past it, read no further). Form fields become strings, a file stays a `File`, so the
 * relay forwards what the browser sent through the same core transport.
 */
export async function readParams(request: Request, maxBytes: number): Promise<BodyRead> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/json' && type !== 'multipart/form-data')
    return refuse(
      apiError(415, {
        message: 'Send the body as application/json or multipart/form-data.',
        type: 'invalid_request_error',
      }),
    )
  const bytes = await readBounded(request, maxBytes)
  if (bytes === undefined) return refuse(tooLarge(maxBytes))
  if (type === 'application/json') {
    try {
      const value: unknown = JSON.parse(new TextDecoder().decode(bytes))
      if (typeof value === 'object' && value !== null && !Array.isArray(value))
        return { ok: true, value: value as Record<string, unknown> }
    } catch {
      // Answered below, like any other body that is no object.
    }
    return refuse(badRequest('The body must be a JSON object.'))
  }
  try {
    const form = await new Response(bytes, { headers: request.headers }).formData()
    const value: Record<string, unknown> = {}
    form.forEach((entry, name) => (value[name] = entry))
    return { ok: true, value }
  } catch {
    return refuse(badRequest('The body is not a valid multipart form.'))
  }
}

/** The body's bytes, or undefined once it passes `maxBytes` (the rest is never read). */
async function readBounded(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN)
  if (declared > maxBytes) {
    await request.body?.cancel().catch(() => undefined)
    return undefined
  }
  const chunks: Uint8Array[] = []
  let size = 0
  if (request.body === null) return new Uint8Array()
  const reader = request.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined)
      return undefined
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

function tooLarge(maxBytes: number): Response {
  return apiError(413, {
    message: `The body is larger than ${maxBytes} bytes.`,
    type: 'invalid_request_error',
  })
}

function refuse(response: Response): BodyRead {
  return { ok: false, response }
}
