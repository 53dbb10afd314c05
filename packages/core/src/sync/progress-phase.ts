/** Readings kept per job at most; those that bound nothing are dropped first, so it is rarely reached. */
const MAX_READINGS = 10
/** Bounds on the time per point (ms), so a window is finite before the readings bound it. */
const MIN_MS_PER_POINT = 1
const MAX_MS_PER_POINT = 1e8

/** A whole-point progress reading, taken by the server at some instant between `from` and `to`. */
interface Reading {
  readonly from: number
  readonly to: number
  readonly progress: number
}

/** A constraint `a·start + b·msPerPoint ≤ c` on a linear progress. */
interface Bound {
  readonly a: number
  readonly b: number
  readonly c: number
}

/** The earliest and latest instant something can happen, given what was read. */
export interface Window {
  readonly lo: number
  readonly hi: number
}

/**
 * When a rendering job's progress crosses a given point, from its whole-point readings. Progress is taken as
 * linear in time, `progress = ⌊(t − start) / msPerPoint⌋`; each reading, taken somewhere between a request's
 * start and its answer, bounds `start` and `msPerPoint` from both sides. Many readings at different
 * phases of a point pin the crossing instants far below a point's time (0.6–3 s for 1–5 minute renders),
 * where a single estimate of the rate is off by up to a point. Readings that contradict the newer ones (a
 * render that sped up or stalled) are dropped, oldest first.
 */
export class ProgressPhase {
  readonly #readings: Reading[] = []
  /** The corners of the region the readings allow, found once per reading; null when none fits. */
  #corners: readonly Corner[] | null | undefined

  /** A reading of `progress`, taken by the server between `from` and `to`. */
  add(from: number, to: number, progress: number): void {
    this.#readings.push({ from, to, progress })
    if (this.#readings.length > MAX_READINGS) this.#readings.splice(1, 1)
    this.#corners = undefined
  }

  /** When the progress crosses `point`: undefined until two readings differ, or if no line fits them. */
  crossing(point: number): Window | undefined {
    this.#corners ??= this.#fit()
    if (this.#corners === null) return undefined
    let lo = Infinity
    let hi = -Infinity
    for (const { start, msPerPoint } of this.#corners) {
      lo = Math.min(lo, start + point * msPerPoint)
      hi = Math.max(hi, start + point * msPerPoint)
    }
    return { lo, hi }
  }

  /**
   * The corners of the region the readings allow. Readings no line fits with the newer ones are forgotten,
   * oldest first, and so are those that bound nothing (the region is the same without them), so a few
   * readings carry everything learned since the render began.
   */
  #fit(): readonly Corner[] | null {
    const readings = this.#readings
    while (readings.length >= 2) {
      if (readings.every((reading) => reading.progress === readings[0]?.progress)) return null
      // Times from the first reading on: the slack for rounding stays below a millisecond.
      const origin = (readings[0] as Reading).from
      const { found, binding } = corners(boundsOf(readings, origin))
      if (found.length > 0) {
        const kept = readings.filter((_, index) => binding.has(index) || index === readings.length - 1)
        readings.splice(0, readings.length, ...kept)
        return found.map(({ start, msPerPoint }) => ({ start: origin + start, msPerPoint }))
      }
      readings.shift()
    }
    return null
  }
}

/** A corner of the allowed region: a start instant and a time per point. */
interface Corner {
  readonly start: number
  readonly msPerPoint: number
}

function boundsOf(readings: readonly Reading[], origin: number): Bound[] {
  const bounds: Bound[] = [
    { a: 0, b: -1, c: -MIN_MS_PER_POINT },
    { a: 0, b: 1, c: MAX_MS_PER_POINT },
  ]
  for (const { from, to, progress } of readings) {
    // Read at or before `to`: it had reached `progress` by then.
    bounds.push({ a: 1, b: progress, c: to - origin })
    // Read at or after `from`: it had not reached `progress + 1` then.
    bounds.push({ a: -1, b: -(progress + 1), c: origin - from })
  }
  return bounds
}

/**
 * The vertices of the convex region the bounds allow (every pair of bound lines that meet inside it), and
 * the readings whose bounds make them (bounds 0 and 1 are the rate's limits; reading `r` owns `2r + 2` and
 * `2r + 3`).
 */
function corners(bounds: readonly Bound[]): { found: Corner[]; binding: Set<number> } {
  const found: Corner[] = []
  const binding = new Set<number>()
  for (let i = 0; i < bounds.length; i++)
    for (let j = i + 1; j < bounds.length; j++) {
      const vertex = intersection(bounds[i] as Bound, bounds[j] as Bound)
      if (vertex === undefined || !bounds.every((bound) => holds(bound, vertex))) continue
      found.push(vertex)
      for (const index of [i, j]) if (index >= 2) binding.add((index - 2) >> 1)
    }
  return { found, binding }
}

function intersection(p: Bound, q: Bound): Corner | undefined {
  const det = p.a * q.b - q.a * p.b
  if (det === 0) return undefined
  return { start: (p.c * q.b - q.c * p.b) / det, msPerPoint: (p.a * q.c - q.a * p.c) / det }
}

function holds(bound: Bound, vertex: Corner): boolean {
  // Vertices come from divisions: allow a rounding slack well below a millisecond.
  return bound.a * vertex.start + bound.b * vertex.msPerPoint <= bound.c + 1e-3
}
