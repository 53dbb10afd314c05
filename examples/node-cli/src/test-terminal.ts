import xterm from '@xterm/headless'
import type { TerminalOutput } from './views'

/**
 * A real terminal emulator (xterm.js, headless) behind a `TerminalOutput`: what the CLI writes is parsed
 * as a terminal would (wrapping, cursor moves, erase, reflow on resize), and `lines()` reads the screen.
 * xterm.js parses on its own timers, so writes and resizes are queued and replayed in order by `lines()`,
 * which a test calls on real timers.
 *
 * @example
 * const screen = createScreen(80, 24)
 * const view = createLiveView(screen.output)
 * view.draw(states)
 * expect(await screen.lines()).toEqual([...])
 */
export function createScreen(columns: number, rows: number) {
  // A TTY's line discipline turns `\n` into CR LF (onlcr); xterm.js needs to be told.
  const terminal = new xterm.Terminal({ cols: columns, rows, convertEol: true, allowProposedApi: true })
  const size = { columns, rows }
  const pending: (() => Promise<void> | void)[] = []
  const written: string[] = []
  const output: TerminalOutput = {
    write(text: string) {
      written.push(text)
      pending.push(() => new Promise<void>((resolve) => terminal.write(text, resolve)))
    },
    get columns() {
      return size.columns
    },
    get rows() {
      return size.rows
    },
  }
  return {
    output,
    /** Every write, as the CLI made it. */
    written,
    resize(newColumns: number, newRows = size.rows) {
      Object.assign(size, { columns: newColumns, rows: newRows })
      pending.push(() => terminal.resize(newColumns, newRows))
    },
    /** The buffer's lines (scrollback included), right-trimmed, without the empty ones at the end. */
    async lines(): Promise<string[]> {
      for (const operation of pending.splice(0)) await operation()
      const buffer = terminal.buffer.active
      const lines: string[] = []
      for (let y = 0; y < buffer.length; y++) lines.push(buffer.getLine(y)?.translateToString(true) ?? '')
      while (lines.at(-1) === '') lines.pop()
      return lines
    },
    dispose: () => terminal.dispose(),
  }
}
