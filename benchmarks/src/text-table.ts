import type { BarResult, ReportTable } from './report'

/**
 * A table as aligned plain text for the terminal: the first column left-aligned, the others right.
 *
 * @example console.log(textTable({ title: 'x', columns: ['a', 'b'], rows: [['1', '2']] }))
 */
export function textTable(table: ReportTable): string {
  const all = [table.columns, ...table.rows]
  const widths = table.columns.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)))
  const line = (row: readonly string[]): string =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ')
  const rule = widths.map((width) => '─'.repeat(width)).join('  ')
  const notes = (table.notes ?? []).map((note) => `  · ${note}`)
  return [table.title, line(table.columns), rule, ...table.rows.map(line), ...notes].join('\n')
}

/**
 * The bars as a checklist.
 *
 * @example console.log(textBars(bars))
 */
export function textBars(bars: readonly BarResult[]): string {
  return bars
    .map(
      (bar) => `${bar.cleared ? '✔ cleared ' : '✘ MISSED  '} ${bar.scenario}: ${bar.bar} — ${bar.measured}`,
    )
    .join('\n')
}

/**
 * A table in GitHub markdown.
 *
 * @example markdownTable(table) // '| metric | vidjob | ... |'
 */
export function markdownTable(table: ReportTable): string {
  // Markdown drops leading spaces: sub-rows are marked with an arrow instead.
  const escape = (cell: string): string => cell.replaceAll('|', '\\|').replace(/^ {2}/, '↳ ')
  const line = (row: readonly string[]): string => `| ${row.map(escape).join(' | ')} |`
  const align = `| ${table.columns.map((_, column) => (column === 0 ? ':--' : '--:')).join(' | ')} |`
  const notes = (table.notes ?? []).map((note) => `- ${note}`)
  return [`#### ${table.title}`, '', line(table.columns), align, ...table.rows.map(line), '', ...notes].join(
    '\n',
  )
}
