import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, type RunningBrowser } from './shared/browser'
import { signIn } from './shared/dashboard-session'
import { createVideo, jobRow, SELECTORS, watchProgress } from './shared/journeys'
import { startMockApi, type RunningMockApi } from './shared/mock-api'
import { buildAndServe, type ServedExample } from './shared/serve-example'

const exampleDir = fileURLToPath(new URL('../examples/react-dashboard', import.meta.url))

/** The page's polls of the relay: job retrieves and list pages (not the stream, not media). */
function recordPolls(page: Page): string[] {
  const polls: string[] = []
  page.on('request', (request) => {
    const { pathname } = new URL(request.url())
    if (request.method() !== 'GET' || !pathname.startsWith('/api/videos/v1/videos')) return
    if (pathname.endsWith('/events') || pathname.endsWith('/content')) return
    polls.push(pathname)
  })
  return polls
}

describe('the react dashboard on the relay, in Chromium', () => {
  let mock: RunningMockApi
  let app: ServedExample | undefined
  let browser: RunningBrowser
  let dir: string
  let serve: (build: boolean) => Promise<ServedExample>

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vidjob-e2e-relay-'))
    mock = await startMockApi({ renderMs: 12_000 })
    // Jobs are the page's own (no adoption), kept on disk: a restarted relay must know them from its store.
    const env = { VIDJOB_DEMO_ADOPT: '0', VIDJOB_RELAY_DB: join(dir, 'relay.db') }
    let port: number | undefined
    serve = async (build) => {
      const served = await buildAndServe(exampleDir, { apiBaseURL: mock.url, env, build, port })
      port = Number(new URL(served.url).port)
      return served
    }
    app = await serve(true)
    browser = await launchChromium(exampleDir)
  })

  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await mock?.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('gets progress through the stream with no poll, and recovers through polls when the relay restarts', async () => {
    const { page } = browser
    const stream = page.waitForResponse((r) => r.url().includes('/videos/events') && r.status() === 200)
    await signIn(page, app!.url)
    await page.locator(`${SELECTORS.createForm}`).waitFor()
    await stream
    const polls = recordPolls(page)
    const id = await createVideo(page, 'Streamed, not polled')
    await jobRow(page, id).locator('[role="progressbar"][aria-valuenow]').waitFor({ timeout: 15_000 })
    await expect
      .poll(() => jobRow(page, id).locator('[role="progressbar"]').getAttribute('aria-valuenow'), {
        timeout: 15_000,
      })
      .not.toBe('0')
    expect(polls).toEqual([])

    // The relay goes away mid-render: the page falls back to polling at once.
    await app!.close()
    app = undefined
    await expect.poll(() => polls.length, { timeout: 10_000 }).toBeGreaterThan(0)
    const reopened = page.waitForResponse((r) => r.url().includes('/videos/events') && r.status() === 200, {
      timeout: 60_000,
    })
    app = await serve(false)
    await reopened
    const seen = await watchProgress(page, id, 'completed', 60_000)
    expect(seen.at(-1)).toBe(100)
    expect(seen.every((value, i) => i === 0 || value >= seen[i - 1]!)).toBe(true)

    // Once the stream is back the page stops polling, and after a reload the job is still Ann's.
    const settled = polls.length
    await page.waitForTimeout(3_000)
    expect(polls.length).toBe(settled)
    await page.reload()
    await jobRow(page, id).and(page.locator('[data-status="completed"]')).waitFor({ timeout: 15_000 })
  })

  it('holds one stream for three tabs, and hands it to another tab when the leader closes', async () => {
    const { context } = browser
    await browser.page.close()
    const streams: Page[] = []
    context.on('request', (request) => {
      if (new URL(request.url()).pathname.endsWith('/videos/events')) streams.push(request.frame().page())
    })
    const tabs: Page[] = []
    for (let k = 0; k < 3; k++) {
      const tab = await context.newPage()
      await signIn(tab, app!.url)
      await tab.locator(SELECTORS.createForm).waitFor()
      tabs.push(tab)
    }
    await expect.poll(() => streams.length, { timeout: 10_000 }).toBe(1)
    const leader = streams[0]!
    const followers = tabs.filter((tab) => tab !== leader)
    const id = await createVideo(followers[0]!, 'One stream, three tabs')
    // The other tab lists it too, from the stream alone: a pushed video it did not know joins its list.
    await jobRow(followers[1]!, id).waitFor({ timeout: 10_000 })
    await expect.poll(() => streams.length, { timeout: 10_000 }).toBe(1)
    await leader.close()
    await expect.poll(() => streams.length, { timeout: 10_000 }).toBe(2)
    expect(followers).toContain(streams[1])
    const seen = await Promise.all(followers.map((tab) => watchProgress(tab, id, 'completed', 60_000)))
    for (const values of seen) expect(values.at(-1)).toBe(100)
    expect(streams).toHaveLength(2)
  })
})
