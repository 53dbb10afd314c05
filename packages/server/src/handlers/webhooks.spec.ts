import { Webhook } from 'standardwebhooks'
import { afterEach, describe, expect, it } from 'vitest'
import { downableStore } from '../../test/downable-store'
import { BASE, readEvents, relaySetup } from '../../test/relay-harness'

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
let h: ReturnType<typeof relaySetup>
afterEach(() => h.close())

function delivery(type: string, id: string, options: { msgId?: string; at?: Date; secret?: string } = {}) {
  const body = JSON.stringify({ id: 'evt_1', object: 'event', created_at: 0, type, data: { id } })
  const msgId = options.msgId ?? `msg_${type}_${id}`
  const at = options.at ?? new Date()
  const signature = new Webhook(options.secret ?? SECRET).sign(msgId, at, body)
  return new Request(`${BASE}/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': msgId,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': signature,
    },
    body,
  })
}

describe('POST /webhooks (Standard Webhooks)', () => {
  const setup = () => relaySetup({ relay: { webhook: { secret: SECRET }, polling: { interval: 120_000 } } })

  it('refetches a completed job at once and pushes it to its owner', async () => {
    h = setup()
    const { id } = await h.as('ann').create()
    const stream = readEvents(await h.as('ann').get('/videos/events'))
    await stream.until(2)
    await h.advance(25_000)
    const retrieves = h.upstreamCalls('retrieve')
    const response = await h.relay.handle(delivery('video.completed', id))
    expect(response.status).toBe(200)
    expect(h.upstreamCalls('retrieve')).toBe(retrieves + 1)
    const pushed = await stream.find((e) => e.event === 'video' && JSON.parse(e.data).status === 'completed')
    expect(JSON.parse(pushed!.data).id).toBe(id)
    expect((await (await h.as('ann').get(`/videos/${id}`)).json()).status).toBe('completed')
    await stream.cancel()
  })

  it('refuses a bad signature, a wrong secret and a stale timestamp with 400, changing nothing', async () => {
    h = setup()
    const { id } = await h.as('ann').create()
    await h.advance(25_000)
    const before = h.upstreamCalls()
    const tampered = delivery('video.completed', id)
    const forged = new Request(tampered, { body: (await tampered.text()).replace(id, 'video_other') })
    const attempts = [
      forged,
      delivery('video.completed', id, {
        secret: 'whsec_' + Buffer.from('another secret!!').toString('base64'),
      }),
      delivery('video.completed', id, { at: new Date(Date.now() - 6 * 60_000) }),
      new Request(`${BASE}/webhooks`, {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json' },
      }),
    ]
    for (const request of attempts) expect((await h.relay.handle(request)).status).toBe(400)
    expect(h.upstreamCalls()).toBe(before)
    expect((await (await h.as('ann').get(`/videos/${id}`)).json()).status).toBe('queued')
  })

  it('ignores a replayed webhook-id, and events of videos it does not know', async () => {
    h = setup()
    const { id } = await h.as('ann').create()
    await h.advance(25_000)
    expect((await h.relay.handle(delivery('video.completed', id, { msgId: 'msg_1' }))).status).toBe(200)
    const after = h.upstreamCalls()
    const replay = await h.relay.handle(delivery('video.completed', id, { msgId: 'msg_1' }))
    expect(await replay.json()).toEqual({ received: true, duplicate: true })
    expect((await h.relay.handle(delivery('video.failed', 'video_unknown'))).status).toBe(200)
    expect((await h.relay.handle(delivery('batch.completed', id))).status).toBe(200)
    expect(h.upstreamCalls()).toBe(after)
  })

  it('answers 503 while the store is down, so the sender delivers again, and takes the redelivery', async () => {
    const flaky = downableStore()
    h = relaySetup({ relay: { store: flaky.store, webhook: { secret: SECRET } } })
    const { id } = await h.as('ann').create()
    flaky.down = true
    expect((await h.relay.handle(delivery('video.completed', id))).status).toBe(503)
    flaky.down = false
    const again = await h.relay.handle(delivery('video.completed', id))
    expect(await again.json()).toEqual({ received: true })
  })
})
