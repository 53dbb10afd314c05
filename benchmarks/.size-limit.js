// Size budgets of the published entries: min+gzip of each package's built dist, peers external.
// `pnpm --filter @vidjob/benchmarks size` builds the packages first; `pnpm bench` reports the same
// checks beside TanStack Query and SWR. Paths are relative to this folder.

/** ESM and production mode, like the bench's own size scenario and like an app build. */
const modifyEsbuildConfig = (config) => ({
  ...config,
  format: 'esm',
  define: { 'process.env.NODE_ENV': '"production"' },
})

const check = (name, imports, ignore, limit) => ({
  name: `@vidjob/${name} ${imports === '*' ? '(whole entry)' : imports}`,
  path: `../packages/${name}/dist/index.js`,
  import: imports,
  ignore,
  gzip: true,
  modifyEsbuildConfig,
  ...(limit === undefined ? {} : { limit }),
})

// The targets are core ≤ 6 kB, react ≤ 1.5 kB, vue ≤ 1.5 kB. React and vue meet theirs and are held to
// them. Core does not yet (docs/benchmarks.md says why and what would get it there): CI holds it to its
// current size so it cannot grow while the work to shrink it goes on (raised by 50 B for two fixes:
// the prompt limit counted in characters, and an awaited refetch that outlives its watcher).
export default [
  check('core', '*', ['rxjs', 'zod'], '13.85 kB'),
  check('core', '{ createVideoClient, createFetchTransport }', ['rxjs', 'zod'], '12.4 kB'),
  check('react', '*', ['react', 'react/jsx-runtime', 'rxjs', '@vidjob/core'], '1.5 kB'),
  check('vue', '*', ['vue', 'rxjs', '@vidjob/core'], '1.5 kB'),
]
