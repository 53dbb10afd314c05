import type { VideoJobState } from '@vidjob/core'
import cliTruncate from 'cli-truncate'
import stringWidth from 'string-width'
import { PLAIN, type Palette } from './color'

/** How a frame is drawn: the terminal's size and the colours (none by default). */
export interface FrameOptions {
  /** Terminal width; every line is cut to it, counting display width (ANSI 0, wide characters 2). */
  columns: number
  /** Terminal height; a frame never needs more rows than fit, so the redraw can always reach its top. */
  rows?: number
  palette?: Palette
}

/** Formats ms as `12.3s` or `2m05s`. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`
  const minutes = Math.floor(ms / 60_000)
  const seconds = Math.round((ms % 60_000) / 1000)
  return `${minutes}m${String(seconds).padStart(2, '0')}s`
}

/**
 * Text from the server (prompts, failure messages) made safe for one terminal line: control characters,
 * escape sequences included, become spaces, so a prompt with a newline or an ESC cannot break the frame.
 *
 * @example plainText('two\nlines') // 'two lines'
 */
export function plainText(text: string): string {
  let out = ''
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    out += code < 0x20 || (code >= 0x7f && code < 0xa0) ? ' ' : char
  }
  return out.replace(/\s+/g, ' ').trim()
}

/**
 * Cuts `text` to `width` terminal columns (with `…` when cut) and pads it to exactly that width.
 *
 * @example fit('A calico cat', 8) // 'A calic…'
 */
export function fit(text: string, width: number): string {
  const cut = cutToWidth(text, width)
  return cut + ' '.repeat(Math.max(0, width - stringWidth(cut)))
}

/** Cuts `text` to at most `columns` terminal columns, with `…` when cut; ANSI styles are kept and closed. */
export function cutToWidth(text: string, columns: number): string {
  if (stringWidth(text) <= columns) return text
  // cli-truncate 5 (the last for Node 20) keeps a wide character that straddles the limit, one column
  // over; asking for one column less then gives the right cut.
  for (let room = columns; room > 0; room--) {
    const cut = cliTruncate(text, room)
    if (stringWidth(cut) <= columns) return cut
  }
  return ''
}

/** Widths of the label and bar columns for a terminal `columns` wide: narrower terminals get less of both. */
export function layoutFor(columns: number): { label: number; bar: number } {
  const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))
  return { label: clamp(Math.floor(columns * 0.3), 12, 32), bar: clamp(Math.floor(columns * 0.25), 8, 28) }
}

/** What names a job for a person: the start of its prompt, or its id until the video is known. */
export function jobLabel(state: VideoJobState): string {
  return plainText(state.video?.prompt ?? '') || state.id
}

function statusText(state: VideoJobState, palette: Palette): string {
  if (state.isDeleted) return palette.dim('deleted')
  if (state.failure) return palette.red(`failed: ${plainText(state.failure.message)}`)
  if (state.error && !state.video) return palette.red(`error: ${plainText(state.error.message)}`)
  switch (state.status) {
    case 'completed':
      return palette.green('completed')
    case 'queued':
      return palette.yellow('queued')
    case 'in_progress':
      return palette.cyan(
        state.eta === undefined ? 'in progress' : `in progress, ~${formatDuration(state.eta)} left`,
      )
    default:
      return palette.dim('loading…')
  }
}

function bar(state: VideoJobState, width: number, palette: Palette): string {
  const filled = Math.round((state.progress / 100) * width)
  const fill = state.status === 'completed' ? palette.green : state.failure ? palette.red : palette.cyan
  return fill('█'.repeat(filled)) + palette.dim('░'.repeat(width - filled))
}

/**
 * One line per job: the prompt's start, a bar, the percentage and the status, cut to the terminal width so
 * it never wraps. Pure, so it is tested without a terminal.
 *
 * @example renderJobLine(state, { columns: 80 }) // 'A calico cat playing a g… ██████░░…  21%  in progress, ~9.5s left'
 */
export function renderJobLine(state: VideoJobState, options: FrameOptions): string {
  const palette = options.palette ?? PLAIN
  const layout = layoutFor(options.columns)
  const percent = `${String(Math.floor(state.progress)).padStart(3)}%`
  const line = `${fit(jobLabel(state), layout.label)} ${bar(state, layout.bar, palette)} ${percent}  ${statusText(state, palette)}`
  return cutToWidth(line, options.columns)
}

/**
 * The lines of one frame: a line per job while they fit in `rows - 1` (the row the cursor rests on after
 * the frame), else the unfinished jobs first and a last line counting the rest.
 *
 * @example renderFrame(states, { columns: 80, rows: 24 }).length // <= 23
 */
export function renderFrame(states: readonly VideoJobState[], options: FrameOptions): string[] {
  const room = Math.max(1, (options.rows ?? Number.POSITIVE_INFINITY) - 1)
  if (states.length <= room) return states.map((state) => renderJobLine(state, options))
  // Unfinished jobs are the ones worth watching; the order on screen stays the order given.
  const ranked = [...states].sort((a, b) => Number(a.isTerminal) - Number(b.isTerminal))
  const shown = new Set(ranked.slice(0, room - 1))
  const hidden = states.filter((state) => !shown.has(state))
  const more = `… ${hidden.length} more (${outcomeCounts(hidden)})`
  return [
    ...states.filter((state) => shown.has(state)).map((state) => renderJobLine(state, options)),
    cutToWidth((options.palette ?? PLAIN).dim(more), options.columns),
  ]
}

function outcomeCounts(states: readonly VideoJobState[]): string {
  const completed = states.filter((s) => s.status === 'completed').length
  const failed = states.filter((s) => s.isTerminal && s.status !== 'completed').length
  const running = states.length - completed - failed
  return `${completed} completed, ${failed} failed, ${running} running`
}

/**
 * One plain log line for output that is not a terminal: elapsed time, id, status and the prompt's start.
 *
 * @example renderLogLine(state, 4_200) // '[4.2s] video_1 in progress 25% “A calico cat playing a grand…”'
 */
export function renderLogLine(state: VideoJobState, elapsedMs: number): string {
  const rendering = state.status === 'in_progress' && !state.failure && !state.isDeleted
  const status = rendering ? `in progress ${Math.floor(state.progress)}%` : statusText(state, PLAIN)
  const label = state.video?.prompt ? ` “${cutToWidth(jobLabel(state), 40)}”` : ''
  return `[${formatDuration(elapsedMs)}] ${state.id} ${status}${label}`
}

/** When each job finished, and what the run cost, for {@link renderSummary}. */
export interface SummaryFacts {
  startedAt: number
  now: number
  finishedAt: ReadonlyMap<string, number>
  requests: number
}

/**
 * The summary printed when every job has finished: the counts, then a line per job (status, time, id and
 * prompt), each cut to `columns` when given.
 *
 * @example renderSummary(states, { startedAt, now: Date.now(), finishedAt, requests: 12 }, { columns: 80 })
 */
export function renderSummary(
  states: readonly VideoJobState[],
  facts: SummaryFacts,
  options: Partial<FrameOptions> = {},
): string {
  const palette = options.palette ?? PLAIN
  const completed = states.filter((s) => s.status === 'completed').length
  const lines = states.map((state) => {
    const end = facts.finishedAt.get(state.id)
    const took = end === undefined ? '—' : formatDuration(end - facts.startedAt)
    const status = (state.isDeleted ? 'deleted' : (state.status ?? 'unknown')).padEnd(11)
    const paint = state.status === 'completed' ? palette.green : palette.red
    const prompt = state.video?.prompt ? `  ${jobLabel(state)}` : ''
    return `  ${paint(status)} ${took.padStart(7)}  ${state.id}${prompt}`
  })
  const head = `Summary: ${completed}/${states.length} completed, ${facts.requests} HTTP requests in ${formatDuration(facts.now - facts.startedAt)}`
  const all = ['', palette.bold(head), ...lines]
  return all.map((line) => (options.columns ? cutToWidth(line, options.columns) : line)).join('\n')
}
