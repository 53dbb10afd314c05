import { relayRoute } from '../../../../../src/relay'

// better-sqlite3 and node:http streaming need Node, not the Edge runtime; answers are per user, never cached.
export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

export const { GET, POST, DELETE, OPTIONS } = relayRoute()
