/**
 * Estimates a job's progress rate from what the client has seen, to predict when the next visible change
 * and the completion are due. Uses the span from the first in-progress observation to the latest change,
 * which averages out the jitter of individual polls.
 */
export interface ProgressSamples {
  /** First observation while in progress: time (ms) and progress. */
  readonly first: { readonly at: number; readonly progress: number } | undefined
  /** Latest observation where progress changed. */
  readonly last: { readonly at: number; readonly progress: number } | undefined
}

/** No observation yet. */
export const NO_SAMPLES: ProgressSamples = { first: undefined, last: undefined }

/** Adds an observation of an in-progress job; returns the same object when it adds nothing. */
export function addSample(samples: ProgressSamples, at: number, progress: number): ProgressSamples {
  if (samples.first === undefined) return { first: { at, progress }, last: { at, progress } }
  if (samples.last !== undefined && progress <= samples.last.progress) return samples
  return { first: samples.first, last: { at, progress } }
}

/** Progress points per millisecond, or undefined until two distinct observations exist. */
export function progressRate(samples: ProgressSamples): number | undefined {
  const { first, last } = samples
  if (first === undefined || last === undefined) return undefined
  const elapsed = last.at - first.at
  const gained = last.progress - first.progress
  return elapsed > 0 && gained > 0 ? gained / elapsed : undefined
}

/** Estimated ms from `now` until the job reaches 100, or undefined when the rate is unknown. */
export function estimateEta(samples: ProgressSamples, now: number): number | undefined {
  const rate = progressRate(samples)
  if (rate === undefined || samples.last === undefined) return undefined
  // Reported progress is rounded down: the job is on average half a point further than it says.
  const remaining = (100 - 0.5 - samples.last.progress) / rate
  return Math.max(0, Math.round(remaining - (now - samples.last.at)))
}
