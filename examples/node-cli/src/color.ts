/** The few styles the CLI uses; {@link PLAIN} leaves text as it is. */
export interface Palette {
  readonly green: (text: string) => string
  readonly red: (text: string) => string
  readonly yellow: (text: string) => string
  readonly cyan: (text: string) => string
  readonly dim: (text: string) => string
  readonly bold: (text: string) => string
}

const sgr =
  (open: number, close: number) =>
  (text: string): string =>
    text && `\x1b[${open}m${text}\x1b[${close}m`

/** ANSI SGR colours; the closing codes reset only what was opened, so styles nest. */
export const ANSI: Palette = {
  green: sgr(32, 39),
  red: sgr(31, 39),
  yellow: sgr(33, 39),
  cyan: sgr(36, 39),
  dim: sgr(2, 22),
  bold: sgr(1, 22),
}

const same = (text: string): string => text

/** No colour at all. */
export const PLAIN: Palette = { green: same, red: same, yellow: same, cyan: same, dim: same, bold: same }

/**
 * Whether to colour the output: `--color`/`--no-color` first, then `FORCE_COLOR` (`0`/`false` = off),
 * then `NO_COLOR` (any non-empty value = off, https://no-color.org), then only on a terminal that is
 * not `TERM=dumb`.
 *
 * @example shouldColor({ flag: undefined, env: process.env, isTTY: process.stdout.isTTY === true })
 */
export function shouldColor(options: {
  flag: boolean | undefined
  env: Readonly<Record<string, string | undefined>>
  isTTY: boolean
}): boolean {
  const { flag, env, isTTY } = options
  if (flag !== undefined) return flag
  const force = env.FORCE_COLOR
  if (force !== undefined) return force !== '0' && force !== 'false'
  if (env.NO_COLOR) return false
  return isTTY && env.TERM !== 'dumb'
}
