import type { Config } from '../config.ts'
import type { Logger } from '../log.ts'
import type { Storage } from './storage.ts'

/**
 * PostgreSQL when DATABASE_URL is set (several instances share it), else SQLite in DATA_DIR. Each
 * backend is imported only when chosen: `pg` costs a SQLite server ~40 ms of start-up and ~15 MiB.
 */
export async function openStorage(config: Config, log: Logger): Promise<Storage> {
  if (config.databaseUrl) {
    const { openPostgresStorage } = await import('./postgres.ts')
    return openPostgresStorage(config.databaseUrl, log)
  }
  const { openSqliteStorage } = await import('./sqlite.ts')
  return openSqliteStorage(config.dataDir, { commitSpacingMs: config.commitSpacingMs, log })
}
