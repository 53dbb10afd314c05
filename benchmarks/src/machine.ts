import { readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'

/** The machine a run was measured on. */
export interface MachineInfo {
  readonly cpuModel: string
  readonly nproc: number
  readonly node: string
  readonly platform: string
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
