import { act, cleanup } from '@testing-library/react'
import type { MockEndpoint } from '@vidjob/mock-api'
import { Component, type ReactNode } from 'react'
import { onTestFinished, vi } from 'vitest'
import { setup as setupCore } from '../../core/test/harness'
import { VideoClientProvider } from '../src/video-client-provider'

type CoreHarness = ReturnType<typeof setupCore>

/** What {@link setup} gives a test. */
export interface Harness extends Pick<CoreHarness, 'api' | 'client'> {
  /** Wraps a tree in the provider of this client (for `render(ui, { wrapper })`). */
  wrapper: (props: { children?: ReactNode }) => ReactNode
  /** Moves the clocks of the client and the mock forward inside `act`, letting every request settle. */
  advance(ms: number): Promise<void>
  /** How many requests the mock received for an endpoint (and id). */
  requests(endpoint: MockEndpoint, id?: string): number
}

/**
 * Core's harness (a client on the in-process mock API, fake timers driving both; jobs queue for 2 s and
 * render for 20 s unless told otherwise) with a provider wrapper and `act` around time. Everything is
 * unmounted and disposed when the test ends.
 */
export function setup(options: Parameters<typeof setupCore>[0] = {}): Harness {
  const { api, client, advance } = setupCore(options)
  onTestFinished(() => {
    cleanup()
    client.dispose()
    vi.useRealTimers()
  })
  return {
    api,
    client,
    wrapper: ({ children }) => <VideoClientProvider client={client}>{children}</VideoClientProvider>,
    advance: (ms) => act(() => advance(ms).then(() => undefined)),
    requests: (endpoint, id) => api.count({ endpoint, ...(id === undefined ? {} : { id }) }),
  }
}

/** Collects every value a component rendered, in order. */
export function recorder<T>(): { values: T[]; record: (value: T) => void; last: () => T | undefined } {
  const values: T[] = []
  return { values, record: (value) => void values.push(value), last: () => values.at(-1) }
}

/** An error boundary that shows the caught error's name and message and hands the error to `onError`. */
export class Boundary extends Component<
  { children?: ReactNode; onError: (error: unknown) => void },
  { error: Error | undefined }
> {
  override state: { error: Error | undefined } = { error: undefined }

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error }
  }

  override componentDidCatch(error: unknown): void {
    this.props.onError(error)
  }

  override render(): ReactNode {
    const { error } = this.state
    return error ? <p role="alert">{`${error.name}: ${error.message}`}</p> : this.props.children
  }
}
