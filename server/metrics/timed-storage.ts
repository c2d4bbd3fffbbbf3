import type { Storage } from '../storage/storage.ts'
import type { Metrics } from './metrics.ts'

/** Wraps a Storage so every call is timed into the storage latency histogram. */
export function timedStorage(storage: Storage, metrics: Metrics): Storage {
  return {
    createBoard: (board) => metrics.timeStorage('create', () => storage.createBoard(board)),
    getBoard: (id) => metrics.timeStorage('board', () => storage.getBoard(id)),
    findRole: (boardId, hash) => metrics.timeStorage('role', () => storage.findRole(boardId, hash)),
    touchBoard: (id, at) => metrics.timeStorage('touch', () => storage.touchBoard(id, at)),
    deleteBoard: (id) => metrics.timeStorage('delete', () => storage.deleteBoard(id)),
    boardsOpenedBefore: (openedBefore, limit) => metrics.timeStorage('retention', () => storage.boardsOpenedBefore(openedBefore, limit)),
    appendUpdate: (boardId, update) => metrics.timeStorage('append', () => storage.appendUpdate(boardId, update)),
    loadUpdates: (boardId) => metrics.timeStorage('load', () => storage.loadUpdates(boardId)),
    replaceUpdates: (boardId, upToSeq, merged) =>
      metrics.timeStorage('replace', () => storage.replaceUpdates(boardId, upToSeq, merged)),
    summarizeUpdates: (boardId) => metrics.timeStorage('count', () => storage.summarizeUpdates(boardId)),
    replaceToken: (boardId, role, hash) => metrics.timeStorage('token', () => storage.replaceToken(boardId, role, hash)),
    listDocs: (boardId, prefix) => metrics.timeStorage('docs', () => storage.listDocs(boardId, prefix)),
    deleteDoc: (doc) => metrics.timeStorage('docs', () => storage.deleteDoc(doc)),
    addVote: (vote, limits) => metrics.timeStorage('vote', () => storage.addVote(vote, limits)),
    removeVote: (vote) => metrics.timeStorage('vote', () => storage.removeVote(vote)),
    ballot: (boardId, roundId, voter) => metrics.timeStorage('vote', () => storage.ballot(boardId, roundId, voter)),
    voteTotals: (boardId, roundId) => metrics.timeStorage('vote', () => storage.voteTotals(boardId, roundId)),
    addSnapshot: (snapshot) => metrics.timeStorage('snapshot', () => storage.addSnapshot(snapshot)),
    listSnapshots: (boardId) => metrics.timeStorage('snapshot', () => storage.listSnapshots(boardId)),
    getSnapshot: (boardId, id) => metrics.timeStorage('snapshot', () => storage.getSnapshot(boardId, id)),
    deleteSnapshot: (boardId, id) => metrics.timeStorage('snapshot', () => storage.deleteSnapshot(boardId, id)),
    roundVoters: (boardId, roundId) => metrics.timeStorage('vote', () => storage.roundVoters(boardId, roundId)),
    addAsset: (asset) => metrics.timeStorage('asset', () => storage.addAsset(asset)),
    getAsset: (boardId, id) => metrics.timeStorage('asset', () => storage.getAsset(boardId, id)),
    addOwnTemplate: (template) => metrics.timeStorage('template', () => storage.addOwnTemplate(template)),
    listOwnTemplates: (options) => metrics.timeStorage('template', () => storage.listOwnTemplates(options)),
    getOwnTemplate: (id) => metrics.timeStorage('template', () => storage.getOwnTemplate(id)),
    setOwnTemplateHidden: (id, hidden) => metrics.timeStorage('template', () => storage.setOwnTemplateHidden(id, hidden)),
    deleteOwnTemplate: (id) => metrics.timeStorage('template', () => storage.deleteOwnTemplate(id)),
    assetUsage: (boardId) => metrics.timeStorage('asset', () => storage.assetUsage(boardId)),
    ping: () => metrics.timeStorage('ping', () => storage.ping()),
    close: () => storage.close(),
  }
}
