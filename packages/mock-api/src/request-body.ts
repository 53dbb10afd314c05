import { MockApiError } from './envelope'

/** The fields of a request body: a JSON object's members, or form fields (`string` or `File`). */
export type RequestFields = Record<string, unknown>

const JSON_MEDIA_TYPES = new Set(['', 'application/json', 'text/plain'])
/**
 * `name[member]`: how the openai SDKs put an object field (`input_reference: { file_id }`) in a form.
 */
const BRACKETED_FIELD = /^([^[\]]+)\[([^[\]]+)\]$/

/**
 * Reads and parses a `POST` body: JSON (also as `text/plain`, which `fetch` sends for a string body whose
 * header was forgotten, or with no content type, as for a byte body), `multipart/form-data` or
 * `application/x-www-form-urlencoded` (where `name[member]` parts make an object field). Stops reading as
 * soon as the body passes `maxBodyBytes` (413), and answers 400 for a body that does not parse or is not
 * an object.
 */
export async function readRequestFields(request: Request, maxBodyBytes: number): Promise<RequestFields> {
  const contentType = request.headers.get('content-type') ?? ''
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  const bytes = await readLimited(request, maxBodyBytes)
  if (mediaType === 'multipart/form-data' || mediaType === 'application/x-www-form-urlencoded') {
    return parseForm(bytes, contentType)
  }
  if (JSON_MEDIA_TYPES.has(mediaType) || mediaType.endsWith('+json')) return parseJson(bytes)
  throw new MockApiError(400, {
    message: `Unsupported content-type '${contentType}'. Send application/json or multipart/form-data.`,
    code: 'unsupported_content_type',
  })
}

/**
 * The body's bytes, refusing with 413 as soon as they pass `maxBodyBytes` (a larger `content-length` is
 * refused unread).
 */
export async function readLimited(request: Request, maxBodyBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(request.headers.get('content-length') ?? 0) > maxBodyBytes) throw tooLarge(maxBodyBytes)
  if (!request.body) return new Uint8Array(0)
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    total += chunk.value.byteLength
    if (total > maxBodyBytes) {
      await reader.cancel()
      throw tooLarge(maxBodyBytes)
    }
    chunks.push(chunk.value)
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

function tooLarge(maxBodyBytes: number): MockApiError {
  return new MockApiError(413, {
    message: `The request body is larger than ${maxBodyBytes} bytes, the mock API's limit (maxBodyBytes). Send a smaller input_reference, or raise maxBodyBytes.`,
    code: 'request_too_large',
  })
}

function parseJson(bytes: Uint8Array<ArrayBuffer>): RequestFields {
  if (bytes.byteLength === 0)
    throw badBody('The request body is empty. Send a JSON object such as {"prompt": "..."}.')
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder().decode(bytes))
  } catch (error) {
    throw badBody(`The request body is not valid JSON (${(error as Error).message}). Send a JSON object.`)
  }
  if (!isPlainObject(value))
    throw badBody('The request body must be a JSON object such as {"prompt": "..."}.')
  return value
}

async function parseForm(bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<RequestFields> {
  let form: FormData
  try {
    form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData()
  } catch {
    throw badBody('The multipart/form-data body could not be parsed. Check its boundary and parts.')
  }
  const fields = new Map<string, FormDataEntryValue>()
  const objects = new Map<string, Map<string, FormDataEntryValue>>()
  form.forEach((value, name) => {
    const [, parent, member] = BRACKETED_FIELD.exec(name) ?? []
    const target = parent === undefined ? fields : objectFields(objects, parent)
    const key = member ?? name
    // The first occurrence wins, as with most servers reading a single-valued field.
    if (!target.has(key)) target.set(key, value)
  })
  const nested = Array.from(objects, ([name, members]) => [name, Object.fromEntries(members)] as const)
  // A plain field beats the bracketed members of the same name.
  return Object.fromEntries([...nested, ...fields])
}

function objectFields(
  objects: Map<string, Map<string, FormDataEntryValue>>,
  name: string,
): Map<string, FormDataEntryValue> {
  const members = objects.get(name) ?? new Map<string, FormDataEntryValue>()
  objects.set(name, members)
  return members
}

function badBody(message: string): MockApiError {
  return new MockApiError(400, { message, code: 'invalid_body' })
}

/** Whether `value` is a non-null, non-array object. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
