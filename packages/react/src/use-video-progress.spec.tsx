import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { recorder, setup } from '../test/test-support'
import { useVideoProgress } from './use-video-progress'

function Bar({ id, onRender }: { id: string | null; onRender: (progress: number) => void }) {
  const progress = useVideoProgress(id)
  onRender(progress)
  return <progress data-testid="bar" max={100} value={progress} />
}

describe('useVideoProgress', () => {
  it('re-renders only when the progress number moves', async () => {
    const h = setup({ mock: { queueMs: 1_000, renderMs: 10_000 }, client: { polling: { interval: 250 } } })
    const job = h.api.jobs.create({ prompt: 'bar' })
    const rendered = recorder<number>()
    render(<Bar id={job.id} onRender={rendered.record} />, { wrapper: h.wrapper })

    await h.advance(15_000)

    // The job state changed on many more polls (loading, polling, ETA), but each render shows a new number.
    expect(rendered.values[0]).toBe(0)
    expect(rendered.values.slice(1).every((value, index) => value > (rendered.values[index] ?? 0))).toBe(true)
    expect(rendered.last()).toBe(100)
    expect(screen.getByTestId('bar').getAttribute('value')).toBe('100')
  })

  it('is 0 for a null id and sends nothing', async () => {
    const h = setup()
    const rendered = recorder<number>()
    render(<Bar id={null} onRender={rendered.record} />, { wrapper: h.wrapper })
    await h.advance(5_000)
    expect(rendered.values).toEqual([0])
    expect(h.api.log).toHaveLength(0)
  })
})
