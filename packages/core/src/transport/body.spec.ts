import { describe, expect, it } from 'vitest'
import { DEFAULT_MAX_BODY_BYTES, readBodyText } from './body'

/** A body served in `chunks`, recording how many were pulled and whether it was cancelled. */
function stream(chunks: Uint8Array[]): {
  body: ReadableStream<Uint8Array>
  pulled: () => number
  cancelled: () => boolean
} {
  let pulled = 0
  let cancelled = false
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const chunk = chunks[pulled++]
        if (chunk === undefined) controller.close()
        else controller.enqueue(chunk)
      },
      cancel: () => void (cancelled = true),
    },
    { highWaterMark: 0 },
  )
  return { body, pulled: () => pulled, cancelled: () => cancelled }
}

const bytes = (count: number): Uint8Array => new Uint8Array(count).fill(0x61)

describe('readBodyText', () => {
  it('defaults to 16 MiB', () => {
    expect(DEFAULT_MAX_BODY_BYTES).toBe(16 * 1024 * 1024)
  })

  it('reads a body within the limit as UTF-8, a character split across chunks included', async () => {
    const euro = new TextEncoder().encode('{"p":"€"}')
    const { body } = stream([euro.slice(0, 7), euro.slice(7)])
    expect(await readBodyText(new Response(body), 100)).toEqual({ ok: true, text: '{"p":"€"}' })
    expect(await readBodyText(new Response(null), 100)).toEqual({ ok: true, text: '' })
    expect(await readBodyText(new Response('abc'), 3)).toEqual({ ok: true, text: 'abc' })
  })

  it('refuses unread a body whose content-length is over the limit, cancelling it', async () => {
    const { body, pulled, cancelled } = stream([bytes(10)])
    const response = new Response(body, { headers: { 'content-length': '1000' } })
    expect(await readBodyText(response, 999)).toEqual({ ok: false, bytes: 1000, declared: true })
    expect(pulled()).toBe(0)
    expect(cancelled()).toBe(true)
  })

  it('stops reading as soon as a body without content-length passes the limit, and cancels it', async () => {
    const { body, pulled, cancelled } = stream([bytes(60), bytes(60), bytes(60), bytes(60)])
    expect(await readBodyText(new Response(body), 100)).toEqual({ ok: false, bytes: 120, declared: false })
    expect(pulled()).toBeLessThanOrEqual(3)
    expect(cancelled()).toBe(true)
  })

  it('still counts when content-length understates the body', async () => {
    const { body } = stream([bytes(60), bytes(60)])
    const response = new Response(body, { headers: { 'content-length': '10' } })
    expect(await readBodyText(response, 100)).toMatchObject({ ok: false, declared: false })
  })
})
