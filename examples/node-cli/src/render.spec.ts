import stringWidth from 'string-width'
import { stripVTControlCharacters } from 'node:util'
import { describe, expect, it } from 'vitest'
import { ANSI } from './color'
import {
  cutToWidth,
  fit,
  formatDuration,
  plainText,
  renderFrame,
  renderJobLine,
  renderLogLine,
  renderSummary,
} from './render'
import { FOUR_JOBS, jobState } from './test-fixtures'

describe('render', () => {
  it('formats durations', () => {
    expect(formatDuration(1234)).toBe('1.2s')
    expect(formatDuration(125_000)).toBe('2m05s')
  })

  it('draws the frame at 120 columns: prompt starts, bars, percentages, a long failure cut to the width', () => {
    expect(renderFrame(FOUR_JOBS, { columns: 120 })).toEqual([
      'Paper boats racing down a rainy… ░░░░░░░░░░░░░░░░░░░░░░░░░░░░   0%  queued',
      'A calico cat playing a grand pi… ██████████████░░░░░░░░░░░░░░  50%  in progress, ~9.5s left',
      'A lighthouse at dusk as a storm… ████████████████████████░░░░  87%  failed: Video generation failed at 87% (simulated b…',
      'Time-lapse of a city skyline fr… ████████████████████████████ 100%  completed',
    ])
  })

  it('narrows the label and the bar at 80 and 40 columns, and never goes past the width', () => {
    expect(renderFrame(FOUR_JOBS, { columns: 80 })).toEqual([
      'Paper boats racing down… ░░░░░░░░░░░░░░░░░░░░   0%  queued',
      'A calico cat playing a … ██████████░░░░░░░░░░  50%  in progress, ~9.5s left',
      'A lighthouse at dusk as… █████████████████░░░  87%  failed: Video generation fa…',
      'Time-lapse of a city sk… ████████████████████ 100%  completed',
    ])
    expect(renderFrame(FOUR_JOBS, { columns: 40 })).toEqual([
      'Paper boats… ░░░░░░░░░░   0%  queued',
      'A calico ca… █████░░░░░  50%  in progre…',
      'A lighthous… █████████░  87%  failed: V…',
      'Time-lapse … ██████████ 100%  completed',
    ])
    for (const columns of [120, 80, 40, 20])
      for (const line of renderFrame(FOUR_JOBS, { columns }))
        expect(stringWidth(line)).toBeLessThanOrEqual(columns)
  })

  it('counts colour codes as zero columns: a coloured line holds the same text as a plain one', () => {
    for (const columns of [120, 80, 40]) {
      const coloured = renderFrame(FOUR_JOBS, { columns, palette: ANSI })
      expect(coloured.join('')).toContain('\x1b[31m')
      expect(coloured.map((line) => stripVTControlCharacters(line))).toEqual(
        renderFrame(FOUR_JOBS, { columns }),
      )
    }
  })

  it('counts wide characters and emoji as two columns', () => {
    const line = renderJobLine(
      jobState({ prompt: '猫がグランドピアノを弾く 🎹🐈 舞台の上で、暖かいスポットライト', progress: 10 }),
      {
        columns: 80,
      },
    )
    expect(line).toBe('猫がグランドピアノを弾…  ██░░░░░░░░░░░░░░░░░░  10%  in progress')
    expect(stringWidth(fit('🎹🎹🎹🎹', 5))).toBe(5)
    expect(cutToWidth('ab猫cd', 3)).toBe('ab…')
  })

  it('shows the id until the prompt is known, and keeps server text to one line', () => {
    const loading = jobState({ id: 'video_abc', status: undefined, video: undefined })
    expect(renderJobLine(loading, { columns: 60 })).toBe('video_abc          ░░░░░░░░░░░░░░░   0%  loading…')
    expect(plainText('two\nlines\x1b[2J and\ta tab')).toBe('two lines [2J and a tab')
    const failed = jobState({ failure: { code: 'x', message: 'Bad\nthing\r\x1b[31m' }, isTerminal: true })
    expect(renderJobLine(failed, { columns: 100 })).toMatch(/failed: Bad thing \[31m$/)
  })

  it('fits a frame in the terminal height: unfinished jobs first, the rest counted on the last line', () => {
    const states = Array.from({ length: 12 }, (_, i) =>
      i % 3 === 0
        ? jobState({
            id: `video_${i}`,
            status: 'completed',
            progress: 100,
            isTerminal: true,
            prompt: `Done ${i}`,
          })
        : jobState({ id: `video_${i}`, progress: 40, prompt: `Rendering ${i}` }),
    )
    const frame = renderFrame(states, { columns: 60, rows: 6 })
    expect(frame).toHaveLength(5)
    expect(frame.slice(0, 4).map((line) => line.slice(0, 12).trim())).toEqual([
      'Rendering 1',
      'Rendering 2',
      'Rendering 4',
      'Rendering 5',
    ])
    expect(frame[4]).toBe('… 8 more (4 completed, 0 failed, 4 running)')
  })

  it('writes one plain log line per change for output that is not a terminal', () => {
    const [queued, rendering, failed, completed] = FOUR_JOBS
    expect(renderLogLine(queued!, 0)).toBe('[0.0s] video_q queued “Paper boats racing down a rainy street …”')
    expect(renderLogLine(rendering!, 4_200)).toBe(
      '[4.2s] video_r in progress 50% “A calico cat playing a grand piano on s…”',
    )
    expect(renderLogLine(failed!, 10_000)).toBe(
      '[10.0s] video_f failed: Video generation failed at 87% (simulated by the mock API). Create the video again, or lower failRate. “A lighthouse at dusk as a storm rolls i…”',
    )
    expect(renderLogLine(completed!, 12_000)).toMatch(/^\[12\.0s\] video_c completed “Time-lapse/)
  })

  it('summarizes outcomes, durations and requests, cut to the width when given', () => {
    const finishedAt = new Map([
      ['video_f', 10_000],
      ['video_c', 12_000],
    ])
    const facts = { startedAt: 0, now: 12_500, finishedAt, requests: 7 }
    expect(renderSummary(FOUR_JOBS.slice(2), facts)).toBe(
      [
        '',
        'Summary: 1/2 completed, 7 HTTP requests in 12.5s',
        '  failed        10.0s  video_f  A lighthouse at dusk as a storm rolls in, cinematic',
        '  completed     12.0s  video_c  Time-lapse of a city skyline from day to night',
      ].join('\n'),
    )
    expect(renderSummary(FOUR_JOBS.slice(2), facts, { columns: 40 }).split('\n')[2]).toBe(
      '  failed        10.0s  video_f  A light…',
    )
  })
})
