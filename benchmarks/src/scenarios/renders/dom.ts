import globalJsdom from 'global-jsdom'

/**
 * Gives Node a jsdom `window` and `document` (a visible page), before React DOM and TanStack Query are
 * loaded: both decide at import time whether they run in a browser.
 *
 * @example installDom(); const { createRoot } = await import('react-dom/client')
 */
export function installDom(): void {
  globalJsdom('<!doctype html><html><body></body></html>', {
    pretendToBeVisual: true,
    url: 'http://localhost/',
  })
}
