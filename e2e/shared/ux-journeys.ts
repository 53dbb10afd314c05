import { createServer, type AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { seriousViolations } from './accessibility'
import type { DashboardSession } from './dashboard-session'
import { createVideo, jobRow, openVideo, SELECTORS, UNDO_MS } from './journeys'
import { buildAndServe } from './serve-example'

/**
 * The journeys of "what a new user meets": deleting safely, honest progress bars, plain messages, the
 * keyboard, downloads, accessibility in both themes, an unreachable API and paging. Framework-agnostic,
 * on the selectors contract of e2e/shared/README.md, run by {@link describeDashboardJourneys} for every
 * dashboard.
 */

/** The plain message both forms show for an empty prompt. */
export const EMPTY_PROMPT_MESSAGE = 'Describe what you want to see first.'

const detail = (page: Page) => page.locator(SELECTORS.jobDetail)

/** Ids of the rows on screen whose status is `status`. */
async function idsWithStatus(session: DashboardSession, status: string): Promise<string[]> {
  return session.page
    .locator(`${SELECTORS.jobRow}[data-status="${status}"]`)
    .evaluateAll((rows) => rows.flatMap((row) => row.getAttribute('data-job-id') ?? []))
}

/**
 * A double click on Delete deletes exactly one video: the row offers Undo in place (so the second click
 * lands on it, not on the next row's Delete), one DELETE goes out after the undo window, and while the
 * pointer stays over the list the rows below keep their places; they close up once it leaves.
 */
export async function doubleClickDeletesOne(session: DashboardSession): Promise<void> {
  const { page, mock } = session
  const below = await createVideo(page, 'Keep me')
  const target = await createVideo(page, 'Delete me twice')
  const before = await session.rowIds()
  expect(before.indexOf(target)).toBe(before.indexOf(below) - 1)
  const sent = mock.api.count({ endpoint: 'delete' })
  const belowTop = async () => (await jobRow(page, below).boundingBox())?.y
  const topBefore = await belowTop()

  await jobRow(page, target).locator(SELECTORS.deleteButton).dblclick()
  await jobRow(page, target).locator(SELECTORS.undoDelete).waitFor()
  expect(await page.locator(SELECTORS.undoDelete).count()).toBe(1)
  expect(await belowTop()).toBe(topBefore)

  await jobRow(page, target).waitFor({ state: 'detached', timeout: UNDO_MS + 5_000 })
  expect(await belowTop()).toBe(topBefore)
  expect(mock.api.count({ endpoint: 'delete' }) - sent).toBe(1)
  expect(mock.api.jobs.get(target)).toBeUndefined()
  expect(mock.api.jobs.get(below)).toBeDefined()
  expect(await session.rowIds()).toEqual(before.filter((id) => id !== target))

  await page.mouse.move(0, 0)
  await page.waitForFunction(
    ([selector, y]) => (document.querySelector(selector)?.getBoundingClientRect().y ?? y) < y - 10,
    [`${SELECTORS.jobRow}[data-job-id="${below}"]`, topBefore ?? 0] as const,
  )
}

/** Undo within the window keeps the video: the row is back as it was and no DELETE is ever sent. */
export async function undoKeepsTheVideo(session: DashboardSession): Promise<void> {
  const { page, mock } = session
  const id = await createVideo(page, 'Undo saves me')
  const sent = mock.api.count({ endpoint: 'delete' })
  await jobRow(page, id).locator(SELECTORS.deleteButton).click()
  await jobRow(page, id).locator(SELECTORS.undoDelete).click()
  await jobRow(page, id).locator(SELECTORS.undoDelete).waitFor({ state: 'detached' })
  await page.waitForTimeout(UNDO_MS + 500)
  expect(mock.api.count({ endpoint: 'delete' })).toBe(sent)
  expect(mock.api.jobs.get(id)).toBeDefined()
  await jobRow(page, id).locator(SELECTORS.deleteButton).waitFor()
}

/** One reading of a row's bar: its value (null when indeterminate) and the share of the track filled. */
interface BarSample {
  status: string
  value: number | null
  filled: number
}

/**
 * Records every change of a row's bar at each animation frame: the bar's `aria-valuenow` and how much of
 * it its fill (the progressbar's first child) covers, as the person sees it mid-animation.
 */
async function recordBar(page: Page, id: string): Promise<() => Promise<BarSample[]>> {
  const key = `__bar_${id}`
  await page.evaluate(
    ([rowSelector, storeKey]) => {
      const samples: BarSample[] = []
      ;(window as unknown as Record<string, BarSample[]>)[storeKey] = samples
      const sample = () => {
        const row = document.querySelector(rowSelector)
        const bar = row?.querySelector('[role="progressbar"]')
        const fill = bar?.firstElementChild
        if (row && bar && fill) {
          const value = bar.getAttribute('aria-valuenow')
          const next = {
            status: row.getAttribute('data-status') ?? '',
            value: value === null ? null : Number(value),
            filled:
              Math.round((fill.getBoundingClientRect().width / bar.getBoundingClientRect().width) * 1000) /
              1000,
          }
          const last = samples.at(-1)
          if (
            !last ||
            last.status !== next.status ||
            last.value !== next.value ||
            last.filled !== next.filled
          )
            samples.push(next)
        }
        requestAnimationFrame(sample)
      }
      sample()
    },
    [`${SELECTORS.jobRow}[data-job-id="${id}"]`, key] as const,
  )
  return () =>
    page.evaluate((storeKey) => [...(window as unknown as Record<string, BarSample[]>)[storeKey]!], key)
}

/**
 * Progress bars tell the truth: a queued job's bar is indeterminate (no value, nothing filled, never a
 * full bar), the fill never runs backwards, it is never ahead of the number, and at rest it matches it.
 */
export async function barsNeverRunBackwards(session: DashboardSession): Promise<void> {
  const { page, mock } = session
  // Queued long enough to be seen queued, then rendering at the suite's pace.
  const { id } = mock.api.jobs.create({ prompt: 'Bars only move forward', queueMs: 2_000, renderMs: 3_000 })
  await page.getByRole('button', { name: 'Refresh' }).click()
  await jobRow(page, id).waitFor()
  const samples = await recordBar(page, id)
  await jobRow(page, id).and(page.locator('[data-status="completed"]')).waitFor({ timeout: 20_000 })
  await page.waitForTimeout(1_000)
  const seen = await samples()

  const queued = seen.filter((s) => s.status === 'queued')
  expect(queued.length).toBeGreaterThan(0)
  for (const sample of queued) expect(sample).toMatchObject({ value: null, filled: 0 })
  seen.forEach((sample, i) => {
    if (i > 0) expect(sample.filled).toBeGreaterThanOrEqual((seen[i - 1] as BarSample).filled - 0.005)
    expect(sample.filled).toBeLessThanOrEqual((sample.value ?? 0) / 100 + 0.01)
  })
  expect(seen.at(-1)).toEqual({ status: 'completed', value: 100, filled: 1 })

  // A bar at rest (no animation running) is exactly as long as its number says.
  const atRest = await page.evaluate((selector) => {
    const bar = document.querySelector(`${selector}[data-status="in_progress"] [role="progressbar"]`)
    const fill = bar?.firstElementChild
    if (!bar || !fill || fill.getAnimations().length > 0) return undefined
    return {
      value: Number(bar.getAttribute('aria-valuenow')),
      filled: fill.getBoundingClientRect().width / bar.getBoundingClientRect().width,
    }
  }, SELECTORS.jobRow)
  if (atRest) expect(atRest.filled).toBeCloseTo(atRest.value / 100, 2)
}

/**
 * The create and remix forms say the same plain thing about an empty prompt (never the client's
 * "Invalid remix() params ... Nothing was sent."), and send nothing.
 */
export async function plainPromptMessages(session: DashboardSession): Promise<void> {
  const { page, mock } = session
  const sent = () => mock.api.count({ endpoint: 'create' }) + mock.api.count({ endpoint: 'remix' })
  const before = sent()
  const form = page.locator(SELECTORS.createForm)
  await form.getByLabel('Prompt').fill('   ')
  await form.getByRole('button', { name: 'Generate video' }).click()
  await form.getByText(EMPTY_PROMPT_MESSAGE).waitFor()
  expect(await form.getByLabel('Prompt').getAttribute('aria-invalid')).toBe('true')

  const [finished] = await idsWithStatus(session, 'completed')
  const view = await openVideo(page, finished as string)
  await view.getByRole('button', { name: 'Remix', exact: true }).click()
  await view.getByLabel('What should change?').press('Enter')
  await view.getByText(EMPTY_PROMPT_MESSAGE).waitFor()
  const text = (await view.textContent()) ?? ''
  expect(text).not.toMatch(/Invalid remix|Nothing was sent|must not be empty/)
  expect(sent()).toBe(before)
  await form.getByLabel('Prompt').fill('')
  await page.keyboard.press('Escape')
}

/** Near the 32,000-character limit a live count shows; past it the form says so and sends nothing. */
export async function characterCountNearLimit(session: DashboardSession): Promise<void> {
  const { page, mock } = session
  const form = page.locator(SELECTORS.createForm)
  const prompt = form.getByLabel('Prompt')
  await prompt.fill('a'.repeat(100))
  expect(await form.getByText(/characters$/).count()).toBe(0)
  await prompt.fill('a'.repeat(28_500))
  await form.getByText('28,500 / 32,000 characters').waitFor()
  await prompt.fill('a'.repeat(32_010))
  await form.getByText('32,010 / 32,000 characters').waitFor()
  const creates = mock.api.count({ endpoint: 'create' })
  await form.getByRole('button', { name: 'Generate video' }).click()
  await form.getByText('Shorten the prompt to 32,000 characters or fewer (it has 32,010).').waitFor()
  expect(mock.api.count({ endpoint: 'create' })).toBe(creates)
  await prompt.fill('')
}

/** Ctrl+Enter (⌘+Enter on a Mac) in the prompt generates the video. */
export async function modEnterSubmits(session: DashboardSession): Promise<void> {
  const { page } = session
  const prompt = page.locator(SELECTORS.createForm).getByLabel('Prompt')
  await prompt.fill('Sent from the keyboard')
  await prompt.press('Control+Enter')
  await page.locator(SELECTORS.jobRow, { hasText: 'Sent from the keyboard' }).waitFor()
  // The row shows as the create's answer lands; the form clears when its await resumes, a render later.
  await page.waitForFunction(
    (selector) => document.querySelector<HTMLTextAreaElement>(selector)?.value === '',
    `${SELECTORS.createForm} textarea`,
    { timeout: 2_000 },
  )
  expect(await prompt.inputValue()).toBe('')
}

/**
 * A failed row says what the person can do ("Try again", "Try a different prompt") in place of the
 * server's wording, and Try again starts the same job again.
 */
export async function failedRowsSayWhatToDo(session: DashboardSession): Promise<void> {
  const { page, mock } = session
  const failed = mock.api.jobs.create({ prompt: 'A job that fails', queueMs: 0, renderMs: 1_000 })
  mock.api.jobs.fail(failed.id)
  await page.locator(SELECTORS.createForm).getByLabel('Prompt').fill('')
  await page.getByRole('button', { name: 'Refresh' }).click()
  const row = jobRow(page, failed.id)
  await row.and(page.locator('[data-status="failed"]')).waitFor()

  const text = (await row.textContent()) ?? ''
  expect(text).toContain('Try again')
  expect(text).not.toMatch(/mock|forced|simulated|jobs\.fail/i)
  for (const seeded of await idsWithStatus(session, 'failed'))
    expect(await jobRow(page, seeded).textContent()).toMatch(/Try (again|a different prompt)/)

  await row.getByRole('button', { name: 'Try again' }).click()
  await page.waitForFunction(
    ([selector, prompt]) =>
      [...document.querySelectorAll(selector)].filter((r) => r.textContent?.includes(prompt)).length === 2,
    [SELECTORS.jobRow, 'A job that fails'] as const,
  )
  expect(mock.api.jobs.all().filter((video) => video.prompt === 'A job that fails')).toHaveLength(2)
}

/** Escape closes the detail view and focus goes back to the row that opened it. */
export async function escapeClosesDetail(session: DashboardSession): Promise<void> {
  const { page } = session
  const [id] = await session.rowIds()
  await openVideo(page, id as string)
  await page.keyboard.press('Escape')
  await detail(page).waitFor({ state: 'detached' })
  expect(page.url()).not.toContain('#/videos/')
  const focused = await page.evaluate((link) => {
    const active = document.activeElement
    return active?.matches(link) ? active.closest('[data-job-id]')?.getAttribute('data-job-id') : undefined
  }, SELECTORS.jobLink)
  expect(focused).toBe(id)
}

/**
 * The detail view of a finished video downloads its MP4 under a real file name
 * (`<prompt-start>-<id>.mp4`), and offers Remix and Delete (with Undo) too.
 */
export async function detailDownloadRemixDelete(session: DashboardSession): Promise<void> {
  const { page, mock } = session
  const id = await createVideo(page, 'A lighthouse beam sweeping over a stormy sea')
  await jobRow(page, id).and(page.locator('[data-status="completed"]')).waitFor({ timeout: 20_000 })
  const view = await openVideo(page, id)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    view.getByRole('link', { name: 'Download' }).click(),
  ])
  expect(download.suggestedFilename()).toBe(`a-lighthouse-beam-sweeping-over-a-stormy-${id}.mp4`)
  const bytes: Buffer[] = []
  for await (const chunk of await download.createReadStream()) bytes.push(chunk as Buffer)
  expect(Buffer.concat(bytes).subarray(4, 8).toString('latin1')).toBe('ftyp')

  await view.getByRole('button', { name: 'Remix', exact: true }).waitFor()
  await view.getByRole('button', { name: 'Delete', exact: true }).click()
  await view.getByRole('button', { name: 'Undo' }).click()
  await view.getByRole('button', { name: 'Delete', exact: true }).click()
  await page.waitForTimeout(UNDO_MS + 500)
  await expect.poll(() => mock.api.jobs.get(id)).toBeUndefined()
  await page.keyboard.press('Escape')
  await detail(page).waitFor({ state: 'detached' })
}

/**
 * axe-core finds no serious or critical violation, in the light and the dark theme: on the list, with a
 * row offering Undo, with a form message, and with a video open.
 */
export async function accessibleInBothThemes(session: DashboardSession, exampleDir: string): Promise<void> {
  const { page } = session
  const found: string[] = []
  const check = async (scene: string) =>
    found.push(...(await seriousViolations(page, exampleDir)).map((line) => `${scene}: ${line}`))
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' })
    await check(`${colorScheme}, list`)
    const [id] = await idsWithStatus(session, 'completed')
    await jobRow(page, id as string)
      .locator(SELECTORS.deleteButton)
      .click()
    await check(`${colorScheme}, undo`)
    await jobRow(page, id as string)
      .locator(SELECTORS.undoDelete)
      .click()
    const form = page.locator(SELECTORS.createForm)
    await form.getByRole('button', { name: 'Generate video' }).click()
    await form.getByText(EMPTY_PROMPT_MESSAGE).waitFor()
    await check(`${colorScheme}, form message`)
    await openVideo(page, id as string)
    await detail(page).locator(SELECTORS.jobVideo).waitFor()
    await check(`${colorScheme}, video open`)
    await page.keyboard.press('Escape')
    await detail(page).waitFor({ state: 'detached' })
  }
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' })
  expect(found).toEqual([])
}

/**
 * "Load more" shows whenever the server has more, also after new jobs joined the first page, and goes
 * once every video is loaded.
 */
export async function loadMoreWhileWorking(session: DashboardSession): Promise<void> {
  const { page, mock } = session
  Array.from({ length: 9 }, (_, i) =>
    mock.api.jobs.complete(mock.api.jobs.create({ prompt: `Earlier clip ${i + 1}` }).id),
  )
  await page.reload()
  await page.locator(SELECTORS.jobList).waitFor()
  const loadMore = page.getByRole('button', { name: 'Load more' })
  await loadMore.waitFor()
  await createVideo(page, 'Joins the first page')
  expect(await loadMore.isVisible()).toBe(true)
  for (let pages = 0; (await loadMore.count()) > 0 && pages < 10; pages++) {
    await loadMore.click()
    await page.waitForFunction(
      () => ![...document.querySelectorAll('button')].some((b) => b.textContent === 'Loading…'),
    )
  }
  await loadMore.waitFor({ state: 'detached' })
  expect((await session.rowIds()).length).toBe(mock.api.jobs.size)
}

/**
 * With the Videos API down, the dashboard's relay answers 502 with an error envelope, and the page says
 * plainly that the server cannot reach it (not "answered 500 ... with no error body").
 */
export async function unreachableUpstream(session: DashboardSession, exampleDir: string): Promise<void> {
  const port = await closedPort()
  const app = await buildAndServe(exampleDir, { apiBaseURL: `http://127.0.0.1:${port}/v1`, build: false })
  const page = await session.browser.context.newPage()
  try {
    const response = await fetch(new URL('api/videos/v1/videos?limit=8', app.url), {
      headers: { cookie: 'vidjob_demo_user=ann' },
    })
    expect(response.status).toBe(502)
    expect(await response.json()).toMatchObject({
      error: {
        message: expect.stringMatching(`^The server cannot reach the Videos API at http://127.0.0.1:${port}`),
        type: 'upstream_unreachable',
      },
    })
    await page.goto(app.url)
    const alert = page.getByRole('alert').filter({ hasText: 'Could not load the videos' })
    await alert.waitFor()
    const text = (await alert.textContent()) ?? ''
    expect(text).toContain(`The server cannot reach the Videos API at http://127.0.0.1:${port}`)
    expect(text).not.toMatch(/answered 5\d\d|no error body/)
  } finally {
    await page.close()
    await app.close()
  }
}

/** A loopback port nothing listens on any more. */
async function closedPort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}
