import { dequal } from 'dequal/lite'
import { isTerminalStatus, statusRank, type Video } from '../schema/video'

/** What a merge did: kept a new object, kept the current one unchanged, or refused stale data. */
export type MergeVerdict = 'new' | 'changed' | 'same' | 'stale'

/**
 * Forward-only merge of one server object into what the cache holds. A job only moves forward
 * (`queued` < `in_progress` < `completed`/`failed`, progress never lower within a status, a terminal
 * status never changes), so an answer from a lagging replica or an out-of-order response cannot undo
 * what the UI already showed. Equal data keeps the current object, so subscribers see no change.
 */
export function mergeVideo(
  current: Video | undefined,
  incoming: Video,
): { video: Video; verdict: MergeVerdict } {
  if (current === undefined) return { video: incoming, verdict: 'new' }
  if (isStale(current, incoming)) return { video: current, verdict: 'stale' }
  if (dequal(current, incoming)) return { video: current, verdict: 'same' }
  return { video: incoming, verdict: 'changed' }
}

function isStale(current: Video, incoming: Video): boolean {
  if (isTerminalStatus(current.status)) return incoming.status !== current.status
  const byRank = statusRank(incoming.status) - statusRank(current.status)
  if (byRank !== 0) return byRank < 0
  return incoming.progress < current.progress
}
