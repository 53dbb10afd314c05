import { render, renderHook, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { setup } from '../test/test-support'
import { useVideoClient } from './video-client-provider'

describe('VideoClientProvider / useVideoClient', () => {
  it('gives every component below it the same client', () => {
    const { client, wrapper } = setup()
    const { result } = renderHook(() => useVideoClient(), { wrapper })
    expect(result.current).toBe(client)
  })

  it('throws an error that says how to fix a missing provider', () => {
    setup()
    // React logs the error it rethrows; keep the test output readable.
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => renderHook(() => useVideoClient())).toThrow(
      /wrap your app in <VideoClientProvider client=\{client\}>/,
    )
  })

  it('renders its children', () => {
    const { wrapper } = setup()
    render(<p>inside</p>, { wrapper })
    expect(screen.getByText('inside')).toBeTruthy()
  })
})
