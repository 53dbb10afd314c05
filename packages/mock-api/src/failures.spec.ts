import { describe, expect, it } from 'vitest'
import { MOCK_FAILURES, seededFailure } from './failures'
import { createRandom, deriveSeed } from './random'

describe('seededFailure', () => {
  it('draws moderation blocks and internal errors, worded like a service and not like a mock', () => {
    const drawn = Array.from({ length: 60 }, (_, seq) =>
      seededFailure(createRandom(deriveSeed(1, 'failure', seq))),
    )
    const codes = new Set(drawn.map((failure) => failure.code))
    expect(codes).toEqual(new Set(['moderation_blocked', 'video_generation_failed']))
    for (const { message } of drawn) {
      expect(message).not.toMatch(/mock|failRate|simulat/i)
      expect([MOCK_FAILURES.moderation.message, MOCK_FAILURES.internal.message]).toContain(message)
    }
  })

  it('hands out a copy the caller may change', () => {
    const failure = seededFailure(() => 0)
    failure.message = 'changed'
    expect(MOCK_FAILURES.moderation.message).toBe('The prompt was flagged by our content policy.')
  })
})
