// What a viewer watched and listed (progress, each episode's position, My list) is kept per viewer key:
// "dev:<id>" for a device no one signed in on, "acc:<id>" for an account.
import { statement, type Db } from '../db'

/**
 * A TV signing in brings what was watched and listed on it before to the account: positions the account has
 * no newer one for, and the titles listed. The device keeps none of it, so after signing out it does not show
 * the account's viewing, nor its own from before. Runs inside the sign-in's transaction.
 */
export function moveViewerHistory(db: Db, fromKey: string, toKey: string): void {
  statement(
    db,
    `INSERT INTO progress (viewer_id, title_id, episode_id, position_seconds, duration_seconds, updated_at, removed)
     SELECT ?, title_id, episode_id, position_seconds, duration_seconds, updated_at, removed FROM progress WHERE viewer_id = ?
     ON CONFLICT (viewer_id, title_id) DO UPDATE SET episode_id = excluded.episode_id, position_seconds = excluded.position_seconds,
     duration_seconds = excluded.duration_seconds, updated_at = excluded.updated_at, removed = excluded.removed
     WHERE excluded.updated_at > progress.updated_at`,
  ).run(toKey, fromKey)
  statement(
    db,
    `INSERT INTO episode_progress (viewer_id, title_id, episode_id, position_seconds, duration_seconds, updated_at)
     SELECT ?, title_id, episode_id, position_seconds, duration_seconds, updated_at FROM episode_progress WHERE viewer_id = ?
     ON CONFLICT (viewer_id, episode_id) DO UPDATE SET position_seconds = excluded.position_seconds,
     duration_seconds = excluded.duration_seconds, updated_at = excluded.updated_at WHERE excluded.updated_at > episode_progress.updated_at`,
  ).run(toKey, fromKey)
  statement(db, 'INSERT OR IGNORE INTO watchlist (viewer_id, title_id, added_at) SELECT ?, title_id, added_at FROM watchlist WHERE viewer_id = ?').run(toKey, fromKey)
  for (const table of ['progress', 'episode_progress', 'watchlist'] as const) statement(db, `DELETE FROM ${table} WHERE viewer_id = ?`).run(fromKey)
}
