import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { describeOwnershipStore } from '../../test/store-contract'
import { video } from '../../test/videos'
import { createSqliteStore } from './sqlite-store'

const dir = mkdtempSync(join(tmpdir(), 'vidjob-sqlite-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0

describeOwnershipStore('sqlite', () => createSqliteStore({ path: join(dir, `store-${++n}.db`) }))

describe('createSqliteStore', () => {
  it('creates its folder on first run and keeps everything across a restart', async () => {
    const path = join(dir, 'nested', 'folder', 'relay.db')
    const first = createSqliteStore({ path })
    await first.claim('ann', video('a', { status: 'in_progress', progress: 30 }))
    await first.markWebhook('msg_1', Date.now() + 60_000)
    await first.close()
    const again = createSqliteStore({ path })
    expect(await again.ownerOf('a')).toBe('ann')
    expect((await again.live()).map((row) => row.video.progress)).toEqual([30])
    expect(await again.markWebhook('msg_1', Date.now() + 60_000)).toBe(false)
    await again.close()
  })
})
