import { apiError, retryAfter } from './http'
import type { RelayFleet } from './fleet/relay-fleet'
import type { RelayLimits } from './options'

const WINDOW_MS = 60_000
/** When live jobs are the limit, when to try again: about when a job may have finished. */
const LIVE_RETRY_MS = 10_000

/**
 * The per-user limits of the relay: prompt size, live jobs, creates in any minute. Live jobs are counted in
 * the store and creates by the fleet when there is one, so both hold across instances.
 */
export class UserLimits {
  readonly #live: number
  readonly #perMinute: number
  readonly maxPromptChars: number
  readonly maxBodyBytes: number
  /** When each user's recent creates were admitted, oldest first. */
  readonly #recent = new Map<string, number[]>()

  readonly #fleet: RelayFleet | undefined

  constructor(limits: RelayLimits = {}, fleet?: RelayFleet) {
    this.#fleet = fleet
    this.#live = limits.liveJobsPerUser ?? 10
    this.#perMinute = limits.createsPerMinute ?? 10
    this.maxPromptChars = limits.maxPromptChars ?? 32_000
    this.maxBodyBytes = limits.maxBodyBytes ?? 25 * 1024 * 1024
  }

  /** 400 for a prompt longer than the limit (in characters, as the API counts them). */
  checkPrompt(prompt: unknown): Response | undefined {
    if (typeof prompt !== 'string' || prompt.length <= this.maxPromptChars) return undefined
    if ([...prompt].length <= this.maxPromptChars) return undefined
    return apiError(400, {
      message: `prompt must be at most ${this.maxPromptChars} characters.`,
      type: 'invalid_request_error',
      param: 'prompt',
      code: 'prompt_too_long',
    })
  }

  /** Admits one more create of `userId` (counting it), or answers 429 with `Retry-After`. */
  async admit(userId: string, liveJobs: number): Promise<Response | undefined> {
    if (liveJobs >= this.#live)
      return tooMany(
        `You have ${liveJobs} videos rendering, the most this server allows at once; wait for one to finish.`,
        LIVE_RETRY_MS,
      )
    const waitMs = this.#fleet
      ? await this.#fleet.admitCreate(userId, this.#perMinute, WINDOW_MS)
      : this.#admitHere(userId)
    if (waitMs === undefined) return undefined
    return tooMany(
      `You started ${this.#perMinute} videos in the last minute, the most this server allows.`,
      waitMs,
    )
  }

  #admitHere(userId: string): number | undefined {
    const now = Date.now()
    const recent = (this.#recent.get(userId) ?? []).filter((at) => at > now - WINDOW_MS)
    this.#recent.set(userId, recent)
    if (recent.length >= this.#perMinute) return recent[0]! + WINDOW_MS - now
    recent.push(now)
    return undefined
  }
}

function tooMany(message: string, waitMs: number): Response {
  return apiError(429, { message, type: 'rate_limit_exceeded', code: 'user_limit' }, retryAfter(waitMs))
}
