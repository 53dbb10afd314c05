import { measureSubject, type MemoryRun } from './measure-subject'
import { measurePerVideo, type PerVideoRun } from './per-video'
import { controlSubject, tanstackSubject, vidjobSubject, type MemorySubjectKind } from './subject'
import { memoryWorkload } from './workload'

/**
 * The libraries of the memory scenario, each measured in its own process.
 *
 * @example const kind = MEMORY_SIDES.vidjob
 */
export const MEMORY_SIDES: Readonly<Record<string, MemorySubjectKind>> = {
  vidjob: vidjobSubject,
  tanstack: tanstackSubject,
  control: controlSubject,
}

/**
 * Measures one library in a process of its own (run-side.ts): `memory <side> leaks|per-video [--quick]`,
 * the leak checks on a fake clock or the bytes per video on real timers.
 *
 * @example const run = await measureMemorySide(['vidjob', 'leaks', '--quick'])
 */
export async function measureMemorySide(args: readonly string[]): Promise<MemoryRun | PerVideoRun> {
  const [name, part] = args
  const kind = name === undefined ? undefined : MEMORY_SIDES[name]
  if (kind === undefined) throw new Error(`Unknown memory side ${name}.`)
  const workload = memoryWorkload(args.includes('--quick'))
  if (part === 'per-video') return measurePerVideo(kind, workload)
  return measureSubject(kind, workload)
}
