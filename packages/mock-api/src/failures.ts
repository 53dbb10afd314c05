import type { MockVideoError } from './job-lifecycle'
import type { Random } from './random'

/**
 * How generation fails on a real service, worded as the service words it: the prompt refused by
 * moderation, or the render breaking inside the service. The codes are the ones clients branch on.
 */
export const MOCK_FAILURES = {
  moderation: { code: 'moderation_blocked', message: 'The prompt was flagged by our content policy.' },
  internal: {
    code: 'video_generation_failed',
    message: 'Generation failed due to an internal error; please retry.',
  },
} as const satisfies Record<string, MockVideoError>

/** One failure in three is a moderation block, as on a service that checks every prompt. */
const MODERATION_SHARE = 1 / 3

/**
 * The failure of a seeded failing job, drawn from its own stream so that adding this draw moved no other
 * seeded choice.
 */
export function seededFailure(random: Random): MockVideoError {
  const failure = random() < MODERATION_SHARE ? MOCK_FAILURES.moderation : MOCK_FAILURES.internal
  return { ...failure }
}
