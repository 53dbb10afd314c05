import { VideoApiError, VideoUnsupportedError, VideoValidationError, type VideoCapability } from '../errors'
import type { Clock } from '../store/job-entry'
import type { VideoServerCapabilities } from '../types'
import { classifyFailure, type FailureKind } from './failure-policy'

/** The first pause of the list after a 5xx, doubled at each one more, up to the last. */
const LIST_BACKOFF_MS = [5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000]

/**
 * The server's capabilities as the client knows them now: declared, then learned from answers. A list
 * route that fails with a 5xx is paused (5 s, doubling up to 5 min) while jobs are retrieved one by one, and
 * resumes at its first good page.
 */
export class Capabilities {
  #list: boolean
  #delete: boolean
  #variants: boolean
  #listStrain = 0
  #listPausedUntil = 0
  readonly #clock: Clock

  constructor(declared: VideoServerCapabilities, clock: Clock) {
    this.#list = declared.list ?? true
    this.#delete = declared.delete ?? true
    this.#variants = declared.contentVariants ?? true
    this.#clock = clock
  }

  /** The list route exists (it may still be paused after 5xx answers). */
  get list(): boolean {
    return this.#list
  }

  /** The poller may send list pages now. */
  get canPollPages(): boolean {
    return this.#list && this.#clock.now() >= this.#listPausedUntil
  }

  get delete(): boolean {
    return this.#delete
  }

  get contentVariants(): boolean {
    return this.#variants
  }

  /** A list page came back. */
  listAnswered(): void {
    this.#listStrain = 0
    this.#listPausedUntil = 0
  }

  /**
   * A list page failed: no such route, or a pause after a server error. A page after a `guessed` cursor (a
   * walker's start: a watched id no page has shown) tells nothing of the route: the id may be unknown there.
   */
  listFailed(error: unknown, guessed = false): void {
    const kind = routeFailure(error)
    // Only the server's strain (a 5xx, a lost connection) is news from such a page.
    if (guessed && (kind !== 'transient' || error instanceof VideoValidationError)) return
    if (kind === 'gone' || kind === 'unsupported' || isNotAList(error)) this.#list = false
    else if (kind === 'transient') {
      const pause = LIST_BACKOFF_MS[Math.min(this.#listStrain, LIST_BACKOFF_MS.length - 1)] as number
      this.#listStrain++
      this.#listPausedUntil = this.#clock.now() + pause
    }
  }

  /** A DELETE failed: without such a method, deletes are refused from now on. */
  deleteFailed(error: unknown): void {
    if (routeFailure(error) === 'unsupported') this.#delete = false
  }

  /** A DELETE answered 404 for a video that is still there: the server has no delete route. */
  deleteIgnored(): void {
    this.#delete = false
  }

  /** An image variant came back as something else (the server serves the video whatever is asked). */
  variantsIgnored(): void {
    this.#variants = false
  }
}

/**
 * How a failure of a whole route reads. A gateway that maps a provider's NotImplementedError to a 500
 * (LiteLLM: "Video list is not supported by Google Veo") says so only in words: those words count as a 501.
 */
export function routeFailure(error: unknown): FailureKind {
  const kind = classifyFailure(error)
  if (kind !== 'transient' || !(error instanceof VideoApiError)) return kind
  return NOT_SUPPORTED.test(error.message) ? 'unsupported' : kind
}

const NOT_SUPPORTED = /\bnot (supported|implemented)\b/i

/** JSON that is no list page at all (a 404 page served as 200, a single video); not a list with a bad row. */
function isNotAList(error: unknown): boolean {
  if (!(error instanceof VideoValidationError)) return false
  const { body } = error
  return typeof body === 'object' && body !== null && !Array.isArray((body as { data?: unknown }).data)
}

/**
 * Why a call is refused: the server cannot do it. `learned` when an answer just showed it (that request
 * was sent; later ones are not), with that answer's error as `cause`.
 */
export function unsupported(
  capability: VideoCapability,
  what: string,
  how: string,
  learned?: { cause?: unknown } | undefined,
): VideoUnsupportedError {
  const sent = learned === undefined ? 'so nothing was sent' : 'and later calls are refused unsent'
  return new VideoUnsupportedError(
    capability,
    `This server cannot ${what} (${how}), ${sent}. Declare createVideoClient({ capabilities }) ` +
      'to match the server, or use a server that supports it (docs/servers.md).',
    { cause: learned?.cause },
  )
}
