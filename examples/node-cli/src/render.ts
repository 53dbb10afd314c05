import type { VideoJobState } from '@vidjob/core'

const BAR_WIDTH = 28

/** Formats ms as `12.3s` or `2m05s`. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`
  const minutes = Math.floor(ms / 60_000)
  const seconds = Math.round((ms % 60_000) / 1000)
  return `${minutes}m${String(seconds).padStart(2, '0')}s`
}

function bar(progress: number): string {
  const filled = Math.round((progress / 100) * BAR_WIDTH)
  return `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`
}

function statusLabel(state: VideoJobState): string {
  if (state.isDeleted) return 'deleted'
  if (state.failure) return `failed: ${state.failure.message}`
  if (state.error && !state.video) return `error: ${state.error.message}`
  if (state.status === 'in_progress' && state.eta !== undefined)
    return `in progress, ~${formatDuration(state.eta)} left`
  return state.status?.replace('_', ' ') ?? 'loading…'
}

/**
 * One line per job: id, bar, percentage and status. Pure, so it is tested without a terminal.
 *
 * @example renderJobLine(state) // 'video_abc  ██████░░…  21%  in progress, ~9.5s left'
 */
export function renderJobLine(state: VideoJobState): string {
  const percent = `${String(Math.floor(state.progress)).padStart(3)}%`
  return `${state.id.padEnd(32)} ${bar(state.progress)} ${percent}  ${statusLabel(state)}`
}

/** The summary table printed when every job has finished. */
export function renderSummary(
  states: readonly VideoJobState[],
  startedAt: number,
  finishedAt: ReadonlyMap<string, number>,
  requests: number,
): string {
  const lines = states.map((state) => {
    const end = finishedAt.get(state.id)
    const took = end === undefined ? '—' : formatDuration(end - startedAt)
    return `  ${state.id.padEnd(32)} ${(state.status ?? 'unknown').padEnd(11)} ${took.padStart(7)}`
  })
  const completed = states.filter((s) => s.status === 'completed').length
  return [
    '',
    `Summary: ${completed}/${states.length} completed, ${requests} HTTP requests in ${formatDuration(Date.now() - startedAt)}`,
    ...lines,
  ].join('\n')
}
