import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { startProcess } from './test-support/processes'

const root = fileURLToPath(new URL('..', import.meta.url))

describe('npm run mock-api', () => {
  it('serves the mock Videos API from the sources, with nothing built', async () => {
    // No dist is needed: the script runs the CLI's sources, so it works right after an install.
    const mock = await startProcess('npm', ['run', '--silent', 'mock-api', '--', '--port', '0'], {
      cwd: root,
      ready: /listening on (http:\/\/\S+)/,
    })
    try {
      const baseURL = mock.ready[1]
      const created = await fetch(`${baseURL}/videos`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: 'A lighthouse in a storm' }),
      })
      expect(created.status).toBe(200)
      const list = (await (await fetch(`${baseURL}/videos`)).json()) as { object: string; data: unknown[] }
      expect(list).toMatchObject({ object: 'list', data: [expect.objectContaining({ status: 'queued' })] })
    } finally {
      await mock.close()
    }
  }, 60_000)
})
