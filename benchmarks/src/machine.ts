import { readFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'

/** The machine a run was measured on. */
export interface MachineInfo {
  readonly cpuModel: string
  readonly nproc: number
  readonly node: string
  readonly platform: string
  /** The 1-minute load average when the run started: above the core count, other work shared the CPUs. */
  readonly loadAverage?: number
}

/**
 * Describes this machine: CPU model from /proc/cpuinfo, cores available to this process, Node version.
 *
 * @example describeMachine().nproc // 2
 */
export function describeMachine(): MachineInfo {
  return {
    cpuModel: cpuModel(),
    nproc: availableParallelism(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: Number((loadavg()[0] ?? 0).toFixed(2)),
  }
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('model name'))
    return line?.split(':')[1]?.trim() ?? 'unknown'
  } catch {
    return 'unknown'
  }
}
