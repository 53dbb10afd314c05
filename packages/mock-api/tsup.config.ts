import { defineConfig } from 'tsup'
import { packageBuild } from '../../tsup.package'

export default defineConfig([
  // `shims` gives the CJS build an `import.meta.url`, which finds `media/` (see src/assets.ts).
  { ...packageBuild(), shims: true },
  { entry: ['src/cli.ts'], format: ['esm'], target: 'node20' },
])
