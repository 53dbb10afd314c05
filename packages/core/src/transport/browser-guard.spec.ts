import { describe, expect, it, vi } from 'vitest'
import { VideoClientError } from '../errors'
import { assertApiKeyAllowed, isBrowser } from './browser-guard'

describe('isBrowser', () => {
  it('is false in Node', () => {
    expect(isBrowser()).toBe(false)
  })

  it('is true when window and window.document exist', () => {
    vi.stubGlobal('window', { document: {} })
    expect(isBrowser()).toBe(true)
  })

  it('is false for a window without a document (Deno 1, some workers)', () => {
    vi.stubGlobal('window', {})
    expect(isBrowser()).toBe(false)
  })

  it('ignores navigator, which Node 21+ and Deno define', () => {
    vi.stubGlobal('navigator', { userAgent: 'Node.js/22' })
    expect(isBrowser()).toBe(false)
  })
})

describe('assertApiKeyAllowed', () => {
  it('allows a key outside a browser and no key inside one', () => {
    expect(() => assertApiKeyAllowed({ apiKey: 'sk-live' })).not.toThrow()
    vi.stubGlobal('window', { document: {} })
    expect(() => assertApiKeyAllowed({})).not.toThrow()
  })

  it('refuses a key in a browser, saying why and how to fix it, without the key', () => {
    vi.stubGlobal('window', { document: {} })
    const run = (): void => assertApiKeyAllowed({ apiKey: 'sk-live-123' })
    expect(run).toThrow(VideoClientError)
    expect(run).toThrow(/exposed to every visitor/)
    expect(run).toThrow(/own server or proxy/)
    expect(run).toThrow(/dangerouslyAllowBrowser: true/)
    expect(run).not.toThrow(/sk-live-123/)
  })

  it('allows a key in a browser with dangerouslyAllowBrowser', () => {
    vi.stubGlobal('window', { document: {} })
    expect(() => assertApiKeyAllowed({ apiKey: 'sk-live', dangerouslyAllowBrowser: true })).not.toThrow()
  })
})
