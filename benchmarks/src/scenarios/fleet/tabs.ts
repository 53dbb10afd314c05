import { createEventSourceUpdates } from '@vidjob/core'
import { FakeEventSource } from '../../../../packages/core/test/fake-event-source'
import { fakeBrowser } from '../../../../packages/core/test/fake-tabs'

/**
 * Event streams one browser opens for `tabs` tabs of the same app, with and without `shareAcrossTabs`:
 * the Web Locks and BroadcastChannel of one browser are core's test doubles (test/fake-tabs.ts), the
 * `EventSource` a double that counts what is opened. Chromium's own count is the e2e test's.
 *
 * @example const { shared, unshared } = await streamsPerBrowser(8) // { shared: 1, unshared: 8 }
 */
export async function streamsPerBrowser(tabs: number): Promise<{ shared: number; unshared: number }> {
  const count = async (shareAcrossTabs: boolean) => {
    FakeEventSource.instances = []
    const subscriptions = fakeBrowser(tabs).map((tab) =>
      createEventSourceUpdates({
        url: '/api/videos/v1/videos/events',
        EventSource: FakeEventSource,
        tabs: tab,
        shareAcrossTabs,
      }).updates$.subscribe(),
    )
    // Long enough for the election and a few beats.
    await new Promise((resolve) => setTimeout(resolve, 300))
    const opened = FakeEventSource.instances.length
    subscriptions.forEach((subscription) => subscription.unsubscribe())
    return opened
  }
  return { shared: await count(true), unshared: await count(false) }
}
