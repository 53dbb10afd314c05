/**
 * `pnpm --filter @vidjob/benchmarks size` runs this first: the tsup builds of core, react and vue whose
 * dist is missing or older than their sources, so size-limit measures what would be published.
 */
import { buildStalePackages } from './scenarios/size/build-packages'

const built = await buildStalePackages()
console.log(built.length === 0 ? 'Every measured dist is up to date.' : `Built ${built.join(', ')}.`)
