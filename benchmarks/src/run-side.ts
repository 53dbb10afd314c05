/**
 * Child-process entry (see runChild): `run-side.ts <out.json> <scenario> <side> [args…]` measures one
 * side of a scenario in a process of its own, so no other library's heap or JIT state is in the way.
 */
import { childArgs } from './child-process'

type SideRunner = (args: readonly string[]) => Promise<unknown>

const runners: Record<string, () => Promise<SideRunner>> = {
  cpu: async () => (await import('./scenarios/cpu/side')).measureCpuSide,
  freshness: async () => (await import('./scenarios/freshness/side')).measureFreshnessSide,
  unsubscribe: async () => (await import('./scenarios/unsubscribe/side')).measureUnsubscribeSide,
  memory: async () => (await import('./scenarios/memory/side')).measureMemorySide,
}

const { args, write } = childArgs()
const [scenario, ...rest] = args
const load = scenario === undefined ? undefined : runners[scenario]
if (load === undefined || rest.length === 0) throw new Error(`Unknown scenario side: ${args.join(' ')}`)
await write(await (await load())(rest))
// A library may have left a real timer behind (query-core's 5-minute gc timers): the result is written.
process.exit(0)
