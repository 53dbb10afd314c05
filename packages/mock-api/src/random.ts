/** A seeded source of floats in `[0, 1)`. */
export type Random = () => number

/**
 * A mulberry32 generator: tiny, fast and good enough to make simulated outcomes look random while
 * staying reproducible from one seed.
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A seed for one independent stream (`'faults'`, `'latency'`, a job's own stream by index...), so that
 * adding a fault rule never changes which jobs fail, and a job's outcome depends only on the seed and
 * its creation number.
 */
export function deriveSeed(seed: number, stream: string, index = 0): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0)
  for (const char of `${stream}#${index}`) {
    hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193)
  }
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  return hash >>> 0
}

/** An integer drawn uniformly from `min..max` (both included). */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1))
}
