import type { VideoJobState } from '@vidjob/core'
import { IDLE_JOB_STATE } from '@vidjob/core/bindings'
import { describe, expect, it } from 'vitest'
import { formatDuration, renderJobLine, renderSummary } from './render'

const state = (overrides: Partial<VideoJobState>): VideoJobState => ({
  ...IDLE_JOB_STATE,
  id: 'video_1',
  isPolling: true,
  ...overrides,
})

describe('render', () => {
  it('formats durations', () => {
    expect(formatDuration(1234)).toBe('1.2s')
    expect(formatDuration(125_000)).toBe('2m05s')
  })

  it('draws a bar proportional to progress with the status', () => {
    const line = renderJobLine(state({ status: 'in_progress', progress: 50, eta: 9_500 }))
    expect(line).toContain('█'.repeat(14) + '░'.repeat(14))
    expect(line).toContain(' 50%')
    expect(line).toContain('in progress, ~9.5s left')
    expect(renderJobLine(state({}))).toContain('loading…')
    expect(renderJobLine(state({ status: 'failed', failure: { code: 'x', message: 'Refused' } }))).toContain(
      'failed: Refused',
    )
  })

  it('summarizes outcomes, durations and requests', () => {
    const done = state({ status: 'completed', progress: 100, isTerminal: true })
    const summary = renderSummary([done], 0, new Map([['video_1', 12_000]]), 7)
    expect(summary).toContain('1/1 completed, 7 HTTP requests')
    expect(summary).toMatch(/video_1\s+completed\s+12\.0s/)
  })
})
