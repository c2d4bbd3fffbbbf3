import { pino } from 'pino'
import type { Config } from './config.ts'

export type Logger = pino.Logger

/** JSON lines on stdout. Callers log board ids and roles, never tokens. */
export function createLogger(level: Config['logLevel']): Logger {
  return pino({ level, base: { service: 'regiebord' } })
}
