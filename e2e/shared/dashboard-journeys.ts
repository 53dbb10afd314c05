import { mkdir } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDashboard, RENDERING_PROMPT, type DashboardSession } from './dashboard-session'
import {
  closeVideo,
  createVideo,
  deleteVideo,
  jobRow,
  openVideo,
  readContent,
  recordRowPresence,
  SELECTORS,
  UNDO_MS,
  watchProgress,
} from './journeys'
import {
  accessibleInBothThemes,
  barsNeverRunBackwards,
  characterCountNearLimit,
  detailDownloadRemixDelete,
  doubleClickDeletesOne,
  escapeClosesDetail,
  failedRowsSayWhatToDo,
  loadMoreWhileWorking,
  modEnterSubmits,
  plainPromptMessages,
  undoKeepsTheVideo,
  unreachableUpstream,
} from './ux-journeys'

/**
 * Options of {@link describeDashboardJourneys}.
 *
 * @example const options: DashboardJourneysOptions = { name: 'react dashboard', exampleDir, screenshotWithVideoOpen: true }
 */
export interface DashboardJourneysOptions {
  /** Names the suite, e.g. `'react dashboard'`. */
  name: string
  /** The example app's folder; its screenshot is `docs/screenshots/<folder name>.png`. */
  exampleDir: string
  /**
   * Picture the dashboard with the newest video open. Right for a detail view beside the list; a modal
   * detail would hide the live rows the picture is for.
   */
  screenshotWithVideoOpen?: boolean
  /**
   * The app's own journeys, on the same session: they run first, on the seeded scene, so what they leave
   * on screen (a form error, say) is gone from the picture the shared journeys end with.
   */
  journeys?: (session: () => DashboardSession) => void
}

/**
 * Registers the journeys every dashboard supports, in Chromium, against one build of the app served on
 * a mock API the test owns ({@link openDashboard}): a clean build, the journeys of ux-journeys.ts (deletes
 * with Undo, honest bars, plain messages, keyboard, downloads, axe in both themes, paging, an unreachable
 * API), create and watch a job render to 100 then play it, delete after the undo window, see a refused
 * delete come back with its alert, save a screenshot to docs/screenshots/, and log no page errors.
 *
 * @example
 * describeDashboardJourneys({
 *   name: 'vue dashboard',
 *   exampleDir: fileURLToPath(new URL('../examples/vue-dashboard', import.meta.url)),
 *   journeys: (session) => it('remixes a finished video', async () => { ... }),
 * })
 */
export function describeDashboardJourneys(options: DashboardJourneysOptions): void {
  describe(`${options.name} in Chromium`, () => {
    let session: DashboardSession | undefined
    /** The open session; the hooks guarantee it inside the tests. */
    const s = (): DashboardSession => {
      if (!session) throw new Error('The dashboard did not start; see the beforeAll error.')
      return session
    }
    beforeAll(async () => {
      session = await openDashboard(options.exampleDir, { viewport: { width: 1280, height: 900 } })
    })
    afterAll(() => session?.close())

    options.journeys?.(s)
    it('built without warnings', () => {
      expect(s().app.buildOutput).toBe('')
    })
    const tidy = (journey: (session: DashboardSession) => Promise<void>) => () => leaveAsFound(s(), journey)
    it(
      'says plainly what is wrong with an empty prompt, in the create and the remix form alike',
      tidy(plainPromptMessages),
    )
    it(
      'counts characters near the 32,000 limit and refuses a longer prompt plainly',
      tidy(characterCountNearLimit),
    )
    it('submits the prompt with Ctrl+Enter', tidy(modEnterSubmits))
    it(
      'draws a queued bar indeterminate, then never backwards nor ahead of its number',
      tidy(barsNeverRunBackwards),
    )
    it('tells what to do on a failed row, and tries it again', tidy(failedRowsSayWhatToDo))
    it(
      'deletes exactly one video on a double click, and keeps the rows below in place meanwhile',
      tidy(doubleClickDeletesOne),
    )
    it('keeps a video whose delete was undone, sending nothing', tidy(undoKeepsTheVideo))
    it('closes the detail view with Escape and gives focus back to the row', tidy(escapeClosesDetail))
    it('downloads, remixes and deletes from the detail view', tidy(detailDownloadRemixDelete))
    it(
      'shows Load more whenever there are more videos, also after new ones joined',
      tidy(loadMoreWhileWorking),
    )
    it(
      'has no serious accessibility violation in the light and the dark theme',
      tidy((session) => accessibleInBothThemes(session, options.exampleDir)),
    )
    it('says plainly when its server cannot reach the Videos API (502 with an error envelope)', () =>
      unreachableUpstream(s(), options.exampleDir))
    it('creates a job, shows its bar move to 100, then plays the video and shows the thumbnail', () =>
      createWatchAndPlay(s()))
    it('deletes a job after its undo window: its row goes and stays gone after a reload', () =>
      deleteAndReload(s()))
    it('brings a row back in its place with an alert when the server refuses the delete', () =>
      refusedDeleteRollsBack(s()))
    it('saves a screenshot of the dashboard', () =>
      saveScreenshot(s(), screenshotPathOf(options.exampleDir), options.screenshotWithVideoOpen ?? false))
    it('logged no errors in the page', () => {
      expect(s().browser.pageErrors).toEqual([])
    })
  })
}

/**
 * Runs a journey, then removes the jobs it created from the mock and reloads the page, so the next one
 * (and the screenshot at the end) starts from the seeded scene, not from a page full of test clips.
 */
async function leaveAsFound(
  session: DashboardSession,
  journey: (session: DashboardSession) => Promise<void>,
): Promise<void> {
  const { page, mock } = session
  const before = new Set(mock.api.jobs.all().map((video) => video.id))
  try {
    await journey(session)
  } finally {
    for (const video of mock.api.jobs.all()) if (!before.has(video.id)) mock.api.jobs.remove(video.id)
    await page.mouse.move(0, 0)
    await page.goto(session.app.url)
    await page.locator(SELECTORS.jobList).waitFor()
  }
}

async function createWatchAndPlay({ page, mock, rowIds }: DashboardSession): Promise<void> {
  const id = await createVideo(page, 'A lighthouse beam sweeping over a stormy sea')
  expect((await rowIds())[0]).toBe(id)

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
  // Debian's Chromium decodes H.264: the clip's metadata is read, and it lasts the seconds asked for.
  expect(content.videoReadyState).toBeGreaterThanOrEqual(1)
  expect(content.videoDuration).toBeCloseTo(Number(mock.api.jobs.get(id)?.seconds), 0)

  await closeVideo(page)
  expect(page.url()).not.toContain('#/videos/')
}

async function deleteAndReload({ page, mock, rowIds }: DashboardSession): Promise<void> {
  const id = await createVideo(page, 'A short-lived test clip')
  await deleteVideo(page, id)
  await jobRow(page, id).waitFor({ state: 'detached', timeout: UNDO_MS + 5_000 })

  await page.reload()
  await page.locator(SELECTORS.jobList).waitFor()
  expect(await rowIds()).not.toContain(id)
  expect(mock.api.jobs.get(id)).toBeUndefined()
}

async function refusedDeleteRollsBack({ page, mock, rowIds }: DashboardSession): Promise<void> {
  const before = await rowIds()
  const id = before[2] as string
  mock.api.faults.next(
    { type: 'error', status: 500, message: 'The storage backend is read-only.' },
    { endpoint: 'delete' },
  )
  const presence = await recordRowPresence(page, id)

  await deleteVideo(page, id)
  const alert = jobRow(page, id).getByRole('alert')
  await alert.waitFor({ timeout: UNDO_MS + 5_000 })

  expect(await alert.textContent()).toContain('The storage backend is read-only.')
  expect(await presence()).toEqual(['removed', 'added'])
  expect(await rowIds()).toEqual(before)
  expect(mock.api.jobs.get(id)).toBeDefined()
  await alert.getByRole('button', { name: 'Dismiss' }).click()
  await alert.waitFor({ state: 'detached' })
}

/**
 * What a person sees after a few seconds: bars at rest (no animation), only the long render still live
 * and its ETA known, and optionally the newest video open with a decoded frame.
 */
async function saveScreenshot(
  session: DashboardSession,
  path: string,
  withVideoOpen: boolean,
): Promise<void> {
  const { page } = session
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.waitForFunction(
    (rowSelector) =>
      [...document.querySelectorAll(rowSelector)].filter((row) =>
        ['queued', 'in_progress'].includes(row.getAttribute('data-status') ?? ''),
      ).length === 1,
    SELECTORS.jobRow,
  )
  if (withVideoOpen) {
    await openVideo(page, (await session.rowIds())[0] as string)
    await readContent(page)
    await page.waitForFunction(
      (selector) => (document.querySelector<HTMLVideoElement>(selector)?.readyState ?? 0) >= 2,
      SELECTORS.jobVideo,
    )
  }
  await page
    .locator(SELECTORS.jobRow, { hasText: RENDERING_PROMPT })
    .getByText(/left$/)
    .waitFor({ timeout: 15_000 })
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.mouse.move(0, 0)
  await mkdir(dirname(path), { recursive: true })
  await page.screenshot({ path, fullPage: true })
}

function screenshotPathOf(exampleDir: string): string {
  return fileURLToPath(new URL(`../../docs/screenshots/${basename(exampleDir)}.png`, import.meta.url))
}
