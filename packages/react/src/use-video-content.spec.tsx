import { render, screen } from '@testing-library/react'
import type { VideoContentVariant } from '@vidjob/core'
import { StrictMode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { recorder, setup } from '../test/test-support'
import { useVideoContent, type UseVideoContentResult } from './use-video-content'

function Content(props: {
  id: string | null | undefined
  variant?: VideoContentVariant
  onRender?: (s: UseVideoContentResult) => void
}) {
  const content = useVideoContent(props.id, { variant: props.variant })
  props.onRender?.(content)
  if (content.error) return <p role="alert">{content.error.message}</p>
  return <output>{content.isLoading ? 'loading' : (content.url ?? 'none')}</output>
}

// jsdom has no object URLs; these stand in for the browser's and record what happens to each URL.
let created: { url: string; blob: Blob }[]
let revoked: string[]
const originals = { create: URL.createObjectURL, revoke: URL.revokeObjectURL }

beforeEach(() => {
  created = []
  revoked = []
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${created.length + 1}`
    created.push({ url, blob })
    return url
  }
  URL.revokeObjectURL = (url: string) => void revoked.push(url)
})

afterEach(() => {
  URL.createObjectURL = originals.create
  URL.revokeObjectURL = originals.revoke
})

describe('useVideoContent', () => {
  it('waits for the job to complete, then downloads once and shows an object URL', async () => {
    const h = setup({ mock: { queueMs: 1_000, renderMs: 5_000 } })
    const job = h.api.jobs.create({ prompt: 'content' })
    const rendered = recorder<UseVideoContentResult>()
    render(<Content id={job.id} onRender={rendered.record} />, { wrapper: h.wrapper })
    await h.advance(3_000)
    expect(screen.getByRole('status').textContent).toBe('none')
    expect(h.requests('content')).toBe(0)
    h.api.faults.add({ fault: { type: 'latency', ms: 20_000 }, endpoint: 'content' })

    await h.advance(10_000)
    expect(screen.getByRole('status').textContent).toBe('loading')
    await h.advance(20_000)

    expect(screen.getByRole('status').textContent).toBe('blob:test/1')
    expect(rendered.values.some((state) => state.isLoading)).toBe(true)
    expect(created).toHaveLength(1)
    expect(created[0]?.blob.type).toBe('video/mp4')
    expect(h.requests('content', job.id)).toBe(1)
    expect(revoked).toEqual([])
  })

  it('revokes the URL when the variant changes and on unmount', async () => {
    const h = setup()
    const job = h.api.jobs.complete(h.api.jobs.create({ prompt: 'done' }).id)
    const { rerender, unmount } = render(<Content id={job.id} />, { wrapper: h.wrapper })
    await h.advance(0)
    expect(screen.getByRole('status').textContent).toBe('blob:test/1')

    rerender(<Content id={job.id} variant="thumbnail" />)
    expect(revoked).toEqual(['blob:test/1'])
    expect(screen.getByRole('status').textContent).toBe('loading')
    await h.advance(0)
    expect(screen.getByRole('status').textContent).toBe('blob:test/2')
    expect(created[1]?.blob.type).toBe('image/webp')

    unmount()
    expect(revoked).toEqual(['blob:test/1', 'blob:test/2'])
  })

  it('follows the id, and never renders a URL of another id or an already revoked one (id → null → same id)', async () => {
    const h = setup()
    const [a, b] = ['a', 'b'].map((prompt) => h.api.jobs.complete(h.api.jobs.create({ prompt }).id).id) as [
      string,
      string,
    ]
    // Each distinct render as "<which id> <url>", flagged when the URL was already revoked at render time.
    const shown: string[] = []
    const Shown = ({ id }: { id: string | null }) => (
      <Content
        id={id}
        onRender={({ url }) => {
          const entry = `${id === a ? 'a' : id === b ? 'b' : 'none'} ${url ?? '-'}`
          if (url !== undefined && revoked.includes(url)) shown.push(`${entry} (revoked)`)
          else if (shown.at(-1) !== entry) shown.push(entry)
        }}
      />
    )
    const { rerender } = render(<Shown id={a} />, { wrapper: h.wrapper })
    await h.advance(0)
    rerender(<Shown id={b} />)
    await h.advance(0)
    rerender(<Shown id={null} />)
    await h.advance(0)
    rerender(<Shown id={b} />)
    await h.advance(0)

    expect(shown).toEqual(['a -', 'a blob:test/1', 'b -', 'b blob:test/2', 'none -', 'b -', 'b blob:test/3'])
    expect(revoked).toEqual(['blob:test/1', 'blob:test/2'])
  })

  it('creates one URL under StrictMode and leaves none unrevoked', async () => {
    const h = setup()
    const job = h.api.jobs.complete(h.api.jobs.create({ prompt: 'strict' }).id)
    const { unmount } = render(
      <StrictMode>
        <Content id={job.id} />
      </StrictMode>,
      { wrapper: h.wrapper },
    )
    await h.advance(0)
    expect(created).toHaveLength(1)
    unmount()
    expect(revoked).toEqual(created.map(({ url }) => url))
  })

  it('shows the download failure', async () => {
    const h = setup()
    const job = h.api.jobs.complete(h.api.jobs.create({ prompt: 'broken' }).id)
    h.api.faults.next({ type: 'error', status: 500, message: 'asset store down' }, { endpoint: 'content' })
    render(<Content id={job.id} />, { wrapper: h.wrapper })
    await h.advance(0)
    expect(screen.getByRole('alert').textContent).toBe('asset store down')
    expect(created).toHaveLength(0)
  })

  it('does nothing for a null or undefined id', async () => {
    const h = setup()
    const observe = vi.spyOn(h.client, 'job$')
    const { rerender } = render(<Content id={null} />, { wrapper: h.wrapper })
    await h.advance(5_000)
    rerender(<Content id={undefined} />)
    await h.advance(5_000)
    expect(screen.getByRole('status').textContent).toBe('none')
    expect(h.api.log).toHaveLength(0)
    expect(observe).not.toHaveBeenCalled()
  })
})
