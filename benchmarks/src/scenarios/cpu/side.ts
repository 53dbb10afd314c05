import { measureRepeat, type CpuRepeat } from './measure-side'
import { CPU_SIDES, isCpuSideName } from './sides'
import { cpuWorkload } from './workload'

/** What one side's process hands back: one repeat of it. */
export interface CpuSideResult {
  readonly name: string
  readonly config: string
  readonly repeat: CpuRepeat
}

/**
 * Measures one repeat of one CPU side, in a process of its own (run-side.ts): the parent alternates the
 * sides, one process per repeat, so a change in the machine's load lands on every side alike and the
 * reported spread is between processes, not within one.
 *
 * @example const result = await measureCpuSide('vidjob', true)
 */
export async function measureCpuSide(name: string, quick: boolean): Promise<CpuSideResult> {
  if (!isCpuSideName(name)) throw new Error(`Unknown CPU side ${name}.`)
  const workload = cpuWorkload(quick)
  const side = CPU_SIDES[name](workload)
  const { name: label, config } = side
  return { name: label, config, repeat: await measureRepeat(side, workload) }
}
