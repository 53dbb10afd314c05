/** One thing whose min+gzip size is measured: an entry module's source and what stays external. */
export interface SizeEntry {
  readonly label: string
  /** The package (or packages) it belongs to, for grouping in the table. */
  readonly library: string
  readonly kind: 'whole entry' | 'typical import' | 'all-in (typical)'
  readonly source: string
  readonly external: readonly string[]
}

const REACT = ['react', 'react-dom', 'react/jsx-runtime']
const VUE = ['vue']
/** Peers of vidjob's bindings; rxjs and zod stay out of the package figures, as the budgets say. */
const CORE_PEERS = ['rxjs', 'zod']
const BINDING_PEERS = ['rxjs', '@vidjob/core']
/** What a React app pulls in for vidjob: core's root entry, and the React binding (which imports `/bindings`). */
const VIDJOB_FOR_REACT =
  "export { createVideoClient, createFetchTransport } from '@vidjob/core'\n" +
  "export { VideoClientProvider, useVideoJob } from '@vidjob/react'"

const whole = (pkg: string, external: readonly string[], library = pkg): SizeEntry => ({
  label: `${pkg} (export *)`,
  library,
  kind: 'whole entry',
  source: `export * from '${pkg}'`,
  external,
})

const typical = (pkg: string, names: string, external: readonly string[], library = pkg): SizeEntry => ({
  label: `${pkg} { ${names} }`,
  library,
  kind: 'typical import',
  source: `export { ${names} } from '${pkg}'`,
  external,
})

/** A TanStack binding with query-core left out, as vidjob's bindings leave core out: the binding's own bytes. */
const bindingOnly = (entry: SizeEntry): SizeEntry => ({
  ...entry,
  label: `${entry.label}, query-core external`,
  library: `${entry.library} binding`,
  external: [...entry.external, '@tanstack/query-core'],
})

/**
 * Everything the size scenario measures: each package's whole entry and a typical app's import, the
 * same for TanStack Query and SWR, and the all-in cost of a React app on each side (only React external).
 *
 * @example for (const entry of SIZE_ENTRIES) await bundleSize(entry.source, entry.external)
 */
export const SIZE_ENTRIES: readonly SizeEntry[] = [
  whole('@vidjob/core', CORE_PEERS),
  typical('@vidjob/core', 'createVideoClient, createFetchTransport', CORE_PEERS),
  whole('@vidjob/core/bindings', CORE_PEERS, '@vidjob/core subpath'),
  whole('@vidjob/core/schema', CORE_PEERS, '@vidjob/core subpath'),
  whole('@vidjob/core/openai', CORE_PEERS, '@vidjob/core subpath'),
  whole('@vidjob/react', [...REACT, ...BINDING_PEERS]),
  typical('@vidjob/react', 'VideoClientProvider, useVideoJob', [...REACT, ...BINDING_PEERS]),
  whole('@vidjob/vue', [...VUE, ...BINDING_PEERS]),
  typical('@vidjob/vue', 'VideoClientPlugin, useVideoJob', [...VUE, ...BINDING_PEERS]),
  whole('@tanstack/query-core', []),
  typical('@tanstack/query-core', 'QueryClient, QueryObserver', []),
  whole('@tanstack/react-query', REACT),
  typical('@tanstack/react-query', 'QueryClient, QueryClientProvider, useQuery', REACT),
  whole('@tanstack/vue-query', VUE),
  typical('@tanstack/vue-query', 'VueQueryPlugin, useQuery', VUE),
  bindingOnly(whole('@tanstack/react-query', REACT)),
  bindingOnly(typical('@tanstack/react-query', 'QueryClientProvider, useQuery', REACT)),
  bindingOnly(whole('@tanstack/vue-query', VUE)),
  bindingOnly(typical('@tanstack/vue-query', 'VueQueryPlugin, useQuery', VUE)),
  whole('swr', REACT),
  typical('swr', 'default', REACT),
  {
    label: 'vidjob for React: core + react typical, with rxjs, zod and dequal',
    library: 'vidjob all-in',
    kind: 'all-in (typical)',
    source: VIDJOB_FOR_REACT,
    external: REACT,
  },
  {
    label: 'vidjob for React without rxjs and zod: core root typical + react typical + core/bindings',
    library: 'vidjob for React, own code',
    kind: 'all-in (typical)',
    source: VIDJOB_FOR_REACT,
    external: [...REACT, ...CORE_PEERS],
  },
  {
    label: 'TanStack Query for React: @tanstack/react-query typical',
    library: 'TanStack all-in',
    kind: 'all-in (typical)',
    source: "export { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'",
    external: REACT,
  },
]
