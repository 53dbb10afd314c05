import type { Page } from 'playwright-core'
import { requireFromExample } from './example-tooling'

/** The parts of an axe-core result the check reads. */
interface AxeViolation {
  id: string
  impact?: string | null
  help: string
  nodes: { target: unknown[]; failureSummary?: string }[]
}

/**
 * Runs axe-core (the example's own copy, injected as a script) on the page as it is, and returns one line
 * per element with a serious or critical violation: empty means the page passes.
 *
 * @example expect(await seriousViolations(page, exampleDir)).toEqual([])
 */
export async function seriousViolations(page: Page, exampleDir: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    const { source } = requireFromExample<{ source: string }>(exampleDir, 'axe-core')
    await page.addScriptTag({ content: source })
  }
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: unknown[] }> } })
      .axe
    return (await axe.run(document)).violations
  })
  return (violations as AxeViolation[])
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact}) at ${node.target.join(' ')}: ${node.failureSummary ?? violation.help}`,
      ),
    )
}
