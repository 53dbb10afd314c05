/**
 * One bar: its series (colour and legend) and value.
 *
 * @example const bar: ChartBar = { series: 'requests', value: 384, text: '384' }
 */
export interface ChartBar {
  readonly series: string
  readonly value: number
  /** What is written at the end of the bar. */
  readonly text: string
}

/**
 * A horizontal bar chart panel: one group of bars per contender.
 *
 * @example barChartSvg('title', [{ title: 'Requests', groups: [{ label: 'vidjob', bars: [bar] }] }])
 */
export interface ChartPanel {
  readonly title: string
  readonly groups: readonly { readonly label: string; readonly bars: readonly ChartBar[] }[]
}

const WIDTH = 820
const LABEL_WIDTH = 170
const VALUE_WIDTH = 90
const BAR_HEIGHT = 16
const BAR_GAP = 3
const GROUP_GAP = 12
const TITLE_HEIGHT = 30
const PALETTE = ['#2563eb', '#f59e0b', '#10b981', '#ef4444']

/**
 * Renders panels of horizontal bars as a standalone SVG (no charting library: a few rects and texts),
 * each panel scaled to its own largest value.
 *
 * @example barChartSvg('Requests', [{ title: 'HTTP requests', groups: [...] }])
 */
export function barChartSvg(title: string, panels: readonly ChartPanel[]): string {
  const series = [
    ...new Set(panels.flatMap((panel) => panel.groups.flatMap((g) => g.bars.map((b) => b.series)))),
  ]
  const colour = (name: string): string => PALETTE[series.indexOf(name) % PALETTE.length] as string
  const parts: string[] = [text(16, 24, title, 'font-size="16" font-weight="600"')]
  let y = 36
  for (const panel of panels) {
    parts.push(text(16, y + 20, panel.title, 'font-size="14" font-weight="600"'))
    const own = [...new Set(panel.groups.flatMap((group) => group.bars.map((bar) => bar.series)))]
    // A legend only where a panel has more than one series, at the right of its title.
    if (own.length > 1)
      own.forEach((name, index) => {
        const x = WIDTH - 16 - (own.length - index) * 90
        parts.push(`<rect x="${x}" y="${y + 9}" width="12" height="12" fill="${colour(name)}"/>`)
        parts.push(text(x + 16, y + 19, name))
      })
    y += TITLE_HEIGHT
    const max = Math.max(...panel.groups.flatMap((group) => group.bars.map((bar) => bar.value)), 1)
    const scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH - 32) / max
    for (const group of panel.groups) {
      const height = group.bars.length * (BAR_HEIGHT + BAR_GAP)
      parts.push(text(16, y + height / 2 + 4, group.label))
      for (const bar of group.bars) {
        const width = Math.max(1, bar.value * scale)
        parts.push(
          `<rect x="${LABEL_WIDTH}" y="${y}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" fill="${colour(bar.series)}" rx="2"/>`,
          text(LABEL_WIDTH + width + 6, y + BAR_HEIGHT - 4, bar.text),
        )
        y += BAR_HEIGHT + BAR_GAP
      }
      y += GROUP_GAP
    }
    y += 10
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${y}" viewBox="0 0 ${WIDTH} ${y}" font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${y}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n')
}

function text(x: number, y: number, content: string, attributes = 'fill="#111827"'): string {
  const escaped = content.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
  return `<text x="${x}" y="${y}" ${attributes}>${escaped}</text>`
}
