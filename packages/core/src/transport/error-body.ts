import { ApiErrorBodySchema } from '../schema/video'

/**
 * Reads what a non-2xx body says, in the shapes compatible servers send: the spec's
 * `{ "error": { "message", "type", "param", "code" } }` envelope (OpenAI, LiteLLM, Azure, new-api), and
 * FastAPI's `{ "detail": "..." }` / `{ "detail": [{ "loc", "msg", "type" }] }` (vLLM-Omni, Starlette
 * routes of LiteLLM), and the flat `{ "code", "message" }` of new-api's task errors. Any other body says
 * nothing vidjob can rely on.
 */

/** The fields of a `VideoApiError` that come from the body. */
export interface ErrorBodyFields {
  message: string
  code?: string | null | undefined
  type?: string | null | undefined
  param?: string | null | undefined
}

/** How many FastAPI validation problems the message lists. */
const MAX_DETAILS = 5
/** Where FastAPI says a problem was; left out of `param`, which names the field. */
const LOCATIONS = new Set(['body', 'query', 'path', 'header', 'cookie'])

/** The message and fields a body carries, or `undefined` when it is no error body vidjob knows. */
export function readErrorBody(body: unknown): ErrorBodyFields | undefined {
  const envelope = ApiErrorBodySchema.safeParse(body)
  if (envelope.success) return envelope.data.error.message === '' ? undefined : envelope.data.error
  if (typeof body !== 'object' || body === null) return undefined
  if (!('detail' in body)) return readFlat(body)
  const { detail } = body
  if (typeof detail === 'string') return detail === '' ? undefined : { message: detail }
  return Array.isArray(detail) ? readValidationDetail(detail) : undefined
}

/** `{ "code": "task_not_exist", "message": "task_not_exist", "data": null }` (new-api's task routes). */
function readFlat(body: object): ErrorBodyFields | undefined {
  const { message, code } = body as { message?: unknown; code?: unknown }
  if (typeof message !== 'string' || message === '') return undefined
  return { message, code: typeof code === 'string' || typeof code === 'number' ? String(code) : null }
}

/** A validation problem as FastAPI (pydantic) reports it. */
interface DetailItem {
  loc?: unknown
  msg: string
}

/** `body.prompt: Field required; query.limit: ...`, with `param` the first field at fault (`prompt`). */
function readValidationDetail(detail: readonly unknown[]): ErrorBodyFields | undefined {
  const items = detail.filter(isDetailItem)
  if (items.length === 0) return undefined
  const listed = items.slice(0, MAX_DETAILS).map((item) => {
    const where = location(item).join('.')
    return where === '' ? item.msg : `${where}: ${item.msg}`
  })
  const more = items.length > MAX_DETAILS ? ` (and ${items.length - MAX_DETAILS} more)` : ''
  const field = location(items[0]!)
  const param = (LOCATIONS.has(String(field[0])) ? field.slice(1) : field).join('.')
  return { message: listed.join('; ') + more, param: param === '' ? null : param }
}

function isDetailItem(item: unknown): item is DetailItem {
  return typeof item === 'object' && item !== null && typeof (item as { msg?: unknown }).msg === 'string'
}

function location(item: DetailItem): (string | number)[] {
  if (!Array.isArray(item.loc)) return []
  return item.loc.filter(
    (part): part is string | number => typeof part === 'string' || typeof part === 'number',
  )
}
