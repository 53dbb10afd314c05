/**
 * The seed of a property test: `VIDJOB_PROPERTY_SEED` when set (to replay a failure), a fixed one locally,
 * a fresh one in CI, printed with the test's name so a failure there can be replayed here.
 */
export function propertySeed(name: string, local: number): number {
  const fixed = process.env.VIDJOB_PROPERTY_SEED
  if (fixed !== undefined && fixed !== '') return Number(fixed)
  if (process.env.CI !== 'true') return local
  const seed = Date.now() % 2 ** 31
  console.log(`${name}: replay with VIDJOB_PROPERTY_SEED=${seed}`)
  return seed
}
