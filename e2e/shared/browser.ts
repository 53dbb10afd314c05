import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, BrowserType, Page } from 'playwright-core'
import { requireFromExample } from './example-tooling'

/** Debian's Chromium; the e2e runs never download a browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium'

/** Quiet, deterministic headless flags: no sandbox (containers), no GPU, no background traffic. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
]

/** A headless Chromium with one page, and how to end it. */
export interface RunningBrowser {
  readonly context: BrowserContext
  readonly page: Page
  /**
   * Uncaught exceptions and `console.error` messages of the page, to assert a clean run. Chromium's own
   * "Failed to load resource" lines are left out: a test that injects a 500 provokes them on purpose.
   */
  readonly pageErrors: string[]
  /** Closes the browser and deletes its profile. */
  close(): Promise<void>
}

/**
 * Launches Debian's Chromium through the `playwright-core` of `exampleDir`, with a fresh temporary profile
 * (`--user-data-dir`) that `close()` removes.
 *
 * @example
 * const browser = await launchChromium(exampleDir, { width: 1280, height: 900 })
 * await browser.page.goto(app.url)
 * await browser.close()
 */
export async function launchChromium(
  exampleDir: string,
  viewport: { width: number; height: number } = { width: 1280, height: 900 },
): Promise<RunningBrowser> {
  const { chromium } = requireFromExample<{ chromium: BrowserType }>(exampleDir, 'playwright-core')
  const profile = await mkdtemp(join(tmpdir(), 'vidjob-e2e-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport,
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      pageErrors.push(message.text())
  })
  return {
    context,
    page,
    pageErrors,
    close: async () => {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}
