import { defineConfig } from 'tsup'
import { packageBuild } from '../../tsup.package'

export default defineConfig([packageBuild(), { entry: ['src/cli.ts'], format: ['esm'], target: 'node20' }])
