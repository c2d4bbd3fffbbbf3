import { pino } from 'pino'
import type { Config } from './config.ts'

export type Logger = pino.Logger

/**
 * JSON lines on stdout. Callers log board ids and roles, never tokens; the redaction list is a
 * second line of defence should a token-bearing field ever be logged by mistake.
 */
export function createLogger(level: Config['logLevel'], destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'regiebord', pid: process.pid },
    redact: {
      paths: ['token', 'tokens', '*.token', '*.tokens', 'authorization', '*.authorization', 'headers.authorization'],
      censor: '[redacted]',
    },
  }
  return destination ? pino(options, destination) : pino(options)
}
