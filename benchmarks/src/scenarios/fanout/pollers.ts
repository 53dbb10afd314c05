/**
 * Child entry (through runChild): `pollers.ts <out> <proxy url> <interval> <end at> <jobs json>` runs one
 * browser's `@vidjob/core` client per entry of the jobs list (the jobs of its user), each polling through a
 * plain forwarding proxy as every browser tab did before the relay, and records when each sees each job
 * completed.
 */
import {
  createFetchTransport,
  createManualEnvironment,
  createVideoClient,
  type VideoClient,
} from '@vidjob/core'
import { childArgs } from '../../child-process'

/** What the polling browsers saw. */
export interface PollersResult {
  /** For each job, when each browser watching it saw it completed (ms epoch). */
  readonly completedSeen: Record<string, number[]>
  /** When every client was watching its jobs (ms epoch). */
  readonly startedAt: number
}

const { args, write } = childArgs()
const [url = '', intervalArg = '1000', endArg = '0', jobsArg = '[]'] = args
const browsers = JSON.parse(jobsArg) as string[][]
const completedSeen: Record<string, number[]> = {}
const clients: VideoClient[] = browsers.map((ids) => {
  const client = createVideoClient({
    transport: createFetchTransport({ baseURL: url }),
    polling: { interval: Number(intervalArg) },
    environment: createManualEnvironment(),
  })
  for (const id of ids) {
    let seen = false
    client.job$(id).subscribe((state) => {
      if (seen || state.status !== 'completed') return
      seen = true
      ;(completedSeen[id] ??= []).push(Date.now())
    })
  }
  return client
})
const startedAt = Date.now()
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(endArg) - Date.now())))
clients.forEach((client) => client.dispose())
const result: PollersResult = { completedSeen, startedAt }
await write(result)
process.exit(0)
