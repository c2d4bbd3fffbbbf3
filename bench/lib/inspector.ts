/**
 * Reaches into a server process started with `--inspect=127.0.0.1:0` over the DevTools
 * protocol, for the memory part: a full garbage collection on demand, so that RSS and heap
 * readings show what is live rather than when V8 last collected, and `process.memoryUsage()`.
 */
import { WebSocket } from 'ws'

export const INSPECT_ARGS = ['--inspect=127.0.0.1:0']

export class Inspector {
  private nextId = 1
  private readonly waiting = new Map<number, (result: unknown) => void>()

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { id?: number; result?: unknown }
      if (message.id !== undefined) this.waiting.get(message.id)?.(message.result)
    })
  }

  /** Attaches to the process whose output (stdout and stderr) is `output()`. */
  static async attach(output: () => string): Promise<Inspector> {
    const deadline = Date.now() + 10_000
    let url: string | undefined
    while (!(url = /Debugger listening on (ws:\/\/\S+)/.exec(output())?.[1])) {
      if (Date.now() > deadline) throw new Error('no inspector URL in the server output')
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const socket = new WebSocket(url)
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
    return new Inspector(socket)
  }

  call(method: string, params: object = {}): Promise<unknown> {
    const id = this.nextId++
    return new Promise((resolve) => {
      this.waiting.set(id, resolve)
      this.socket.send(JSON.stringify({ id, method, params }))
    })
  }

  async fullGc(): Promise<void> {
    // Twice: objects freed by the first collection's finalizers go in the second.
    await this.call('HeapProfiler.collectGarbage')
    await this.call('HeapProfiler.collectGarbage')
  }

  async memoryUsage(): Promise<NodeJS.MemoryUsage> {
    const result = (await this.call('Runtime.evaluate', { expression: 'process.memoryUsage()', returnByValue: true })) as {
      result: { value: NodeJS.MemoryUsage }
    }
    return result.result.value
  }

  close(): void {
    this.socket.close()
  }
}
