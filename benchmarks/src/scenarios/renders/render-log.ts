import type { VideoStatus } from '@vidjob/core'

/**
 * Counts what React did: each row render (by job id, with the status it showed) and each commit of the
 * dashboard (React Profiler `onRender`).
 *
 * @example const log = new RenderLog(); <Profiler id="dashboard" onRender={log.commit}>…</Profiler>
 */
export class RenderLog {
  private readonly renders = new Map<string, number>()
  private readonly statuses = new Map<string, VideoStatus | undefined>()
  private commitCount = 0

  /** Called from a row's body on every render. */
  row(id: string, status: VideoStatus | undefined): void {
    this.renders.set(id, (this.renders.get(id) ?? 0) + 1)
    this.statuses.set(id, status)
  }

  /** A Profiler `onRender` callback: one call per commit that rendered inside the dashboard. */
  readonly commit = (): void => {
    this.commitCount++
  }

  get commits(): number {
    return this.commitCount
  }

  /** Renders of `id` so far. */
  rendersOf(id: string): number {
    return this.renders.get(id) ?? 0
  }

  /** The status the row of `id` showed in its last render. */
  shown(id: string): VideoStatus | undefined {
    return this.statuses.get(id)
  }
}
