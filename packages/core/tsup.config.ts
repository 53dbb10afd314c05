import { defineConfig } from 'tsup'
import { packageBuild } from '../../tsup.package'

export default defineConfig(
  packageBuild(['rxjs', 'zod'], {
    index: 'src/index.ts',
    schema: 'src/schema/index.ts',
    openai: 'src/openai.ts',
    bindings: 'src/bindings/index.ts',
  }),
)
