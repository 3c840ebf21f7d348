import { type Kysely, sql } from 'kysely';

/**
 * The points ledger (DESIGN rule 11): append-only entries in two buckets, `pending` and `available`.
 * An award lands in `pending`; its release moves it (−N pending, +N available, two rows keyed to the
 * award by `parent_id`), its denial takes it out of `pending`; a redemption spends `available` and a
 * refund gives it back. No row is ever updated or deleted: an award's state is derived from the rows
 * that settle it. `points_balances` caches the sums per member, written in the same transaction as each
 * entry; its CHECKs make a negative balance impossible even under concurrent requests, and a test
 * proves it equals the ledger. Every entry has an idempotency key, unique per community.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE points_ledger (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      member_id uuid NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN
        ('award', 'release', 'denial', 'reversal', 'adjustment', 'redemption', 'refund')),
      bucket text NOT NULL CHECK (bucket IN ('pending', 'available')),
      points integer NOT NULL CHECK (points <> 0 AND abs(points) <= 10000000),
      parent_id uuid REFERENCES points_ledger (id),
      action text CHECK (action IS NULL OR length(action) BETWEEN 1 AND 60),
      reason text CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 500),
      source_event_id uuid,
      source_type text CHECK (source_type IS NULL OR length(source_type) BETWEEN 1 AND 40),
      source_id uuid,
      counterpart_id uuid REFERENCES memberships (id) ON DELETE SET NULL,
      actor_user_id uuid REFERENCES auth_user (id) ON DELETE SET NULL,
      redemption_id uuid,
      release_at timestamptz,
      idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 300),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (community_id, idempotency_key),
      CHECK (kind <> 'award' OR (bucket = 'pending' AND points > 0)),
      CHECK (kind NOT IN ('release', 'denial') OR parent_id IS NOT NULL),
      CHECK (kind <> 'redemption' OR (bucket = 'available' AND points < 0)),
      CHECK (kind <> 'refund' OR (bucket = 'available' AND points > 0)),
      CHECK (kind <> 'adjustment' OR (bucket = 'available' AND reason IS NOT NULL))
    );
    CREATE INDEX points_ledger_member_idx ON points_ledger (member_id, created_at DESC, id DESC);
    CREATE INDEX points_ledger_community_idx ON points_ledger (community_id, created_at DESC, id DESC);
    CREATE INDEX points_ledger_parent_idx ON points_ledger (parent_id) WHERE parent_id IS NOT NULL;
    CREATE INDEX points_ledger_source_idx ON points_ledger (community_id, source_type, source_id)
      WHERE source_id IS NOT NULL;
    CREATE INDEX points_ledger_due_idx ON points_ledger (release_at) WHERE kind = 'award';

    CREATE TABLE points_balances (
      member_id uuid PRIMARY KEY REFERENCES memberships (id) ON DELETE CASCADE,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      pending integer NOT NULL DEFAULT 0 CHECK (pending >= 0),
      available integer NOT NULL DEFAULT 0 CHECK (available >= 0),
      lifetime integer NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX points_balances_community_idx ON points_balances (community_id, lifetime DESC);
  `.execute(db);
}

/** Drops the ledger and its balances. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE IF EXISTS points_balances;
    DROP TABLE IF EXISTS points_ledger;
  `.execute(db);
}
