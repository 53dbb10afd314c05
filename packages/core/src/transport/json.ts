/** The outcome of parsing a text as JSON; `ok: false` when it is not JSON (JSON `null` is a value). */
export type JsonParseResult = { ok: true; value: unknown } | { ok: false }

/** Parses JSON without throwing. */
export function parseJson(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}
