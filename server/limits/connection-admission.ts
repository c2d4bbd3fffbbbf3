/**
 * Counts open sync connections per client address and per board, and decides at the upgrade
 * whether one more may open. A refusal is an HTTP status before any WebSocket traffic, so a
 * client learns why and nothing is allocated for it.
 */
import type { RejectionReason } from '../metrics/metrics.ts'

export interface AdmissionLimits {
  maxConnectionsPerIp: number
  maxConnectionsPerBoard: number
}

export type Admission =
  | { ok: true; /** Call once when the connection (or the failed upgrade) is over. */ release: () => void }
  | { ok: false; status: 429 | 503; code: string; message: string; reason: RejectionReason }

export class ConnectionAdmission {
  private readonly perAddress = new Map<string, number>()
  private readonly perBoard = new Map<string, number>()

  constructor(private readonly limits: AdmissionLimits) {}

  admit(address: string, boardId: string): Admission {
    if ((this.perAddress.get(address) ?? 0) >= this.limits.maxConnectionsPerIp) {
      return {
        ok: false,
        status: 429,
        code: 'too_many_connections',
        message: `At most ${this.limits.maxConnectionsPerIp} connections from one address`,
        reason: 'connections_per_ip',
      }
    }
    if ((this.perBoard.get(boardId) ?? 0) >= this.limits.maxConnectionsPerBoard) {
      return {
        ok: false,
        status: 503,
        code: 'board_full',
        message: `This board already has ${this.limits.maxConnectionsPerBoard} connections`,
        reason: 'connections_per_board',
      }
    }
    increment(this.perAddress, address, 1)
    increment(this.perBoard, boardId, 1)
    let released = false
    return {
      ok: true,
      release: () => {
        if (released) return
        released = true
        increment(this.perAddress, address, -1)
        increment(this.perBoard, boardId, -1)
      },
    }
  }
}

/** Adds to a count, dropping the key at zero so the maps do not grow with every address seen. */
function increment(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by
  if (next <= 0) counts.delete(key)
  else counts.set(key, next)
}
