/**
 * Follows one job id from `useVideoJob(id)` to `fetch` at run time and reports the path through vidjob's
 * sources: the frames on the stack when the request leaves, joined with the stacks that scheduled each
 * promise, microtask or timer on the way (a "long stack trace" built with async_hooks).
 * Run from the repository root: `node --import tsx scripts/architecture/call-path.ts` (prints JSON).
 */
import { createHook, executionAsyncId } from 'node:async_hooks'
import { createRequire } from 'node:module'
import { relative } from 'node:path'
import { JSDOM } from 'jsdom'

Error.stackTraceLimit = 200
const ROOT = process.cwd()
const SOURCE = /packages\/(core|react|vue)\/src\/[^:)]+/

function stackHere(): string {
  return new Error('trace').stack ?? ''
}

/**
 * Where each async resource (promise, microtask, timer, immediate) was created, and by which: walking the
 * trigger ids from the code that calls `fetch` leads back through every await and timer to the render.
 */
const created = new Map<number, { readonly stack: string; readonly trigger: number }>()
let recording = false
createHook({
  init(asyncId, _type, trigger) {
    if (recording) created.set(asyncId, { stack: stackHere(), trigger })
  },
}).enable()

/** The stacks that led to the code running now, innermost first. */
function causalChain(): string[] {
  const chain = [stackHere()]
  for (let id = executionAsyncId(), seen = 0; created.has(id) && seen < 10_000; seen++) {
    const origin = created.get(id) as { stack: string; trigger: number }
    chain.push(origin.stack)
    id = origin.trigger
  }
  return chain
}

/** One frame of vidjob's sources: `file:function`. */
interface Frame {
  readonly file: string
  readonly fn: string
}

function vidjobFrames(stack: string): Frame[] {
  const frames: Frame[] = []
  for (const line of stack.split('\n').slice(1)) {
    const file = SOURCE.exec(line)?.[0]
    if (file === undefined) continue
    const fn = /at (?:async )?([^\s(]+) \(/.exec(line)?.[1] ?? '<anonymous>'
    frames.push({ file: relative(ROOT, file.startsWith('/') ? file : `${ROOT}/${file}`), fn })
  }
  return frames
}

/**
 * Every vidjob function on the chain, outermost first and each once: the order in which control reached
 * them on its way from the render to `fetch`.
 */
function longPath(chain: readonly string[]): Frame[] {
  const path = new Map<string, Frame>()
  for (const stack of [...chain].reverse())
    for (const frame of vidjobFrames(stack).reverse()) path.set(`${frame.file}:${frame.fn}`, frame)
  return [...path.values()]
}

/** How many separate times the path enters `file` (a run of consecutive frames counts once). */
function entries(path: readonly Frame[], file: string): number {
  let count = 0
  path.forEach((frame, index) => {
    if (frame.file === file && path[index - 1]?.file !== file) count++
  })
  return count
}

async function traceUseVideoJob(): Promise<{ path: Frame[]; clientCalls: string[] }> {
  const dom = new JSDOM('<!doctype html><div id="root"></div>', { url: 'http://localhost/' })
  Object.assign(globalThis, {
    window: dom.window,
    document: dom.window.document,
    navigator: dom.window.navigator,
  })
  const requireReact = createRequire(`${ROOT}/packages/react/package.json`)
  const React = requireReact('react') as { createElement(type: unknown, props?: object): unknown }
  const { createRoot } = requireReact('react-dom/client') as {
    createRoot(container: Element): { render(node: unknown): void; unmount(): void }
  }
  const { createMockVideoApi } = await import('../../packages/mock-api/src/index')
  const core = await import('../../packages/core/src/index')
  const { VideoClientProvider, useVideoJob } = await import('../../packages/react/src/index')

  const api = createMockVideoApi()
  const { id } = api.jobs.create({ prompt: 'trace me' })
  let traced: Frame[] | undefined
  const fetch: typeof globalThis.fetch = (input, init) => {
    traced ??= longPath(causalChain())
    return api.fetch(input, init)
  }
  const client = countingCalls(
    core.createVideoClient({
      transport: core.createFetchTransport({ baseURL: 'http://mock.local/v1', fetch }),
    }),
  )
  function Job(): null {
    useVideoJob(id)
    return null
  }
  recording = true
  const root = createRoot(dom.window.document.getElementById('root') as Element)
  root.render(
    React.createElement(VideoClientProvider, { client: client.proxy, children: React.createElement(Job) }),
  )
  for (let tick = 0; tick < 50 && traced === undefined; tick++)
    await new Promise((resolve) => setTimeout(resolve, 10))
  recording = false
  root.unmount()
  client.proxy.dispose()
  if (traced === undefined) throw new Error('useVideoJob(id) sent no request within 500 ms')
  return { path: traced, clientCalls: client.calls }
}

/** The client's side-effect-free reads: a render calls them, but they lead to no request. */
const READS = new Set(['getJob', 'getObservedJob', 'Symbol(vidjob.observedJobState)'])

/**
 * The client behind a proxy that records which of its methods were called (up to the first request), but
 * for its reads: entering `client.ts` through its public face, which no stack shows once a call returned.
 */
function countingCalls<T extends object>(target: T): { proxy: T; calls: string[] } {
  const calls: string[] = []
  const proxy = new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        if (recording && !READS.has(String(property))) calls.push(String(property))
        return (value as (...a: unknown[]) => unknown).apply(object, args)
      }
    },
  })
  return { proxy, calls }
}

const { path, clientCalls } = await traceUseVideoJob()
const files = [...new Set(path.map((frame) => frame.file))]
console.log(
  JSON.stringify({
    hops: path.length,
    files: files.length,
    // Calls into the client's public methods, plus separate runs of client.ts frames on the way (a
    // callback of the facade that a lower module calls back).
    clientEntries: clientCalls.length + entries(path, 'packages/core/src/client.ts'),
    clientCalls,
    path: path.map((frame) => `${frame.file}:${frame.fn}`),
  }),
)
