import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { MIGRATIONS } from './migrations'

export type Db = Database.Database

/** Opens (creating if needed) the SQLite file, in WAL mode with foreign keys, and migrates it. */
export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  db.pragma('synchronous = NORMAL')
  migrate(db)
  return db
}

export function migrate(db: Db): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)')
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version))
  const ran: number[] = []
  for (const m of MIGRATIONS) {
    if (applied.has(m.version)) continue
    db.transaction(() => {
      db.exec(m.sql)
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString())
    })()
    ran.push(m.version)
  }
  return ran
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>()

/**
 * The statement for this SQL, compiled once per database: better-sqlite3 compiles on every prepare(), and the
 * queries every request runs (viewer, device, holdings, progress, list) showed up as a tenth of a request's time.
 * For get/all/run only: a mode set on it (pluck, raw) would stick for every caller.
 */
export function statement(db: Db, sql: string): Database.Statement {
  let bySql = statements.get(db)
  if (!bySql) {
    bySql = new Map()
    statements.set(db, bySql)
  }
  let stmt = bySql.get(sql)
  if (!stmt) {
    stmt = db.prepare(sql)
    bySql.set(sql, stmt)
  }
  return stmt
}
