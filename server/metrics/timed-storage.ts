import type { Storage } from '../storage/storage.ts'
import type { Metrics } from './metrics.ts'

/** Wraps a Storage so every call is timed into the storage latency histogram. */
export function timedStorage(storage: Storage, metrics: Metrics): Storage {
  return {
    createBoard: (board) => metrics.timeStorage('create', () => storage.createBoard(board)),
    getBoard: (id) => metrics.timeStorage('board', () => storage.getBoard(id)),
    findRole: (boardId, hash) => metrics.timeStorage('role', () => storage.findRole(boardId, hash)),
    touchBoard: (id, at) => metrics.timeStorage('touch', () => storage.touchBoard(id, at)),
    appendUpdate: (boardId, update) => metrics.timeStorage('append', () => storage.appendUpdate(boardId, update)),
    loadUpdates: (boardId) => metrics.timeStorage('load', () => storage.loadUpdates(boardId)),
    replaceUpdates: (boardId, upToSeq, merged) =>
      metrics.timeStorage('replace', () => storage.replaceUpdates(boardId, upToSeq, merged)),
    countUpdates: (boardId) => metrics.timeStorage('count', () => storage.countUpdates(boardId)),
    addAsset: (asset) => metrics.timeStorage('asset', () => storage.addAsset(asset)),
    getAsset: (boardId, id) => metrics.timeStorage('asset', () => storage.getAsset(boardId, id)),
    ping: () => metrics.timeStorage('ping', () => storage.ping()),
    close: () => storage.close(),
  }
}
