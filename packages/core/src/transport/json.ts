/**
 * The deepest nesting vidjob parses. A Videos API answer is a few levels deep (a list page of videos with
 * an `error` object is four); 64 leaves room for any server's extra fields. A deeper body is refused
 * before `JSON.parse`: V8 parses 200,000 levels without complaint, but everything that walks the result
 * afterwards (the schema, `JSON.stringify`, `structuredClone`, a reviver) overflows the stack.
 */
export const MAX_JSON_DEPTH = 64

/**
 * The outcome of parsing a text as JSON; `ok: false` when it is not JSON (JSON `null` is a value), with
 * `tooDeep` when it nests deeper than allowed and was therefore not parsed at all.
 */
export type JsonParseResult = { ok: true; value: unknown } | { ok: false; tooDeep: boolean }

const OPEN_BRACE = 0x7b
const OPEN_BRACKET = 0x5b
const CLOSE_BRACE = 0x7d
const CLOSE_BRACKET = 0x5d
const QUOTE = 0x22
const BACKSLASH = 0x5c

/**
 * Whether `text` opens more than `maxDepth` arrays or objects inside one another. One pass over the
 * characters with a counter, skipping strings (with their escapes): no recursion, no allocation, so it
 * cannot overflow whatever the input. Brackets of malformed text are counted as they come; `JSON.parse`
 * refuses such text anyway.
 */
export function nestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0
  let inString = false
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index)
    if (inString) {
      if (char === BACKSLASH) index++
      else if (char === QUOTE) inString = false
    } else if (char === QUOTE) {
      inString = true
    } else if (char === OPEN_BRACE || char === OPEN_BRACKET) {
      if (++depth > maxDepth) return true
    } else if (char === CLOSE_BRACE || char === CLOSE_BRACKET) {
      depth--
    }
  }
  return false
}

/** Parses JSON without throwing, refusing unparsed a text nested deeper than `maxDepth`. */
export function parseJson(text: string, maxDepth: number = MAX_JSON_DEPTH): JsonParseResult {
  if (nestsDeeperThan(text, maxDepth)) return { ok: false, tooDeep: true }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false, tooDeep: false }
  }
}
