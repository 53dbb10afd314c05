/*
 * OpenAI's hosted Videos API (shut down 2026-09-24) as the spec describes it — the reference every other
 * profile departs from, and the mock's default.
 * Sources: /work/shared/spec/openai-videos-openapi.yaml (the extract of OpenAI's OpenAPI document);
 * openai/openai-python src/openai/resources/videos.py (routes, multipart create with input_reference).
 * - Six routes; JSON or multipart create; `variant=video|thumbnail|spritesheet`; cursor pages.
 * - `Authorization: Bearer <key>`; errors in `{ error: { message, type, param, code } }`.
 * - Statuses queued → in_progress → completed | failed; every field present (null where unset).
 */
import { MockApiError } from '../envelope'
import type { MockProfile } from './profile'

const BEARER = /^bearer +(.*)$/i

/** The token of an `Authorization: Bearer <token>` header (the scheme is case-insensitive, RFC 9110). */
export function bearerToken(headers: Headers): string | undefined {
  return BEARER.exec(headers.get('authorization') ?? '')?.[1]
}

/** OpenAI's answer to a missing or wrong key. */
export function openaiAuthenticate(headers: Headers, apiKey: string): MockApiError | undefined {
  if (bearerToken(headers) === apiKey) return undefined
  const where = 'Use the key the mock API was started with (its apiKey option or --api-key).'
  return new MockApiError(401, {
    message: headers.get('authorization')
      ? `Incorrect API key provided. ${where}`
      : `You didn't provide an API key. Send an 'Authorization: Bearer <key>' header. ${where}`,
    type: 'invalid_request_error',
    code: 'invalid_api_key',
    reason: 'unauthorized',
  })
}

/** The spec's four statuses. */
export const SPEC_STATUSES = ['queued', 'in_progress', 'completed', 'failed'] as const

/** The default profile: exactly the spec. */
export const openaiProfile: MockProfile = {
  capabilities: {
    name: 'openai',
    list: true,
    delete: true,
    remix: true,
    contentVariants: true,
    jsonCreate: true,
    stableIds: true,
    statuses: SPEC_STATUSES,
    looseFields: [],
    requiredQuery: [],
    authHeaders: ['authorization'],
    errorBody: 'openai',
  },
  authenticate: openaiAuthenticate,
}
