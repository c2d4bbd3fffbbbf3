/**
 * A tiny TCP load balancer for multi-instance tests: each incoming connection goes to the next
 * backend in turn; a backend that refuses the connection (killed) is skipped. This is what a real
 * load balancer does for WebSocket clients, so a killed instance's clients reconnect elsewhere.
 */
import net from 'node:net'

export interface Balancer {
  url: string
  wsUrl: string
  close(): Promise<void>
}

export async function startBalancer(backendPorts: readonly number[]): Promise<Balancer> {
  let next = 0
  const sockets = new Set<net.Socket>()
  const track = (socket: net.Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  }

  function forward(client: net.Socket, attempt: number): void {
    if (attempt >= backendPorts.length) {
      client.destroy()
      return
    }
    const port = backendPorts[next++ % backendPorts.length]!
    const upstream = net.connect(port, '127.0.0.1')
    track(upstream)
    let connected = false
    upstream.once('error', () => {
      if (connected) client.destroy()
      else forward(client, attempt + 1)
    })
    upstream.once('connect', () => {
      connected = true
      client.pipe(upstream)
      upstream.pipe(client)
      client.once('close', () => upstream.destroy())
      upstream.once('close', () => client.destroy())
    })
  }

  const server = net.createServer((client) => {
    track(client)
    client.on('error', () => client.destroy())
    // Hold what the client sends until an upstream is chosen (pipe starts on connect).
    client.pause()
    forward(client, 0)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
