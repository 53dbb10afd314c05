import { defineConfig } from 'tsup'
import { packageBuild } from '../../tsup.package'

export default defineConfig(packageBuild(['@vidjob/core', 'rxjs', 'better-sqlite3', 'standardwebhooks']))
