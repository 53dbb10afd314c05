/**
 * Child entry (through runChild): `viewers.ts <out> <relay url[,url…]> <users> <viewers per user> <end at>`
 * opens that many Server-Sent Events streams on the relay (spread over the urls of a fleet in turn), each as its user, and records when each viewer sees
 * each job completed, until the relay ends the streams (or `end at` passes). Out of the relay's process, so
 * its memory is the relay's alone.
 */
import { request, type ClientRequest } from 'node:http'
import { childArgs } from '../../child-process'

/** What the viewers saw. */
export interface ViewersResult {
  /** Streams opened (200 and `text/event-stream`). */
  readonly opened: number
  /** When the last stream opened (ms epoch). */
  readonly allOpenAt: number
  /** `event: video` messages received, all viewers together. */
  readonly events: number
  /** For each job, when each viewer of it saw it completed (ms epoch). */
  readonly completedSeen: Record<string, number[]>
}

const { args, write } = childArgs()
const [urlsArg = '', usersArg = '0', perUserArg = '0', endArg = '0'] = args
const users = Number(usersArg)
const perUser = Number(perUserArg)
const endAt = Number(endArg)
const completedSeen: Record<string, number[]> = {}
const requests: ClientRequest[] = []
let opened = 0
let allOpenAt = 0
let events = 0
let ended = 0
let finished: () => void = () => undefined

const urls = urlsArg.split(',')

function open(user: string, url: string): void {
  const req = request(`${url}/api/videos/v1/videos/events`, { headers: { 'x-user': user }, agent: false })
  requests.push(req)
  req.on('response', (res) => {
    if (res.statusCode === 200) opened++
    if (opened === users * perUser) allOpenAt = Date.now()
    const seen = new Set<string>()
    let text = ''
    res.setEncoding('utf8')
    res.on('data', (chunk: string) => {
      text += chunk
      let end: number
      while ((end = text.indexOf('\n\n')) !== -1) {
        const block = text.slice(0, end)
        text = text.slice(end + 2)
        if (!block.includes('event: video')) continue
        events++
        if (!block.includes('"status":"completed"')) continue
        const id = /"id":"([^"]+)"/.exec(block)?.[1]
        if (id === undefined || seen.has(id)) continue
        seen.add(id)
        ;(completedSeen[id] ??= []).push(Date.now())
      }
    })
    res.on('error', () => undefined)
    res.on('close', () => {
      if (++ended === users * perUser) finished()
    })
  })
  req.on('error', () => undefined)
  req.end()
}

for (let user = 0; user < users; user++)
  for (let k = 0; k < perUser; k++) open(`user-${user}`, urls[(user * perUser + k) % urls.length] as string)
await new Promise<void>((resolve) => {
  finished = resolve
  setTimeout(resolve, Math.max(0, endAt - Date.now()))
})
requests.forEach((req) => req.destroy())
const result: ViewersResult = { opened, allOpenAt, events, completedSeen }
await write(result)
process.exit(0)
