import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { parseSseBlock } from './sse-block'

const INSTANCE = fileURLToPath(new URL('./fleet-instance.ts', import.meta.url))

/** One relay instance running in a child process. */
export interface FleetInstance {
  /** `http://127.0.0.1:<port>/api/videos/v1`. */
  readonly base: string
  /** The name its leases are held under. */
  readonly owner: string
  readonly alive: boolean
  /** SIGKILL: the process dies at once, releasing nothing. */
  kill(): void
  /** SIGTERM: a clean shutdown; resolves once it exited. */
  stop(): Promise<void>
}

/** Starts a relay instance (test/fleet-instance.ts) and resolves once it listens. */
export function startInstance(env: Record<string, string>): Promise<FleetInstance> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', INSTANCE], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`A fleet instance did not start within 20 s:\n${output}`))
    }, 20_000)
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`A fleet instance exited (${code}):\n${output}`)))
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const ready = /READY (\d+) (\S+)/.exec(output)
      if (!ready) return
      clearTimeout(timer)
      resolve({
        base: `http://127.0.0.1:${ready[1]}/api/videos/v1`,
        owner: ready[2] as string,
        get alive() {
          return child.exitCode === null && child.signalCode === null
        },
        kill: () => child.kill('SIGKILL'),
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done()
            child.once('exit', () => done())
            child.kill('SIGTERM')
          }),
      })
    })
  })
}

/**
 * A browser's event stream through a load balancer: it reads `GET /videos/events` from one instance and,
 * when that stream ends or fails, reconnects to the next live instance with `Last-Event-ID`, as an
 * `EventSource` does. It records which jobs it saw end.
 */
export class FleetViewer {
  readonly ended = new Set<string>()
  resets = 0
  reconnects = 0
  opened = false
  #lastId: string | undefined
  #stopped = false
  readonly #controller = new AbortController()

  constructor(
    private readonly user: string,
    private readonly instances: () => readonly FleetInstance[],
    private next: number,
  ) {}

  start(): void {
    void this.#run()
  }

  stop(): void {
    this.#stopped = true
    this.#controller.abort()
  }

  async #run(): Promise<void> {
    while (!this.#stopped) {
      const alive = this.instances().filter((instance) => instance.alive)
      const instance = alive[this.next++ % Math.max(1, alive.length)]
      try {
        if (instance) await this.#read(instance)
      } catch {
        // A dead instance, a 503 while Redis is down: try again, elsewhere.
      }
      if (this.#stopped) return
      this.reconnects++
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }

  async #read(instance: FleetInstance): Promise<void> {
    const headers: Record<string, string> = { 'x-user': this.user }
    if (this.#lastId) headers['last-event-id'] = this.#lastId
    const response = await fetch(`${instance.base}/videos/events`, {
      headers,
      signal: this.#controller.signal,
    })
    if (!response.ok || !response.body) throw new Error(`events answered ${response.status}`)
    const decoder = new TextDecoder()
    let text = ''
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      text += decoder.decode(chunk, { stream: true })
      let end: number
      while ((end = text.indexOf('\n\n')) !== -1) {
        this.#take(text.slice(0, end))
        text = text.slice(end + 2)
      }
    }
  }

  #take(block: string): void {
    const parsed = parseSseBlock(block)
    if (parsed?.id) this.#lastId = parsed.id
    if (parsed?.event === 'ready') this.opened = true
    if (parsed?.event === 'reset') this.resets++
    if (parsed?.event !== 'video') return
    const video = JSON.parse(parsed.data) as { id: string; status: string }
    if (video.status === 'completed' || video.status === 'failed') this.ended.add(video.id)
  }
}
