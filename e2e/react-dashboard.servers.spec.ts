import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDashboard, type DashboardSession } from './shared/dashboard-session'
import {
  closeVideo,
  createVideo,
  deleteVideo,
  jobRow,
  openVideo,
  SELECTORS,
  UNDO_MS,
  watchProgress,
} from './shared/journeys'

const exampleDir = fileURLToPath(new URL('../examples/react-dashboard', import.meta.url))

/**
 * The React dashboard, unchanged, against gateways that have no list and no delete route (LiteLLM in front
 * of Veo, new-api): the client learns both from the first answers. Created videos are listed (the list
 * says only this tab's), render to completion and play; a delete comes back with a plain "cannot delete".
 */
describe.each(['litellm', 'new-api'] as const)('react dashboard against %s in Chromium', (profile) => {
  let session: DashboardSession | undefined
  const s = (): DashboardSession => {
    if (!session) throw new Error('The dashboard did not start; see the beforeAll error.')
    return session
  }
  beforeAll(async () => {
    session = await openDashboard(exampleDir, {
      mock: { profile },
      seed: () => undefined,
      ready: SELECTORS.emptyState,
    })
  })
  afterAll(() => session?.close())

  it('lists what it creates here, renders it to completion and plays it', async () => {
    const { page } = s()
    await page.locator('[data-testid="local-only"]').waitFor()
    const id = await createVideo(page, 'A paper boat drifting down a rainy gutter')
    const seen = await watchProgress(page, id, 'completed', 60_000)
    expect(seen.at(-1)).toBe(100)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
    await openVideo(page, id)
    await page.waitForFunction(
      (selector) => (document.querySelector<HTMLVideoElement>(selector)?.readyState ?? 0) >= 1,
      SELECTORS.jobVideo,
      { timeout: 15_000 },
    )
    await closeVideo(page)
  })

  it('says plainly that the server cannot delete, and keeps the row', async () => {
    const { page, mock, rowIds } = s()
    const before = await rowIds()
    const id = before[0] as string
    await deleteVideo(page, id)
    const alert = jobRow(page, id).getByRole('alert')
    await alert.waitFor({ timeout: UNDO_MS + 10_000 })
    expect(await alert.textContent()).toContain('This server cannot delete videos')
    expect(await rowIds()).toEqual(before)
    expect(mock.api.jobs.all()).toHaveLength(1)
    expect(mock.api.log.filter((entry) => entry.endpoint === 'list')).toHaveLength(1)
  })

  it('logged no errors in the page', () => {
    expect(s().browser.pageErrors).toEqual([])
  })
})
