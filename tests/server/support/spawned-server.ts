// The reference server as a child process (so a test can SIGKILL it), and the ledger checks a restart must pass.
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import Database from 'better-sqlite3'

const root = path.resolve(__dirname, '../../..')
const entry = path.join(__dirname, 'server-process.ts')

export interface SpawnedServer {
  base: string
  child: ChildProcess
  /** Resolves with the exit signal (or code) once the process is gone. */
  exited: Promise<NodeJS.Signals | number | null>
  kill(signal: NodeJS.Signals): Promise<NodeJS.Signals | number | null>
}

export function spawnServer(dataDir: string, secret: string): Promise<SpawnedServer> {
  return spawnListening(entry, [dataDir, secret])
}

/** Runs a TypeScript entry that prints "LISTENING <url>" once it listens (the API server, a benchmark baseline). */
export function spawnListening(entryFile: string, args: string[]): Promise<SpawnedServer> {
  // Node itself with tsx's loader (not the tsx CLI, which would run the server in a grandchild a kill misses).
  const child = spawn(process.execPath, ['--import', 'tsx', entryFile, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)))
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8')
  })
  return new Promise((resolve, reject) => {
    let stdout = ''
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s: ${stderr}`)), 30_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8')
      const m = /LISTENING (\S+)/.exec(stdout)
      if (!m) return
      clearTimeout(timer)
      resolve({
        base: m[1],
        child,
        exited,
        kill: (signal) => {
          child.kill(signal)
          return exited
        },
      })
    })
    void exited.then((how) => {
      clearTimeout(timer)
      reject(new Error(`server exited (${String(how)}) before listening: ${stderr}`))
    })
  })
}

export interface LedgerCounts {
  purchases: number
  completed: number
  charges: number
  entitlements: number
  processing: number
}

/**
 * Everything that would make the money and the rights disagree: a completed purchase without exactly one charge
 * of its price and one entitlement; a charge or an entitlement whose purchase is not completed; two active
 * rentals, ownerships or subscriptions of the same thing.
 */
export function ledgerProblems(dbFile: string): { problems: string[]; counts: LedgerCounts } {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true })
  try {
    const rows = (sql: string): Array<Record<string, unknown>> => db.prepare(sql).all() as Array<Record<string, unknown>>
    const problems = [
      ...rows(`SELECT p.id FROM purchases p WHERE p.status = 'completed' AND (SELECT count(*) FROM charges c WHERE c.purchase_id = p.id AND c.amount_minor = p.price_minor) != 1`).map(
        (r) => `completed purchase ${String(r.id)} without exactly one charge of its price`,
      ),
      ...rows(`SELECT p.id FROM purchases p WHERE p.status = 'completed' AND (SELECT count(*) FROM entitlements e WHERE e.purchase_id = p.id) != 1`).map(
        (r) => `completed purchase ${String(r.id)} without exactly one entitlement`,
      ),
      ...rows(`SELECT c.id FROM charges c JOIN purchases p ON p.id = c.purchase_id WHERE p.status != 'completed'`).map((r) => `charge ${String(r.id)} for a purchase that is not completed`),
      ...rows(`SELECT e.id FROM entitlements e JOIN purchases p ON p.id = e.purchase_id WHERE p.status != 'completed'`).map(
        (r) => `entitlement ${String(r.id)} for a purchase that is not completed`,
      ),
      ...rows(`SELECT account_id, title_id, kind FROM entitlements WHERE active = 1 GROUP BY account_id, title_id, kind HAVING count(*) > 1`).map(
        (r) => `${String(r.account_id)} holds ${String(r.kind)} of ${String(r.title_id)} twice`,
      ),
    ]
    const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n
    return {
      problems,
      counts: {
        purchases: count('SELECT count(*) AS n FROM purchases'),
        completed: count("SELECT count(*) AS n FROM purchases WHERE status = 'completed'"),
        charges: count('SELECT count(*) AS n FROM charges'),
        entitlements: count('SELECT count(*) AS n FROM entitlements'),
        processing: count("SELECT count(*) AS n FROM purchases WHERE status = 'processing'"),
      },
    }
  } finally {
    db.close()
  }
}

/** Gives an account a stored payment method and a PIN directly in the database, as an operator back office would. */
export async function giveStoredPaymentIn(dbFile: string, accountName: string, pin = '1234'): Promise<string> {
  const { hashPinSync } = await import('../../../server/lib/pin')
  const db = new Database(dbFile)
  try {
    db.pragma('busy_timeout = 5000')
    const { hash, salt } = hashPinSync(pin)
    db.prepare("UPDATE accounts SET stored_payment = 'card:4242', pin_hash = ?, pin_salt = ? WHERE name = ?").run(hash, salt, accountName)
    return (db.prepare('SELECT id FROM accounts WHERE name = ?').get(accountName) as { id: string }).id
  } finally {
    db.close()
  }
}
