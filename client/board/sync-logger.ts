/**
 * Where the board's sync modules report records and presence they had to skip. Injectable so that
 * tests can assert on what was skipped and the app can route it to its own reporting; the default
 * is the browser console, because a skipped record is something a developer must be able to see.
 */
export interface SyncLogger {
  warn(message: string, context?: Record<string, unknown>): void
  error(message: string, context?: Record<string, unknown>): void
}

export const consoleSyncLogger: SyncLogger = {
  warn: (message, context) => console.warn(`[regiebord] ${message}`, context ?? {}),
  error: (message, context) => console.error(`[regiebord] ${message}`, context ?? {}),
}
