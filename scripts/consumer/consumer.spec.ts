/**
 * The consumer test: what a user outside this repository meets. The packed tarballs (`pnpm build` →
 * `.packs/`) are installed with npm, with no workspace link, into a fresh Vite + React app, a fresh
 * Vite + Vue app and a folder of plain Node scripts (the client, the mock API and the relay) in a
 * temporary folder; then the apps are type-checked (`moduleResolution: bundler`, and `node16` for the Node
 * folder), built, and run against the packed mock API: in Chromium for the apps, in Node (ESM and
 * CommonJS) for the scripts. It catches wrong `exports`, files missing from a tarball, peer ranges that do
 * not resolve and broken types.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../../e2e/shared/browser'
import { publicPackages } from '../test-support/packages'
import { runCommand, startProcess } from '../test-support/processes'
import {
  installConsumerApps,
  packedFile,
  packedManifest,
  packedTarballs,
  type ConsumerApps,
} from './consumer-apps'

/** Whose playwright-core drives Chromium (the consumers themselves install no browser tooling). */
const playwrightHost = fileURLToPath(new URL('../../examples/react-dashboard', import.meta.url))

/**
 * Drops Rollup's notes on comments in zod's own sources (a dependency of @vidjob/core), which any app
 * bundling zod 4 meets; docs/getting-started.md shows how to silence them. Every other line stays.
 */
const withoutZodAnnotationWarnings = (output: string): string =>
  output.replace(
    /node_modules\/zod\/\S+ \(\d+:\d+\): A comment\s+"[\s\S]*?"\s+in "node_modules\/zod\/[^"]+" contains an annotation that Rollup cannot interpret[^\n]*\n?/g,
    '',
  )

let apps: ConsumerApps
const bin = (appDir: string, name: string): string => join(appDir, 'node_modules', '.bin', name)
const inApp = (appDir: string, command: string, args: string[]) =>
  runCommand(command, args, { cwd: appDir, env: apps.env, timeoutMs: 180_000 })

beforeAll(async () => {
  const started = Date.now()
  apps = await installConsumerApps()
  console.log(
    `consumer apps installed in ${Date.now() - started} ms (npm install: react ${apps.installMs.react} ms, ` +
      `vue ${apps.installMs.vue} ms, node ${apps.installMs.node} ms) in ${apps.dir}`,
  )
}, 600_000)

// VIDJOB_CONSUMER_KEEP=1 leaves the apps in place to look into a failure.
afterAll(() => (process.env.VIDJOB_CONSUMER_KEEP ? undefined : apps?.dispose()))

describe('the packed tarballs', () => {
  it('name one version for every public package and real ranges, never workspace:', async () => {
    const versions = new Set(publicPackages().map((pkg) => pkg.version))
    expect([...versions]).toEqual([expect.stringMatching(/^\d+\.\d+\.\d+$/)])
    for (const tarball of packedTarballs().values()) {
      const manifest = await packedManifest(tarball)
      expect(JSON.stringify(manifest), tarball).not.toContain('workspace:')
      expect(manifest.version).toBe([...versions][0])
    }
  })

  it('carry the MIT license their manifests name', async () => {
    const license = readFileSync(fileURLToPath(new URL('../../LICENSE', import.meta.url)), 'utf8')
    expect(license).toMatch(/^MIT License/)
    for (const tarball of packedTarballs().values()) {
      expect((await packedManifest(tarball)).license, tarball).toBe('MIT')
      expect(await packedFile(tarball, 'LICENSE'), tarball).toBe(license)
    }
  })
})

describe('plain Node', () => {
  it('an ES module script creates, watches and downloads a video, and serves one through the relay', async () => {
    const output = await inApp(apps.node, 'node', ['esm.mjs'])
    expect(output).toMatch(/^ESM: created, watched and downloaded/m)
    expect(output).toMatch(/^ESM: the relay created \S+ for its user and hid it from another$/m)
  })

  it('a CommonJS script does the same through require()', async () => {
    const output = await inApp(apps.node, 'node', ['cjs.cjs'])
    expect(output).toMatch(/^CommonJS: created, watched and downloaded/m)
    expect(output).toMatch(/^CommonJS: the relay created \S+ for its user and hid it from another$/m)
  })

  it('type-checks every entry with module: node16, as ESM and as CommonJS', async () => {
    await inApp(apps.node, bin(apps.node, 'tsc'), ['-p', 'tsconfig.json'])
  })
})

describe.each([
  { name: 'React', app: () => apps.react, typecheck: 'tsc' },
  { name: 'Vue', app: () => apps.vue, typecheck: 'vue-tsc' },
])('a fresh Vite + $name app', ({ app, typecheck }) => {
  it('type-checks with moduleResolution: bundler', async () => {
    await inApp(app(), bin(app(), typecheck), ['--noEmit', '-p', 'tsconfig.json'])
  })

  it('builds with vite', async () => {
    const output = await inApp(app(), bin(app(), 'vite'), ['build', '--logLevel', 'warn'])
    expect(withoutZodAnnotationWarnings(output).trim()).toBe('')
  })

  it('creates a video in Chromium and shows it through to its thumbnail, on the packed mock API', async () => {
    const appDir = app()
    const mock = await startProcess(
      bin(appDir, 'vidjob-mock-api'),
      ['--port', '0', '--queue-ms', '300', '--render-ms', '1200'],
      { cwd: appDir, env: apps.env, ready: /listening on (http:\/\/\S+)/ },
    )
    const preview = await startProcess(
      bin(appDir, 'vite'),
      ['preview', '--host', '127.0.0.1', '--port', '0', '--strictPort'],
      { cwd: appDir, env: apps.env, ready: /Local:\s+(http:\/\/\S+)/ },
    )
    const browser = await launchChromium(playwrightHost)
    try {
      const { page } = browser
      await page.goto(`${preview.ready[1]}?api=${encodeURIComponent(mock.ready[1] ?? '')}`)
      await page.locator('ul[data-loaded="true"]').waitFor({ state: 'attached' })
      await page.getByRole('button', { name: 'Generate' }).click()
      const thumbnail = page.locator('[data-testid="job"][data-status="completed"] img')
      await thumbnail.waitFor({ timeout: 30_000 })
      expect(await page.getByTestId('job').textContent()).toMatch(/A paper boat in the rain — completed 100%/)
      await expect
        .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
        .toBe(true)
      expect(browser.pageErrors).toEqual([])
    } finally {
      await browser.close()
      await preview.close()
      await mock.close()
    }
  })
})
