import type { Config } from '../config.ts'
import type { Logger } from '../log.ts'
import { openPostgresStorage } from './postgres.ts'
import { openSqliteStorage } from './sqlite.ts'
import type { Storage } from './storage.ts'

/** PostgreSQL when DATABASE_URL is set (several instances share it), else SQLite in DATA_DIR. */
export function openStorage(config: Config, log: Logger): Promise<Storage> {
  if (config.databaseUrl) return openPostgresStorage(config.databaseUrl, log)
  return Promise.resolve(openSqliteStorage(config.dataDir, config.commitSpacingMs))
}
