import { afterEach, describe, expect, it } from 'vitest'
import { ANSI } from './color'
import { renderFrame } from './render'
import { createScreen } from './test-terminal'
import { FOUR_JOBS, jobState } from './test-fixtures'
import { createLiveView, createLogView } from './views'

const screens: ReturnType<typeof createScreen>[] = []
afterEach(() => screens.splice(0).forEach((screen) => screen.dispose()))

function screenOf(columns: number, rows: number) {
  const screen = createScreen(columns, rows)
  screens.push(screen)
  screen.output.write('Tracking 4 video jobs on the embedded mock API…\n\n')
  return screen
}

describe('createLiveView', () => {
  it.each([120, 80])(
    'redraws in place at %i columns: every job once, a long failure cut, not wrapped',
    async (columns) => {
      const screen = screenOf(columns, 24)
      const view = createLiveView(screen.output, ANSI)
      for (let i = 0; i < 5; i++) view.draw(FOUR_JOBS)
      view.close()

      expect(await screen.lines()).toEqual([
        'Tracking 4 video jobs on the embedded mock API…',
        '',
        ...renderFrame(FOUR_JOBS, { columns }),
      ])
    },
  )

  it('moves up by the lines it printed, erases below, and hides the cursor while it draws', () => {
    const screen = screenOf(80, 24)
    const view = createLiveView(screen.output)
    view.draw(FOUR_JOBS.slice(0, 2))
    view.draw(FOUR_JOBS.slice(0, 3))
    view.close()
    const [first, second] = renderFrame(FOUR_JOBS.slice(0, 2), { columns: 80 })
    expect(screen.written.slice(1)).toEqual([
      `\x1b[?25l\x1b[J${first}\n${second}\n`,
      `\r\x1b[2A\x1b[J${renderFrame(FOUR_JOBS.slice(0, 3), { columns: 80 }).join('\n')}\n`,
      '\x1b[?25h',
    ])
  })

  it('recounts the width on resize: narrowed (the terminal re-wraps old lines) and widened', async () => {
    const screen = screenOf(120, 24)
    const view = createLiveView(screen.output)
    view.draw(FOUR_JOBS)
    screen.resize(70)
    view.resize()
    expect(await screen.lines()).toEqual([
      'Tracking 4 video jobs on the embedded mock API…',
      '',
      ...renderFrame(FOUR_JOBS, { columns: 70 }),
    ])
    screen.resize(100)
    view.resize()
    view.draw(FOUR_JOBS)
    expect((await screen.lines()).slice(2)).toEqual(renderFrame(FOUR_JOBS, { columns: 100 }))
  })

  it('keeps a frame taller than the terminal to its height, so the redraw reaches its top', async () => {
    const screen = screenOf(60, 8)
    const view = createLiveView(screen.output)
    const states = Array.from({ length: 12 }, (_, i) =>
      jobState({ id: `video_${i}`, progress: 5 * i, prompt: `Job ${i}` }),
    )
    for (let i = 0; i < 3; i++) view.draw(states)
    const lines = await screen.lines()
    expect(lines.slice(-7)).toEqual(renderFrame(states, { columns: 60, rows: 8 }))
    expect(lines.filter((line) => line.startsWith('Job 0 '))).toHaveLength(1)
  })
})

describe('createLogView', () => {
  it('prints a plain line when a status changes or progress passes a quarter, and nothing else', () => {
    const written: string[] = []
    let elapsed = 0
    const view = createLogView({ write: (text) => written.push(text) }, () => elapsed)
    const job = (progress: number, status: 'queued' | 'in_progress' | 'completed' = 'in_progress') =>
      jobState({
        id: 'video_1',
        prompt: 'A fox in snow',
        status,
        progress,
        isTerminal: status === 'completed',
      })
    for (const [at, state] of [
      [0, job(0, 'queued')],
      [1_000, job(3)],
      [2_000, job(20)],
      [3_000, job(30)],
      [4_000, job(100, 'completed')],
      [5_000, job(100, 'completed')],
    ] as const) {
      elapsed = at
      view.draw([state])
    }
    expect(written.join('')).toBe(
      [
        '[0.0s] video_1 queued “A fox in snow”',
        '[1.0s] video_1 in progress 3% “A fox in snow”',
        '[3.0s] video_1 in progress 30% “A fox in snow”',
        '[4.0s] video_1 completed “A fox in snow”',
        '',
      ].join('\n'),
    )
    expect(written.join('')).not.toContain('\x1b')
  })
})
