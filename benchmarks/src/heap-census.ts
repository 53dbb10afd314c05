import { getHeapSnapshot } from 'node:v8'

/** How many JavaScript objects and closures of each constructor the heap holds. */
export type HeapCensus = ReadonlyMap<string, number>

interface HeapSnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } }
  nodes: number[]
  strings: string[]
}

const COUNTED_TYPES = new Set(['object', 'closure'])

/**
 * Counts the heap's live objects and closures by constructor name, from a V8 heap snapshot (which
 * collects garbage first). Counts, unlike heap bytes, do not drift with compiled code or allocator
 * slack, so a handful of objects left behind per cycle shows up clearly.
 *
 * @example const before = await heapCensus(); run(); const grown = censusGrowth(before, await heapCensus())
 */
export async function heapCensus(): Promise<HeapCensus> {
  const chunks: string[] = []
  for await (const chunk of getHeapSnapshot()) chunks.push(String(chunk))
  const snapshot = JSON.parse(chunks.join('')) as HeapSnapshotJson
  const fields = snapshot.snapshot.meta.node_fields
  const types = snapshot.snapshot.meta.node_types[0]
  const typeAt = fields.indexOf('type')
  const nameAt = fields.indexOf('name')
  const census = new Map<string, number>()
  for (let index = 0; index < snapshot.nodes.length; index += fields.length) {
    const type = types[snapshot.nodes[index + typeAt] as number] as string
    if (!COUNTED_TYPES.has(type)) continue
    const name = snapshot.strings[snapshot.nodes[index + nameAt] as number] ?? '?'
    const key = type === 'closure' ? `${name || '(anonymous)'}()` : name
    census.set(key, (census.get(key) ?? 0) + 1)
  }
  return census
}

/** Objects that grew in number between two censuses: the total and the largest contributors. */
export interface CensusGrowth {
  readonly total: number
  readonly top: readonly { readonly name: string; readonly count: number }[]
}

/**
 * The growth from `before` to `after`, with the `top` constructors that grew most.
 *
 * @example censusGrowth(before, after).top[0] // { name: 'WeakRef', count: 10000 }
 */
export function censusGrowth(before: HeapCensus, after: HeapCensus, top = 3): CensusGrowth {
  const names = new Set([...before.keys(), ...after.keys()])
  const deltas = [...names].map((name) => ({ name, count: (after.get(name) ?? 0) - (before.get(name) ?? 0) }))
  return {
    total: deltas.reduce((sum, delta) => sum + delta.count, 0),
    top: deltas
      .filter((delta) => delta.count > 0)
      .sort((a, b) => b.count - a.count)
      .slice(0, top),
  }
}
