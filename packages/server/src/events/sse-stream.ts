const encoder = new TextEncoder()

/**
 * One Server-Sent Events connection with bounded memory: what the client has not read yet is queued up
 * to `maxQueuedBytes`; past that the client is too slow and is dropped (it reconnects and resumes with
 * `Last-Event-ID`), so a stalled reader never makes the relay buffer without bound.
 */
export class SseStream {
  readonly body: ReadableStream<Uint8Array>
  #controller: ReadableStreamDefaultController<Uint8Array> | undefined
  #closed = false
  readonly #onClose: (() => void)[] = []

  constructor(maxQueuedBytes: number) {
    this.body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.#controller = controller
        },
        cancel: () => this.#end(),
      },
      new ByteLengthQueuingStrategy({ highWaterMark: maxQueuedBytes }),
    )
  }

  get closed(): boolean {
    return this.#closed
  }

  /** Runs `listener` once the stream ends (the client left, was dropped, or the relay closed). */
  onClose(listener: () => void): void {
    if (this.#closed) listener()
    else this.#onClose.push(listener)
  }

  /** `event: <name>`, `data: <data>` and, when given, `id: <id>`. */
  event(name: string, data: string, id?: string): void {
    this.write(`${id === undefined ? '' : `id: ${id}\n`}event: ${name}\ndata: ${data}\n\n`)
  }

  /** Writes raw SSE text; drops the client when its unread bytes pass the bound. */
  write(text: string): void {
    const controller = this.#controller
    if (this.#closed || !controller) return
    controller.enqueue(encoder.encode(text))
    if ((controller.desiredSize ?? 0) < 0) {
      // Erroring discards the queue at once, where close() would keep it until read.
      controller.error(new Error('The client reads too slowly; dropped.'))
      this.#end()
    }
  }

  close(): void {
    if (this.#closed) return
    this.#controller?.close()
    this.#end()
  }

  #end(): void {
    if (this.#closed) return
    this.#closed = true
    this.#onClose.splice(0).forEach((listener) => listener())
  }
}
