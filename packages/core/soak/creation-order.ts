import type { MockJobs } from '@vidjob/mock-api'

/**
 * The server's creation order of every job the soak has seen, which is the cursor order of `asc`
 * lists (and the reverse of `desc`). The mock's `jobs.all()` omits deleted jobs, so an id is ranked
 * the first time it is looked up (and before it is deleted); ids are ranked in `all()` order, which
 * keeps creation order across the gaps deletions leave, since a deleted id never comes back.
 *
 * @example
 * const order = new CreationOrder(api.jobs)
 * order.rankOf(a) < order.rankOf(b) // a was created first
 */
export class CreationOrder {
  private readonly ranks = new Map<string, number>()
  private readonly ids: string[] = []

  constructor(private readonly jobs: Pick<MockJobs, 'all'>) {}

  /** The creation rank of `id`, or undefined for an id the server never listed. */
  rankOf(id: string): number | undefined {
    if (!this.ranks.has(id)) this.scan()
    return this.ranks.get(id)
  }

  /** The ids ranked strictly between two ranks, in creation order. */
  between(a: number, b: number): readonly string[] {
    return this.ids.slice(Math.min(a, b) + 1, Math.max(a, b))
  }

  private scan(): void {
    for (const { id } of this.jobs.all()) {
      if (this.ranks.has(id)) continue
      this.ranks.set(id, this.ids.length)
      this.ids.push(id)
    }
  }
}
