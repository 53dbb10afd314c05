/**
 * Scrubs secrets (the API key, credential headers) from everything vidjob builds from an answer: a
 * server or a proxy may echo the key anywhere (a message, `code`, a FastAPI `input`, a header, a body),
 * and an error travels far (state, logs, `JSON.stringify`, error trackers). The walk is bounded in depth
 * and size and copies only what changes, so a clean value comes back as the same reference.
 */

/** What replaces a secret. */
export const REDACTED = '[redacted]'
/** What replaces a part of a value too deep or too large to check, so nothing unchecked gets through. */
const UNCHECKED = '[redacted: not checked, too deep or too large]'
const MAX_DEPTH = 100
const MAX_NODES = 1_000_000

/** Replaces every occurrence of each secret in `text`. */
export function redactText(text: string, secrets: readonly string[]): string {
  let result = text
  for (const secret of secrets) if (secret !== '') result = result.split(secret).join(REDACTED)
  return result
}

/**
 * `value` with every string reachable through plain objects, arrays and errors redacted. Unchanged parts
 * keep their identity; a cycle, or a part past the depth or size bound, is replaced by a placeholder.
 */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
  const active = secrets.filter((secret) => secret !== '')
  if (active.length === 0) return value
  return new Redactor(active).walk(value, 0) as T
}

/**
 * Redacts, in place, every own property of an error vidjob built (`message`, `stack`, `code`, `body`,
 * `issues`, `cause`...), and returns it. A `cause` that holds a secret is replaced by a redacted copy (the
 * original, often the platform's, is left alone).
 */
export function redactError<E extends Error>(error: E, secrets: readonly string[]): E {
  const active = secrets.filter((secret) => secret !== '')
  if (active.length === 0) return error
  const redactor = new Redactor(active)
  for (const key of Reflect.ownKeys(error)) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key)
    if (descriptor === undefined || !('value' in descriptor)) continue
    const redacted = redactor.walk(descriptor.value, 0)
    if (redacted !== descriptor.value) Object.defineProperty(error, key, { ...descriptor, value: redacted })
  }
  return error
}

class Redactor {
  #nodes = 0
  readonly #path = new Set<object>()

  constructor(readonly secrets: readonly string[]) {}

  walk(value: unknown, depth: number): unknown {
    if (typeof value === 'string') return redactText(value, this.secrets)
    if (typeof value !== 'object' || value === null) return value
    if (depth > MAX_DEPTH || ++this.#nodes > MAX_NODES) return UNCHECKED
    if (this.#path.has(value)) return UNCHECKED
    this.#path.add(value)
    try {
      if (Array.isArray(value)) return this.#array(value, depth)
      if (value instanceof Error) return this.#error(value, depth)
      return isPlainObject(value) ? this.#object(value, depth) : value
    } finally {
      this.#path.delete(value)
    }
  }

  #array(array: readonly unknown[], depth: number): unknown[] {
    let copy: unknown[] | undefined
    array.forEach((item, index) => {
      const redacted = this.walk(item, depth + 1)
      if (redacted === item) return
      copy ??= array.slice()
      copy[index] = redacted
    })
    return copy ?? (array as unknown[])
  }

  #object(object: Record<string, unknown>, depth: number): Record<string, unknown> {
    let copy: Record<string, unknown> | undefined
    for (const [key, item] of Object.entries(object)) {
      const redacted = this.walk(item, depth + 1)
      if (redacted === item) continue
      copy ??= { ...object }
      copy[key] = redacted
    }
    return copy ?? object
  }

  /** A copy of the error, of the same standard class, when any of its parts held a secret. */
  #error(error: Error, depth: number): Error {
    const parts = { message: error.message, stack: error.stack, cause: error.cause, own: { ...error } }
    const redacted = this.#object(parts as unknown as Record<string, unknown>, depth)
    if (redacted === (parts as unknown)) return error
    const copy = new (standardErrorClass(error))(String(redacted.message), { cause: redacted.cause })
    Object.assign(copy, redacted.own)
    Object.defineProperty(copy, 'name', { value: error.name, configurable: true, writable: true })
    Object.defineProperty(copy, 'stack', { value: redacted.stack, configurable: true, writable: true })
    return copy
  }
}

const STANDARD_ERRORS = [TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError]

function standardErrorClass(error: Error): ErrorConstructor {
  return STANDARD_ERRORS.find((Class) => error instanceof Class) ?? Error
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}
