import { VideoApiError, VideoNetworkError } from '../errors'
import { classifyFailure } from './failure-policy'

/** Where the limit starts, and its floor and ceiling. */
const INITIAL = 4
const FLOOR = 2
const CEILING = 32
/** An answer slower than this many times the fastest seen means requests queue somewhere: no growth. */
const QUEUEING = 2

/**
 * How many polls may be in flight at once, learned from the answers (additive increase, multiplicative
 * decrease, as TCP does): one more per `limit` fast answers, half as many after a 429, a 5xx, a timeout
 * or a lost connection. It starts small, so a wake-up (a 429 resume, a tab's return) never becomes a
 * storm, and grows to what the server answers without strain, so a queue of thousands stays fresh.
 */
export class ConcurrencyLimit {
  #limit = INITIAL
  #fastest = Infinity

  /** Requests that may be in flight now. */
  get limit(): number {
    return Math.floor(this.#limit)
  }

  /** An answer came back after `roundTripMs`. */
  answered(roundTripMs: number): void {
    this.#fastest = Math.min(this.#fastest, roundTripMs)
    if (roundTripMs > QUEUEING * Math.max(this.#fastest, 1)) return
    this.#limit = Math.min(CEILING, this.#limit + 1 / this.#limit)
  }

  /** A request failed: back off if the failure says the server or the network is under strain. */
  failed(error: unknown): void {
    if (!isStrain(error)) return
    this.#limit = Math.max(FLOOR, this.#limit / 2)
  }
}

function isStrain(error: unknown): boolean {
  if (error instanceof VideoNetworkError) return true
  if (!(error instanceof VideoApiError)) return false
  return classifyFailure(error) === 'rate-limited' || error.status >= 500 || error.status === 408
}
