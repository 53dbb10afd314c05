/**
 * Child-process entry (see runChild): `run-side.ts <out.json> <scenario> <side> [--quick]` measures one
 * side of a scenario in a process of its own, so no other library's heap or JIT state is in the way.
 */
import { childArgs } from './child-process'

type SideRunner = (side: string, quick: boolean) => Promise<unknown>

const runners: Record<string, () => Promise<SideRunner>> = {
  cpu: async () => (await import('./scenarios/cpu/side')).measureCpuSide,
  memory: async () => (await import('./scenarios/memory/side')).measureMemorySide,
}

const { args, write } = childArgs()
const [scenario, side] = args
const load = scenario === undefined ? undefined : runners[scenario]
if (load === undefined || side === undefined) throw new Error(`Unknown scenario side: ${args.join(' ')}`)
await write(await (await load())(side, args.includes('--quick')))
