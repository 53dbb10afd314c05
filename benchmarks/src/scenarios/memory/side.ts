import { measureSubject, type MemoryRun } from './measure-subject'
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
 * Measures one library (run in a process of its own by run-side.ts).
 *
 * @example const run = await measureMemorySide('vidjob', true)
 */
export async function measureMemorySide(name: string, quick: boolean): Promise<MemoryRun> {
  const kind = MEMORY_SIDES[name]
  if (kind === undefined) throw new Error(`Unknown memory side ${name}.`)
  return measureSubject(kind, memoryWorkload(quick))
}
