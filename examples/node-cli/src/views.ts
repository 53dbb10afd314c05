import type { VideoJobState } from '@vidjob/core'
import stringWidth from 'string-width'
import { PLAIN, type Palette } from './color'
import { renderFrame, renderLogLine } from './render'

/** Where the CLI writes: `process.stdout`, or a fake with a size in tests. */
export interface TerminalOutput {
  write(text: string): unknown
  /** Width in columns, when it is a terminal. */
  readonly columns?: number
  /** Height in rows, when it is a terminal. */
  readonly rows?: number
}

/** Shows the jobs' states as they change. */
export interface JobsView {
  draw(states: readonly VideoJobState[]): void
  /** Call on the terminal's `resize` event: redraws the last states at the new size. */
  resize(): void
  /** Leaves the terminal as it was found (the cursor shown again). */
  close(): void
}

const CURSOR_HIDE = '\x1b[?25l'
const CURSOR_SHOW = '\x1b[?25h'
const ERASE_BELOW = '\x1b[J'
const up = (rows: number): string => (rows > 0 ? `\r\x1b[${rows}A` : '')

/**
 * Redraws one line per job in place. Every line is cut to the terminal's width, so it takes exactly one
 * row and moving the cursor up by the lines printed reaches the frame's top. After a resize, the terminal
 * may have re-wrapped the old lines (most do when narrowed), so the way up counts the rows they take at
 * the new width.
 *
 * @example
 * const view = createLiveView(process.stdout, ANSI)
 * process.stdout.on('resize', view.resize)
 * view.draw(states)
 */
export function createLiveView(output: TerminalOutput, palette: Palette = PLAIN): JobsView {
  let drawn: string[] = []
  let last: readonly VideoJobState[] | undefined
  const columns = () => output.columns || 80
  const paint = (rowsUp: number, states: readonly VideoJobState[]) => {
    const lines = renderFrame(states, { columns: columns(), rows: output.rows || 24, palette })
    const hide = last === undefined ? CURSOR_HIDE : ''
    last = states
    drawn = lines
    output.write(`${hide}${up(rowsUp)}${ERASE_BELOW}${lines.map((line) => `${line}\n`).join('')}`)
  }
  return {
    draw: (states) => paint(drawn.length, states),
    resize: () => {
      if (!last) return
      const width = columns()
      paint(
        drawn.reduce((rows, line) => rows + Math.max(1, Math.ceil(stringWidth(line) / width)), 0),
        last,
      )
    },
    close: () => {
      if (last !== undefined) output.write(CURSOR_SHOW)
    },
  }
}

/**
 * For output that is not a terminal (a pipe, a file, CI): no redraw, one plain line each time a job's
 * status changes or its progress crosses a quarter.
 *
 * @example createLogView(process.stdout, () => Date.now() - startedAt).draw(states)
 */
export function createLogView(output: TerminalOutput, elapsed: () => number): JobsView {
  const logged = new Map<string, string>()
  return {
    draw: (states) => {
      for (const state of states) {
        const key = logKey(state)
        if (key === undefined || logged.get(state.id) === key) continue
        logged.set(state.id, key)
        output.write(`${renderLogLine(state, elapsed())}\n`)
      }
    },
    resize: () => {},
    close: () => {},
  }
}

/** What a log line is about: the phase, and the quarter while rendering; nothing before the first data. */
function logKey(state: VideoJobState): string | undefined {
  if (state.isDeleted) return 'deleted'
  if (state.failure) return 'failed'
  if (state.error && !state.video) return `error: ${state.error.message}`
  if (state.status === 'in_progress') return `in_progress ${Math.floor(state.progress / 25)}`
  return state.status
}
