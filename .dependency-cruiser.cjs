/**
 * The architecture of @vidjob/core as rules: no import cycle, and each folder imports only what is below
 * it (schema → errors; transport and store over them; sync over store and transport; list over sync;
 * bindings over the public client types; client.ts wires them all). `node scripts/architecture/check.ts`
 * runs it with the other structural checks.
 */
const core = '^packages/core/src/'
const layer = (name, from, forbidden) => ({
  name,
  severity: 'error',
  from: { path: `${core}${from}` },
  to: { path: `${core}(${forbidden.join('|')})` },
})

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: { path: core }, to: { circular: true } },
    layer('schema-is-a-leaf', 'schema/', [
      'store/',
      'list/',
      'sync/',
      'bindings/',
      'transport/',
      'client\\.ts',
    ]),
    layer('transport-moves-bytes-only', 'transport/', [
      'store/',
      'list/',
      'sync/',
      'bindings/',
      'client\\.ts',
    ]),
    layer('store-calls-nothing-above', 'store/', [
      'list/',
      'sync/',
      'bindings/',
      'transport/',
      'client\\.ts',
    ]),
    layer('sync-knows-no-list-or-binding', 'sync/', ['list/', 'bindings/', 'client\\.ts']),
    layer('list-knows-no-binding', 'list/', ['bindings/', 'client\\.ts']),
    layer('bindings-use-the-public-client', 'bindings/', ['sync/', 'list/', 'transport/', 'client\\.ts']),
    {
      name: 'only-the-entry-imports-the-facade',
      severity: 'error',
      from: { path: core, pathNot: `${core}index\\.ts$` },
      to: { path: `${core}client\\.ts$` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
  },
}
