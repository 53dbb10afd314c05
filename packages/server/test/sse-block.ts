/** One Server-Sent Events block (`event:`, `data:`, `id:` lines), or undefined for a comment or `retry:`. */
export function parseSseBlock(
  block: string,
): { event: string; data: string; id: string | undefined } | undefined {
  const field = (name: string) =>
    block
      .split('\n')
      .find((line) => line.startsWith(`${name}: `))
      ?.slice(name.length + 2)
  const event = field('event')
  return event === undefined ? undefined : { event, data: field('data') ?? '', id: field('id') }
}
