import type { MockJobs, MockVideoApiOptions } from '@vidjob/mock-api'
import type { Page } from 'playwright-core'
import { seedDemoJobs } from '../../examples/demo-server/src/index'
import { launchChromium, type RunningBrowser } from './browser'
import { SELECTORS } from './journeys'
import { startMockApi, type RunningMockApi } from './mock-api'
import { buildAndServe, type ServedExample } from './serve-example'

/** A dashboard built, served against its own mock API, and open in Chromium. */
export interface DashboardSession {
  readonly mock: RunningMockApi
  readonly app: ServedExample
  readonly browser: RunningBrowser
  readonly page: Page
  /** Ids of the job rows on screen, top to bottom. */
  rowIds(): Promise<string[]>
  /** Closes the browser, the app server and the mock, whatever state they are in. */
  close(): Promise<void>
}

/** Options of {@link openDashboard}. */
export interface DashboardOptions {
  viewport?: { width: number; height: number }
  mock?: MockVideoApiOptions
  /** Jobs to create before the page loads (default {@link seedScene}). */
  seed?: (jobs: MockJobs) => void
  /** What to wait for once the page loads (default the job list; an app with no rows shows its empty state). */
  ready?: string
}

/**
 * Starts a mock API, seeds it, builds and serves the example against it, opens it in Chromium and waits
 * for the job list. If any step fails, what was started is closed before the error is rethrown.
 *
 * @example
 * const session = await openDashboard(fileURLToPath(new URL('../examples/vue-dashboard', import.meta.url)))
 * const id = await createVideo(session.page, 'A lighthouse in a storm')
 * await session.close()
 */
export async function openDashboard(
  exampleDir: string,
  options: DashboardOptions = {},
): Promise<DashboardSession> {
  const started: { close(): Promise<void> }[] = []
  const close = async () => {
    for (const part of started.reverse()) await part.close()
  }
  try {
    const mock = await startMockApi(options.mock)
    started.push(mock)
    ;(options.seed ?? seedScene)(mock.api.jobs)
    const app = await buildAndServe(exampleDir, { apiBaseURL: mock.url })
    started.push(app)
    const browser = await launchChromium(exampleDir, options.viewport)
    started.push(browser)
    const { page } = browser
    await signIn(page, app.url)
    await page.locator(options.ready ?? SELECTORS.jobList).waitFor()
    const rowIds = () =>
      page
        .locator(SELECTORS.jobRow)
        .evaluateAll((rows) => rows.flatMap((row) => row.getAttribute('data-job-id') ?? []))
    return { mock, app, browser, page, rowIds, close }
  } catch (error) {
    await close()
    throw error
  }
}

/** The prompt of the job {@link seedScene} leaves rendering for four minutes: a live bar on the screenshot at the suite's end. */
export const RENDERING_PROMPT = 'Northern lights rippling over a frozen lake, slow pan'

/**
 * A scene with every kind of row, oldest first: the demo server's first screen (a failed job with its
 * reason, two finished videos) and one job still rendering for four minutes.
 *
 * @example openDashboard(exampleDir, { seed: seedScene })
 */
export function seedScene(jobs: MockJobs): void {
  seedDemoJobs(jobs)
  jobs.create({ prompt: RENDERING_PROMPT, queueMs: 0, renderMs: 240_000 })
}

/**
 * Signs the page in as a demo user (Ann by default: the demo gives her what the tests make on the mock)
 * and lands on the app.
 *
 * @example await signIn(page, app.url, 'bob')
 */
export async function signIn(page: Page, appUrl: string, user = 'ann'): Promise<void> {
  await page.goto(new URL(`__demo/sign-in?user=${user}`, appUrl).href)
}
