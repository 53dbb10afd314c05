/** Seeded choices of the soak driver, so one seed replays the same run. */
export interface SoakRandom {
  /** A float in [0, 1). */
  next(): number
  /** An integer in min..max (both included). */
  int(min: number, max: number): number
  /** True with probability `p`. */
  chance(p: number): boolean
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T
}

/**
 * A mulberry32 stream (the generator the mock API seeds itself with), offset so the driver's choices are
 * independent of the mock's.
 *
 * @example
 * const random = createSoakRandom(7)
 * random.int(1, 6) // the same sequence on every run with seed 7
 */
export function createSoakRandom(seed: number): SoakRandom {
  let state = (seed ^ 0x5eed5eed) >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick() needs at least one item.')
      return items[int(0, items.length - 1)] as T
    },
  }
}
