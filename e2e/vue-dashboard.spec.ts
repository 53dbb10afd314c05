import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDashboard, RENDERING_PROMPT, type DashboardSession } from './shared/dashboard-session'
import {
  createVideo,
  deleteVideo,
  jobRow,
  openVideo,
  readContent,
  recordRowPresence,
  SELECTORS,
  watchProgress,
} from './shared/journeys'

const exampleDir = fileURLToPath(new URL('../examples/vue-dashboard', import.meta.url))
const screenshotPath = fileURLToPath(new URL('../docs/screenshots/vue-dashboard.png', import.meta.url))

let session: DashboardSession | undefined

/** The open session; the hooks guarantee it inside the tests. */
const s = (): DashboardSession => {
  if (!session) throw new Error('The dashboard did not start; see the beforeAll error.')
  return session
}

beforeAll(async () => {
  session = await openDashboard(exampleDir, { viewport: { width: 1280, height: 900 } })
})

afterAll(() => session?.close())

describe('vue dashboard in Chromium', () => {
  it('refuses an empty prompt with the schema message, focused, sending nothing', async () => {
    const { page, mock } = s()
    const form = page.locator(SELECTORS.createForm)
    await form.getByRole('button', { name: 'Generate video' }).click()

    const prompt = form.getByLabel('Prompt')
    expect(await prompt.getAttribute('aria-invalid')).toBe('true')
    expect(await form.textContent()).toContain('prompt must not be empty')
    expect(await prompt.evaluate((element) => element === document.activeElement)).toBe(true)
    expect(mock.api.count({ endpoint: 'create' })).toBe(0)
  })

  it('creates a job, shows its bar move to 100, then plays the video and shows the thumbnail', async () => {
    const { page } = s()
    const id = await createVideo(page, 'A hot air balloon drifting over misty hills at dawn')
    expect((await s().rowIds())[0]).toBe(id)

    const seen = await watchProgress(page, id, 'completed')

    expect(seen.length).toBeGreaterThanOrEqual(3)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
    expect(seen.at(-1)).toBe(100)
    expect(await jobRow(page, id).locator(SELECTORS.jobStatus).textContent()).toBe('Ready')

    await openVideo(page, id)
    const content = await readContent(page)
    expect(page.url()).toContain(`#/videos/${id}`)
    expect(content.videoSrc).toMatch(/^blob:/)
    expect(content.videoType).toBe('video/mp4')
    expect(content.thumbnailSrc).toMatch(/^blob:/)
    expect(content.thumbnailType).toBe('image/webp')
    expect(content.thumbnailWidth).toBeGreaterThan(0)
    expect(content.videoReadyState).toBeGreaterThanOrEqual(1)
  })

  it('remixes a finished video from the keyboard, then closes the dialog with Escape', async () => {
    const { page, mock } = s()
    const finished = page.locator(`${SELECTORS.jobRow}[data-status="completed"]`).first()
    const source = (await finished.getAttribute('data-job-id')) as string
    const detail = await openVideo(page, source)
    await detail.getByLabel('What should change?').focus()
    await page.keyboard.type('Same balloon, under a starry sky')
    await page.keyboard.press('Enter')
    await page.waitForURL((url) => url.hash !== `#/videos/${source}`)

    const remixId = decodeURIComponent(page.url().split('#/videos/')[1] ?? '')
    expect(mock.api.jobs.get(remixId)?.remixed_from_video_id).toBe(source)
    expect((await s().rowIds())[0]).toBe(remixId)
    await page.keyboard.press('Escape')
    await detail.waitFor({ state: 'detached' })
    expect(page.url()).not.toContain('#/videos/')
  })

  it('deletes a job: its row goes at once and stays gone after a reload', async () => {
    const { page, mock } = s()
    const id = await createVideo(page, 'A short-lived test clip')
    await deleteVideo(page, id)
    await jobRow(page, id).waitFor({ state: 'detached' })

    await page.reload()
    await page.locator(SELECTORS.jobList).waitFor()
    expect(await s().rowIds()).not.toContain(id)
    expect(mock.api.jobs.get(id)).toBeUndefined()
  })

  it('brings a row back in its place with an alert when the server refuses the delete', async () => {
    const { page, mock } = s()
    const before = await s().rowIds()
    const id = before[2] as string
    mock.api.faults.next(
      { type: 'error', status: 500, message: 'The storage backend is read-only.' },
      { endpoint: 'delete' },
    )
    const presence = await recordRowPresence(page, id)

    await deleteVideo(page, id)
    const alert = jobRow(page, id).getByRole('alert')
    await alert.waitFor()

    expect(await alert.textContent()).toContain('The storage backend is read-only.')
    expect(await presence()).toEqual(['removed', 'added'])
    expect(await s().rowIds()).toEqual(before)
    expect(mock.api.jobs.get(id)).toBeDefined()
    await alert.getByRole('button', { name: 'Dismiss' }).click()
    await alert.waitFor({ state: 'detached' })
  })

  it('saves a screenshot of the dashboard', async () => {
    const { page } = s()
    // Bars do not animate, and only the long render is still live: the picture shows settled rows.
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await page.waitForFunction(
      (rowSelector) =>
        [...document.querySelectorAll(rowSelector)].filter((row) =>
          ['queued', 'in_progress'].includes(row.getAttribute('data-status') ?? ''),
        ).length === 1,
      SELECTORS.jobRow,
    )
    await page.locator(SELECTORS.jobRow, { hasText: RENDERING_PROMPT }).getByText(/left$/).waitFor()
    await page.mouse.move(0, 0)
    await mkdir(dirname(screenshotPath), { recursive: true })
    await page.screenshot({ path: screenshotPath, fullPage: true })
  })

  it('logged no errors in the page', () => {
    expect(s().browser.pageErrors).toEqual([])
  })
})
