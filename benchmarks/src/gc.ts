/** The `gc()` that `node --expose-gc` installs. */
type ForceGc = () => void

/**
 * Runs a full garbage collection (several passes, so weak references and finalizers settle) and returns
 * the heap in use afterwards. Needs `node --expose-gc`, which `pnpm bench` passes.
 *
 * @example const baseline = await settledHeap()
 */
export async function settledHeap(): Promise<number> {
  const gc = (globalThis as { gc?: ForceGc }).gc
  if (gc === undefined) throw new Error('Run the benchmarks with `node --expose-gc` (pnpm bench does).')
  for (let pass = 0; pass < 3; pass++) {
    gc()
    // A WeakRef target stays alive until the current job ends: let one end before collecting again.
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
  return process.memoryUsage().heapUsed
}
