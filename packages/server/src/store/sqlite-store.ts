import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Video } from '@vidjob/core'
import Database from 'better-sqlite3'
import {
  isLiveVideo,
  OwnershipConflictError,
  type OwnedPageQuery,
  type OwnedVideo,
  type OwnershipStore,
} from './ownership-store'
import { UnknownCursorError } from './page'

/** Options of {@link createSqliteStore}. */
export interface SqliteStoreOptions {
  /** The database file, created (with its folder) on first run. `':memory:'` keeps nothing. */
  readonly path: string
}

interface VideoRow {
  owner: string
  video: string
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS videos (
  id TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  seq INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  live INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  video TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS videos_by_owner ON videos (owner, created_at, seq);
CREATE INDEX IF NOT EXISTS videos_live ON videos (live) WHERE live = 1;
CREATE TABLE IF NOT EXISTS webhooks (id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
`

/**
 * The relay's default {@link OwnershipStore}: one SQLite file (through `better-sqlite3`), durable across
 * restarts, for a relay of one instance. Writes are synchronous and small (one row per video change);
 * WAL mode keeps readers off the writer's way.
 *
 * @example
 * const relay = createVideoRelay({ upstream, authenticate, store: createSqliteStore({ path: '.vidjob/relay.db' }) })
 */
export function createSqliteStore(options: SqliteStoreOptions): OwnershipStore {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true })
  const db = new Database(options.path)
  db.pragma('journal_mode = WAL')
  db.exec(SCHEMA)
  const q = statements(db)
  const read = (row: VideoRow | undefined): OwnedVideo | undefined =>
    row && { ownerId: row.owner, video: JSON.parse(row.video) as Video }
  return {
    async claim(ownerId, video) {
      const owner = (q.owner.get(video.id) as { owner: string } | undefined)?.owner
      if (owner !== undefined && owner !== ownerId)
        throw new OwnershipConflictError(`Video ${video.id} has an owner.`)
      q.claim.run({ id: video.id, owner: ownerId, ...columns(video) })
    },
    async ownerOf(id) {
      return (q.owned.get(id) as VideoRow | undefined)?.owner
    },
    async get(id) {
      return read(q.owned.get(id) as VideoRow | undefined)
    },
    async update(video) {
      q.update.run({ id: video.id, ...columns(video) })
    },
    async remove(id) {
      q.remove.run(id)
    },
    async list(ownerId: string, query: OwnedPageQuery) {
      let rows: VideoRow[]
      if (query.after === undefined) {
        rows = (query.order === 'asc' ? q.firstAsc : q.firstDesc).all(ownerId, query.limit + 1) as VideoRow[]
      } else {
        const cursor = q.cursor.get(ownerId, query.after) as { created_at: number; seq: number } | undefined
        if (!cursor) throw new UnknownCursorError(query.after)
        const page = query.order === 'asc' ? q.afterAsc : q.afterDesc
        const { created_at: at, seq } = cursor
        rows = page.all(ownerId, at, at, seq, query.limit + 1) as VideoRow[]
      }
      const videos = rows.slice(0, query.limit).map((row) => JSON.parse(row.video) as Video)
      return { videos, hasMore: rows.length > query.limit }
    },
    async live(ownerId?: string) {
      const rows = (ownerId === undefined ? q.live.all() : q.liveOf.all(ownerId)) as VideoRow[]
      return rows.map((row) => read(row) as OwnedVideo)
    },
    async markWebhook(id, expiresAt) {
      q.expireWebhooks.run(Date.now())
      return q.markWebhook.run(id, expiresAt).changes === 1
    },
    async close() {
      if (db.open) db.close()
    },
  }
}

function columns(video: Video): { created_at: number; live: number; video: string } {
  return { created_at: video.created_at, live: isLiveVideo(video) ? 1 : 0, video: JSON.stringify(video) }
}

function statements(db: Database.Database) {
  const row = 'SELECT owner, video FROM videos'
  const mine = 'WHERE owner = ? AND deleted = 0'
  return {
    owner: db.prepare('SELECT owner FROM videos WHERE id = ?'),
    owned: db.prepare(`${row} WHERE id = ? AND deleted = 0`),
    claim: db.prepare(
      `INSERT INTO videos (id, owner, seq, created_at, live, video)
       VALUES (@id, @owner, (SELECT COALESCE(MAX(seq), 0) + 1 FROM videos), @created_at, @live, @video)
       ON CONFLICT (id) DO UPDATE SET created_at = @created_at, live = @live, video = @video`,
    ),
    update: db.prepare(
      'UPDATE videos SET created_at = @created_at, live = @live, video = @video WHERE id = @id AND deleted = 0 AND (live = 1 OR @live = 0)',
    ),
    remove: db.prepare('UPDATE videos SET deleted = 1, live = 0 WHERE id = ?'),
    cursor: db.prepare('SELECT created_at, seq FROM videos WHERE owner = ? AND id = ?'),
    firstAsc: db.prepare(`${row} ${mine} ORDER BY created_at ASC, seq ASC LIMIT ?`),
    firstDesc: db.prepare(`${row} ${mine} ORDER BY created_at DESC, seq DESC LIMIT ?`),
    afterAsc: db.prepare(
      `${row} ${mine} AND (created_at > ? OR (created_at = ? AND seq > ?)) ORDER BY created_at ASC, seq ASC LIMIT ?`,
    ),
    afterDesc: db.prepare(
      `${row} ${mine} AND (created_at < ? OR (created_at = ? AND seq < ?)) ORDER BY created_at DESC, seq DESC LIMIT ?`,
    ),
    live: db.prepare(`${row} WHERE live = 1 AND deleted = 0`),
    liveOf: db.prepare(`${row} WHERE live = 1 AND deleted = 0 AND owner = ?`),
    markWebhook: db.prepare('INSERT OR IGNORE INTO webhooks (id, expires_at) VALUES (?, ?)'),
    expireWebhooks: db.prepare('DELETE FROM webhooks WHERE expires_at <= ?'),
  }
}
