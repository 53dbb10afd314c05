import type { Locator, Page } from 'playwright-core'

/**
 * Page helpers for the journeys every vidjob dashboard supports, keyed only on the selectors contract of
 * e2e/shared/README.md (data-testid attributes and ARIA roles), so React and Vue apps share them.
 */

/** The selectors contract, in one place. */
export const SELECTORS = {
  createForm: '[data-testid="create-form"]',
  jobList: '[data-testid="job-list"]',
  jobRow: '[data-testid="job-row"]',
  jobLink: '[data-testid="job-link"]',
  jobStatus: '[data-testid="job-status"]',
  deleteButton: '[data-testid="delete-button"]',
  undoDelete: '[data-testid="undo-delete"]',
  emptyState: '[data-testid="empty-state"]',
  jobDetail: '[data-testid="job-detail"]',
  jobVideo: '[data-testid="job-video"]',
  jobThumbnail: '[data-testid="job-thumbnail"]',
  jobFailure: '[data-testid="job-failure"]',
} as const

/**
 * The row of one job.
 *
 * @example await jobRow(page, id).waitFor()
 */
export function jobRow(page: Page, id: string): Locator {
  return page.locator(`${SELECTORS.jobRow}[data-job-id="${id}"]`)
}

/**
 * Fills the create form with a prompt, submits it, and returns the id of the row that appears for it.
 *
 * @example const id = await createVideo(page, 'A paper boat in the rain')
 */
export async function createVideo(page: Page, prompt: string, timeoutMs = 10_000): Promise<string> {
  const form = page.locator(SELECTORS.createForm)
  await form.getByLabel('Prompt').fill(prompt)
  await form.getByRole('button', { name: 'Generate video' }).click()
  const row = page.locator(SELECTORS.jobRow, { hasText: prompt }).first()
  await row.waitFor({ timeout: timeoutMs })
  const id = await row.getAttribute('data-job-id')
  if (!id) throw new Error(`The row for "${prompt}" has no data-job-id.`)
  return id
}

/**
 * Reads the row's progress bar (`aria-valuenow`) until the job's status is `status`, and returns every
 * distinct value seen, in order: a bar that moved has several.
 *
 * @example
 * const seen = await watchProgress(page, id, 'completed')
 * expect(seen.at(-1)).toBe(100)
 */
export async function watchProgress(
  page: Page,
  id: string,
  status: string,
  timeoutMs = 30_000,
): Promise<number[]> {
  const row = jobRow(page, id)
  const seen: number[] = []
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = Number(await row.getByRole('progressbar').getAttribute('aria-valuenow'))
    if (seen.at(-1) !== value) seen.push(value)
    if ((await row.getAttribute('data-status')) === status) {
      const last = Number(await row.getByRole('progressbar').getAttribute('aria-valuenow'))
      if (seen.at(-1) !== last) seen.push(last)
      return seen
    }
    if (Date.now() > deadline)
      throw new Error(`Job ${id} did not reach ${status} in ${timeoutMs} ms; saw ${seen}.`)
    await page.waitForTimeout(100)
  }
}

/**
 * Opens a job's detail view from its row.
 *
 * @example const detail = await openVideo(page, id)
 */
export async function openVideo(page: Page, id: string): Promise<Locator> {
  await jobRow(page, id).locator(SELECTORS.jobLink).click()
  const detail = page.locator(SELECTORS.jobDetail)
  await detail.waitFor()
  return detail
}

/**
 * Closes the detail view with its **Close** control and waits for it to go.
 *
 * @example await closeVideo(page)
 */
export async function closeVideo(page: Page): Promise<void> {
  const detail = page.locator(SELECTORS.jobDetail)
  await detail.getByText('Close', { exact: true }).click()
  await detail.waitFor({ state: 'detached' })
}

/** What the detail view's player and thumbnail hold once loaded. */
export interface LoadedContent {
  videoSrc: string
  videoType: string
  /** `HTMLMediaElement.readyState` once metadata was awaited (1+ means the browser decoded the header). */
  videoReadyState: number
  videoDuration: number
  thumbnailSrc: string
  thumbnailType: string
  thumbnailWidth: number
}

/**
 * Waits for the detail view's `<video>` and thumbnail, then reads their object URLs, the blobs' types,
 * and what the browser decoded of them.
 *
 * @example expect((await readContent(page)).videoType).toBe('video/mp4')
 */
export async function readContent(page: Page, timeoutMs = 10_000): Promise<LoadedContent> {
  const video = page.locator(SELECTORS.jobVideo)
  const thumbnail = page.locator(`${SELECTORS.jobDetail} ${SELECTORS.jobThumbnail}`)
  await video.waitFor({ timeout: timeoutMs })
  await thumbnail.waitFor({ timeout: timeoutMs })
  await page.waitForFunction(
    ([videoSelector, imageSelector]) => {
      const media = document.querySelector<HTMLVideoElement>(videoSelector)
      const image = document.querySelector<HTMLImageElement>(imageSelector)
      return !!media && !!image && image.complete && (media.readyState >= 1 || media.error !== null)
    },
    [SELECTORS.jobVideo, `${SELECTORS.jobDetail} ${SELECTORS.jobThumbnail}`] as const,
    { timeout: timeoutMs },
  )
  return page.evaluate(
    async ([videoSelector, imageSelector]) => {
      const media = document.querySelector<HTMLVideoElement>(videoSelector) as HTMLVideoElement
      const image = document.querySelector<HTMLImageElement>(imageSelector) as HTMLImageElement
      const typeOf = async (url: string) => (await (await fetch(url)).blob()).type
      return {
        videoSrc: media.src,
        videoType: await typeOf(media.src),
        videoReadyState: media.readyState,
        videoDuration: media.duration,
        thumbnailSrc: image.src,
        thumbnailType: await typeOf(image.src),
        thumbnailWidth: image.naturalWidth,
      }
    },
    [SELECTORS.jobVideo, `${SELECTORS.jobDetail} ${SELECTORS.jobThumbnail}`] as const,
  )
}

/**
 * Starts recording when a job's row leaves or joins the page, to tell an optimistic removal followed by a
 * rollback (`['removed', 'added']`) from a row that never moved, however fast the server answers.
 *
 * @example
 * const presence = await recordRowPresence(page, id)
 * await deleteVideo(page, id)
 * expect(await presence()).toEqual(['removed', 'added'])
 */
export async function recordRowPresence(page: Page, id: string): Promise<() => Promise<string[]>> {
  const key = `__rowPresence_${id}`
  await page.evaluate(
    ([rowSelector, storeKey]) => {
      const events: string[] = []
      let present = document.querySelector(rowSelector) !== null
      new MutationObserver(() => {
        const now = document.querySelector(rowSelector) !== null
        if (now !== present) events.push(now ? 'added' : 'removed')
        present = now
      }).observe(document.body, { childList: true, subtree: true })
      ;(window as unknown as Record<string, string[]>)[storeKey] = events
    },
    [`${SELECTORS.jobRow}[data-job-id="${id}"]`, key] as const,
  )
  return () =>
    page.evaluate((storeKey) => [...(window as unknown as Record<string, string[]>)[storeKey]!], key)
}

/**
 * Presses the Delete button of a job's row and waits for the row to offer Undo. The delete itself is sent
 * when the undo window ({@link UNDO_MS}) has passed.
 *
 * @example
 * await deleteVideo(page, id)
 * await jobRow(page, id).waitFor({ state: 'detached', timeout: UNDO_MS + 5_000 })
 */
export async function deleteVideo(page: Page, id: string): Promise<void> {
  await jobRow(page, id).locator(SELECTORS.deleteButton).click()
  await jobRow(page, id).locator(SELECTORS.undoDelete).waitFor()
}

/** How long a deleted row offers Undo before the delete request is sent (both dashboards). */
export const UNDO_MS = 5_000
