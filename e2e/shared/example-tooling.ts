import { createRequire } from 'node:module'
import { join } from 'node:path'

/**
 * Loads a package the way an example app resolves it, from that app's own dependencies. The e2e helpers
 * drive each dashboard with the tools it declares (its vite, its playwright-core), so the repository root
 * needs no extra dependency and each app pins its own versions.
 *
 * @example
 * const { chromium } = requireFromExample<{ chromium: BrowserType }>(exampleDir, 'playwright-core')
 */
export function requireFromExample<T>(exampleDir: string, specifier: string): T {
  return createRequire(join(exampleDir, 'package.json'))(specifier) as T
}

/**
 * The path of an executable an example installs (`node_modules/.bin/<name>`), e.g. its `vite`.
 *
 * @example spawn(exampleBin(exampleDir, 'vite'), ['build'], { cwd: exampleDir })
 */
export function exampleBin(exampleDir: string, name: string): string {
  return join(exampleDir, 'node_modules', '.bin', name)
}
