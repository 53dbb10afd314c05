import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runCommand, startProcess } from '../test-support/processes'

const root = fileURLToPath(new URL('../..', import.meta.url))
const dist = join(root, 'docs/.vitepress/dist')
const page = (path: string): string => readFileSync(join(dist, path), 'utf8')

describe('the documentation site (VitePress)', () => {
  it('builds from docs/ with the guides, the API reference, the screenshots and the benchmark chart', async () => {
    const started = Date.now()
    await runCommand('npm', ['run', '--silent', 'docs:build'], { cwd: root, timeoutMs: 180_000 })
    console.log(`docs site built in ${Date.now() - started} ms`)
    for (const guide of ['getting-started', 'custom-ui', 'migrating-from-tanstack-query', 'testing'])
      expect(existsSync(join(dist, `${guide}.html`)), guide).toBe(true)
    expect(page('api/@vidjob/core.html')).toMatch(/id="videojobstate"[\s\S]*id="videoliststate"/)
    const images = readdirSync(join(dist, 'assets')).filter((file) => /\.(png|svg)$/.test(file))
    expect(images).toEqual(expect.arrayContaining([expect.stringMatching(/^react-dashboard\.[\w-]+\.png$/)]))
    // The chart is small enough for Vite to inline it as a data URL; either way it is on the page.
    expect(page('benchmarks.html')).toMatch(/<img src="(data:image\/svg\+xml|\/assets\/benchmarks-requests)/)
  }, 240_000)

  it('is served locally by npm run docs', async () => {
    const server = await startProcess('npm', ['run', '--silent', 'docs'], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
      ready: /Local:\s+(http:\/\/\S+)/,
    })
    try {
      // In dev, VitePress sends an empty shell and renders in the browser: the page is the module it
      // compiles from the Markdown, which the shell imports.
      const response = await fetch(new URL('getting-started.md?import', server.ready[1]))
      expect(response.status).toBe(200)
      expect(await response.text()).toMatch(/<h1 id=\\"getting-started\\"[^>]*>Getting started/)
    } finally {
      await server.close()
    }
  }, 120_000)
})
