/** Numbered, append-only: never edit a migration that has shipped; add the next one. */
export interface Migration {
  version: number
  name: string
  sql: string
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'catalogue',
    sql: `
      CREATE TABLE genres (
        id TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        name_id TEXT NOT NULL
      );
      CREATE TABLE titles (
        id TEXT PRIMARY KEY,
        idx INTEGER NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('film', 'series')),
        title_zh TEXT NOT NULL,
        title_en TEXT NOT NULL,
        pinyin TEXT NOT NULL,
        initials TEXT NOT NULL,
        synopsis_zh TEXT NOT NULL,
        synopsis_en TEXT NOT NULL,
        year INTEGER NOT NULL,
        release_date TEXT NOT NULL,
        rating TEXT NOT NULL CHECK (rating IN ('all', '12+', '16+', '18+')),
        duration_seconds INTEGER NOT NULL,
        cast_json TEXT NOT NULL,
        has_poster INTEGER NOT NULL,
        original INTEGER NOT NULL DEFAULT 0,
        popularity INTEGER NOT NULL,
        free INTEGER NOT NULL,
        in_subscription INTEGER NOT NULL,
        rent_price_minor INTEGER,
        buy_price_minor INTEGER,
        CHECK (free = 1 OR in_subscription = 1 OR rent_price_minor IS NOT NULL OR buy_price_minor IS NOT NULL)
      );
      CREATE TABLE title_genres (
        title_id TEXT NOT NULL REFERENCES titles(id),
        genre_id TEXT NOT NULL REFERENCES genres(id),
        position INTEGER NOT NULL,
        PRIMARY KEY (title_id, genre_id)
      );
      CREATE INDEX title_genres_genre ON title_genres(genre_id);
      CREATE TABLE episodes (
        id TEXT PRIMARY KEY,
        title_id TEXT NOT NULL REFERENCES titles(id),
        season INTEGER NOT NULL,
        number INTEGER NOT NULL,
        title_zh TEXT NOT NULL,
        title_en TEXT NOT NULL,
        duration_seconds INTEGER NOT NULL,
        UNIQUE (title_id, season, number)
      );
      CREATE TABLE plans (
        id TEXT PRIMARY KEY,
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        name_id TEXT NOT NULL,
        price_minor INTEGER NOT NULL,
        period TEXT NOT NULL CHECK (period IN ('month'))
      );
    `,
  },
  {
    version: 2,
    name: 'viewers',
    sql: `
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        stored_payment TEXT,
        pin_hash TEXT,
        pin_salt TEXT,
        pin_failures INTEGER NOT NULL DEFAULT 0,
        pin_locked_until INTEGER,
        rating_limit TEXT,
        language TEXT
      );
      CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        platform TEXT NOT NULL,
        model TEXT,
        account_id TEXT REFERENCES accounts(id),
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        revoked_at INTEGER
      );
      CREATE INDEX devices_account ON devices(account_id);
      CREATE TABLE device_codes (
        device_code TEXT PRIMARY KEY,
        user_code TEXT NOT NULL UNIQUE,
        device_id TEXT NOT NULL REFERENCES devices(id),
        account_id TEXT REFERENCES accounts(id),
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'denied', 'consumed')),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        interval_seconds INTEGER NOT NULL,
        last_polled_at INTEGER
      );
      CREATE TABLE progress (
        viewer_id TEXT NOT NULL,
        title_id TEXT NOT NULL REFERENCES titles(id),
        episode_id TEXT REFERENCES episodes(id),
        position_seconds REAL NOT NULL,
        duration_seconds REAL NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (viewer_id, title_id)
      );
      CREATE INDEX progress_recent ON progress(viewer_id, updated_at DESC);
      CREATE TABLE watchlist (
        viewer_id TEXT NOT NULL,
        title_id TEXT NOT NULL REFERENCES titles(id),
        added_at INTEGER NOT NULL,
        PRIMARY KEY (viewer_id, title_id)
      );
      CREATE TABLE events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        viewer_id TEXT,
        type TEXT NOT NULL,
        title_id TEXT,
        at TEXT NOT NULL,
        data_json TEXT,
        received_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'commerce',
    sql: `
      CREATE TABLE purchases (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id),
        idempotency_key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('subscription', 'rent', 'buy')),
        title_id TEXT REFERENCES titles(id),
        plan_id TEXT REFERENCES plans(id),
        price_minor INTEGER NOT NULL,
        currency TEXT NOT NULL DEFAULT 'CNY',
        method TEXT NOT NULL CHECK (method IN ('stored', 'scan')),
        status TEXT NOT NULL CHECK (status IN ('processing', 'pending', 'completed', 'cancelled', 'expired')),
        created_at INTEGER NOT NULL,
        expires_at INTEGER,
        completed_at INTEGER,
        UNIQUE (account_id, idempotency_key)
      );
      CREATE TABLE charges (
        id TEXT PRIMARY KEY,
        purchase_id TEXT NOT NULL UNIQUE REFERENCES purchases(id),
        account_id TEXT NOT NULL REFERENCES accounts(id),
        amount_minor INTEGER NOT NULL,
        currency TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE entitlements (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id),
        kind TEXT NOT NULL CHECK (kind IN ('subscription', 'rental', 'ownership')),
        title_id TEXT REFERENCES titles(id),
        plan_id TEXT REFERENCES plans(id),
        purchase_id TEXT NOT NULL UNIQUE REFERENCES purchases(id),
        created_at INTEGER NOT NULL,
        valid_until INTEGER,
        start_by INTEGER,
        play_until INTEGER,
        active INTEGER NOT NULL DEFAULT 1,
        CHECK ((kind = 'subscription') = (plan_id IS NOT NULL)),
        CHECK ((kind = 'subscription') = (title_id IS NULL))
      );
      CREATE UNIQUE INDEX entitlements_one_active_rental ON entitlements(account_id, title_id) WHERE kind = 'rental' AND active = 1;
      CREATE UNIQUE INDEX entitlements_one_ownership ON entitlements(account_id, title_id) WHERE kind = 'ownership';
      CREATE UNIQUE INDEX entitlements_one_active_subscription ON entitlements(account_id) WHERE kind = 'subscription' AND active = 1;
      CREATE INDEX entitlements_account ON entitlements(account_id);
    `,
  },
  {
    // progress keeps where a viewer is in a title (a series: its latest episode); this keeps every episode started,
    // so Details can show how far each one was watched.
    version: 4,
    name: 'episode progress',
    sql: `
      CREATE TABLE episode_progress (
        viewer_id TEXT NOT NULL,
        title_id TEXT NOT NULL REFERENCES titles(id),
        episode_id TEXT NOT NULL REFERENCES episodes(id),
        position_seconds REAL NOT NULL,
        duration_seconds REAL NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (viewer_id, episode_id)
      );
      CREATE INDEX episode_progress_title ON episode_progress(viewer_id, title_id);
      INSERT INTO episode_progress (viewer_id, title_id, episode_id, position_seconds, duration_seconds, updated_at)
        SELECT viewer_id, title_id, episode_id, position_seconds, duration_seconds, updated_at FROM progress WHERE episode_id IS NOT NULL;
    `,
  },
  {
    // A viewer may take a title out of Continue watching; its position stays (Details still resumes it), and the
    // next save of a position brings it back.
    version: 5,
    name: 'continue watching removal',
    sql: `ALTER TABLE progress ADD COLUMN removed INTEGER NOT NULL DEFAULT 0;`,
  },
  {
    // A stored payment method was kept as English display text ("Alipay ••8888"); it is kept as its brand and last
    // four digits ("alipay:8888") and named in the viewer's language when presented (server/lib/payment.ts).
    version: 6,
    name: 'stored payment brand',
    sql: `
      UPDATE accounts SET stored_payment = CASE
          WHEN stored_payment LIKE 'Alipay%' THEN 'alipay:'
          WHEN stored_payment LIKE 'WeChat%' THEN 'wechat:'
          ELSE 'card:'
        END || substr(stored_payment, -4)
      WHERE stored_payment GLOB '* ••[0-9][0-9][0-9][0-9]';
    `,
  },
]
