import type { CpuSide } from './cpu-side'
import { tanstackSide } from './tanstack-side'
import { vidjobSide } from './vidjob-side'
import type { CpuWorkload } from './workload'

/**
 * The sides of the CPU scenario, each measured in its own process.
 *
 * @example const side = CPU_SIDES.vidjob(cpuWorkload(true))
 */
export const CPU_SIDES = {
  vidjob: (workload: CpuWorkload): CpuSide => vidjobSide(workload),
  tanstack: (workload: CpuWorkload): CpuSide => tanstackSide(workload, false),
  'tanstack-zod': (workload: CpuWorkload): CpuSide => tanstackSide(workload, true),
} as const

/**
 * The name of one CPU side.
 *
 * @example const name: CpuSideName = 'tanstack-zod'
 */
export type CpuSideName = keyof typeof CPU_SIDES

/**
 * Whether a string names a CPU side.
 *
 * @example isCpuSideName('vidjob') // true
 */
export function isCpuSideName(name: string): name is CpuSideName {
  return Object.hasOwn(CPU_SIDES, name)
}
