import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { describeDashboardJourneys } from './shared/dashboard-journeys'
import { openVideo, SELECTORS } from './shared/journeys'
import { EMPTY_PROMPT_MESSAGE } from './shared/ux-journeys'

describeDashboardJourneys({
  name: 'vue dashboard',
  exampleDir: fileURLToPath(new URL('../examples/vue-dashboard', import.meta.url)),
  journeys: (s) => {
    it('refuses an empty prompt with a plain message, focused, sending nothing', async () => {
      const { page, mock } = s()
      const form = page.locator(SELECTORS.createForm)
      await form.getByRole('button', { name: 'Generate video' }).click()

      const prompt = form.getByLabel('Prompt')
      expect(await prompt.getAttribute('aria-invalid')).toBe('true')
      expect(await form.textContent()).toContain(EMPTY_PROMPT_MESSAGE)
      expect(await prompt.evaluate((element) => element === document.activeElement)).toBe(true)
      expect(mock.api.count({ endpoint: 'create' })).toBe(0)
    })

    it('remixes a finished video from the keyboard, then closes the dialog with Escape', async () => {
      const { page, mock } = s()
      const finished = page.locator(`${SELECTORS.jobRow}[data-status="completed"]`).first()
      const source = (await finished.getAttribute('data-job-id')) as string
      const detail = await openVideo(page, source)
      await detail.getByRole('button', { name: 'Remix', exact: true }).press('Enter')
      await page.keyboard.type('Same scene, under a starry sky')
      await page.keyboard.press('Enter')
      await page.waitForURL((url) => url.hash !== `#/videos/${source}`)

      const remixId = decodeURIComponent(page.url().split('#/videos/')[1] ?? '')
      expect(mock.api.jobs.get(remixId)?.remixed_from_video_id).toBe(source)
      expect((await s().rowIds())[0]).toBe(remixId)
      await page.keyboard.press('Escape')
      await detail.waitFor({ state: 'detached' })
      expect(page.url()).not.toContain('#/videos/')
    })
  },
})
