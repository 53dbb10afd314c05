import { measureRepeat, type CpuRepeat } from './measure-side'
import { CPU_SIDES, isCpuSideName } from './sides'
import { cpuWorkload } from './workload'

/** What one side's process hands back: every repeat of it. */
export interface CpuSideResult {
  readonly name: string
  readonly config: string
  readonly repeats: readonly CpuRepeat[]
}

/**
 * Measures every repeat of one CPU side (run in a process of its own by run-side.ts).
 *
 * @example const result = await measureCpuSide('vidjob', true)
 */
export async function measureCpuSide(name: string, quick: boolean): Promise<CpuSideResult> {
  if (!isCpuSideName(name)) throw new Error(`Unknown CPU side ${name}.`)
  const workload = cpuWorkload(quick)
  const repeats: CpuRepeat[] = []
  for (let repeat = 0; repeat < workload.repeats; repeat++)
    repeats.push(await measureRepeat(CPU_SIDES[name](workload), workload))
  const { name: label, config } = CPU_SIDES[name](workload)
  return { name: label, config, repeats }
}
