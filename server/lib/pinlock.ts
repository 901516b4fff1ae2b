// PIN checks with lockout (5 wrong tries → 15 minutes), state kept in the database.
import type { Ctx } from './context'
import { ApiError } from './errors'
import { PIN_LOCK_MS, PIN_MAX_TRIES, pinMatches } from './pin'

interface PinRow {
  pin_hash: string | null
  pin_salt: string | null
  pin_failures: number
  pin_locked_until: number | null
}

function pinRow(ctx: Ctx, accountId: string): PinRow {
  const row = ctx.db.prepare('SELECT pin_hash, pin_salt, pin_failures, pin_locked_until FROM accounts WHERE id = ?').get(accountId) as PinRow | undefined
  if (!row) throw new ApiError(404, 'not_found', 'No such account')
  return row
}

function lockedError(until: number): ApiError {
  return new ApiError(423, 'pin_locked', 'Too many wrong PINs; try again later', { unlocksAt: new Date(until).toISOString() })
}

/** Throws 423 while locked, 409 pin_not_set without a PIN. Cheap and synchronous: call before any work. */
export function assertPinUsable(ctx: Ctx, accountId: string): void {
  const row = pinRow(ctx, accountId)
  if (!row.pin_hash || !row.pin_salt) throw new ApiError(409, 'pin_not_set', 'Set a PIN first (PUT /v1/me/pin)')
  if (row.pin_locked_until !== null && row.pin_locked_until > ctx.now()) throw lockedError(row.pin_locked_until)
}

/** Verifies the PIN or throws 403 pin_incorrect (with triesLeft) / 423 pin_locked (with unlocksAt). */
export async function verifyPin(ctx: Ctx, accountId: string, pin: string): Promise<void> {
  assertPinUsable(ctx, accountId)
  const row = pinRow(ctx, accountId)
  const ok = await pinMatches(pin, row.pin_hash as string, row.pin_salt as string)
  const now = ctx.now()
  // Re-check after the async hash: a concurrent attempt may have locked it meanwhile.
  const fresh = pinRow(ctx, accountId)
  if (fresh.pin_locked_until !== null && fresh.pin_locked_until > now) throw lockedError(fresh.pin_locked_until)
  if (ok) {
    ctx.db.prepare('UPDATE accounts SET pin_failures = 0, pin_locked_until = NULL WHERE id = ?').run(accountId)
    return
  }
  const failures = (
    ctx.db.prepare('UPDATE accounts SET pin_failures = pin_failures + 1 WHERE id = ? RETURNING pin_failures').get(accountId) as { pin_failures: number }
  ).pin_failures
  if (failures >= PIN_MAX_TRIES) {
    const until = now + PIN_LOCK_MS
    ctx.db.prepare('UPDATE accounts SET pin_failures = 0, pin_locked_until = ? WHERE id = ?').run(until, accountId)
    throw lockedError(until)
  }
  throw new ApiError(403, 'pin_incorrect', 'The PIN is not correct', { triesLeft: PIN_MAX_TRIES - failures })
}
