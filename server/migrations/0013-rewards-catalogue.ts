import { type Kysely, sql } from 'kysely';

const OLD_KINDS = `'reply', 'topic', 'solution', 'mention', 'reminder'`;
const NEW_KINDS = `${OLD_KINDS}, 'reward'`;

/**
 * The rewards catalogue (DESIGN rule 11): rewards per community (gifts, vouchers, donations, cash-out)
 * with a cost in points, a stock that never goes below zero, a per-member limit, dates and a minimum of
 * lifetime points; voucher codes, each handed out to one redemption at most; redemptions, whose points
 * are reserved in the ledger (0011) when they are requested and refunded when they are rejected or
 * cancelled. Notifications learn a non-topic kind, `reward`, with a link path and message parameters.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE rewards (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('gift', 'voucher', 'donation', 'cashout')),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
      description text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
      cost integer NOT NULL CHECK (cost > 0 AND cost <= 10000000),
      stock integer CHECK (stock IS NULL OR stock >= 0),
      per_member_limit integer CHECK (per_member_limit IS NULL OR per_member_limit >= 1),
      available_from timestamptz,
      available_until timestamptz,
      min_lifetime_points integer NOT NULL DEFAULT 0 CHECK (min_lifetime_points >= 0),
      points_per_unit integer CHECK (points_per_unit IS NULL OR points_per_unit > 0),
      currency text CHECK (currency IS NULL OR currency ~ '^[A-Z]{3}$'),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (community_id, id),
      CHECK (available_from IS NULL OR available_until IS NULL OR available_until > available_from),
      CHECK ((kind = 'cashout') = (points_per_unit IS NOT NULL AND currency IS NOT NULL)),
      CHECK (kind <> 'voucher' OR stock IS NOT NULL)
    );
    CREATE INDEX rewards_catalogue_idx ON rewards (community_id, active, cost, id);

    CREATE TABLE redemptions (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL,
      reward_id uuid NOT NULL,
      member_id uuid NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
      cost integer NOT NULL CHECK (cost > 0),
      status text NOT NULL DEFAULT 'requested'
        CHECK (status IN ('requested', 'approved', 'fulfilled', 'rejected', 'cancelled')),
      shipping_address text CHECK (shipping_address IS NULL OR length(shipping_address) BETWEEN 1 AND 1000),
      reason text CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 1000),
      idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
      decided_by uuid REFERENCES auth_user (id) ON DELETE SET NULL,
      decided_at timestamptz,
      fulfilled_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (community_id, id),
      UNIQUE (member_id, idempotency_key),
      FOREIGN KEY (community_id, reward_id) REFERENCES rewards (community_id, id) ON DELETE CASCADE,
      CHECK (status <> 'rejected' OR reason IS NOT NULL),
      CHECK ((status = 'fulfilled') = (fulfilled_at IS NOT NULL)),
      CHECK (status = 'requested' OR decided_at IS NOT NULL)
    );
    -- Lists page by id: a time-ordered UUID v7, exact where a timestamp's microseconds are not.
    CREATE INDEX redemptions_queue_idx ON redemptions (community_id, status, id);
    CREATE INDEX redemptions_community_idx ON redemptions (community_id, id);
    CREATE INDEX redemptions_member_idx ON redemptions (member_id, id);
    CREATE INDEX redemptions_member_reward_idx ON redemptions (member_id, reward_id)
      WHERE status IN ('requested', 'approved', 'fulfilled');

    CREATE TABLE voucher_codes (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL,
      reward_id uuid NOT NULL,
      code text NOT NULL CHECK (length(code) BETWEEN 1 AND 200),
      redemption_id uuid UNIQUE REFERENCES redemptions (id) ON DELETE RESTRICT,
      assigned_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT voucher_codes_reward_code_key UNIQUE (reward_id, code),
      FOREIGN KEY (community_id, reward_id) REFERENCES rewards (community_id, id) ON DELETE CASCADE,
      CHECK ((redemption_id IS NULL) = (assigned_at IS NULL))
    );
    CREATE INDEX voucher_codes_free_idx ON voucher_codes (reward_id, id) WHERE redemption_id IS NULL;

    ALTER TABLE notifications ADD COLUMN link_path text
      CHECK (link_path IS NULL OR (length(link_path) BETWEEN 1 AND 300 AND left(link_path, 1) = '/'));
    ALTER TABLE notifications ADD COLUMN params jsonb;
    ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
    ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (${sql.raw(NEW_KINDS)}));
    ALTER TABLE notifications ADD CONSTRAINT notifications_link_check
      CHECK (topic_id IS NOT NULL OR link_path IS NOT NULL OR kind <> 'reward');
    ALTER TABLE email_preferences DROP CONSTRAINT email_preferences_kind_check;
    ALTER TABLE email_preferences ADD CONSTRAINT email_preferences_kind_check
      CHECK (kind IN (${sql.raw(NEW_KINDS)}));
  `.execute(db);
}

/** Drops the catalogue and gives notifications back their topic-only kinds. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DELETE FROM notifications WHERE kind = 'reward';
    DELETE FROM email_preferences WHERE kind = 'reward';
    ALTER TABLE email_preferences DROP CONSTRAINT email_preferences_kind_check;
    ALTER TABLE email_preferences ADD CONSTRAINT email_preferences_kind_check
      CHECK (kind IN (${sql.raw(OLD_KINDS)}));
    ALTER TABLE notifications DROP CONSTRAINT notifications_link_check;
    ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
    ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (${sql.raw(OLD_KINDS)}));
    ALTER TABLE notifications DROP COLUMN IF EXISTS params;
    ALTER TABLE notifications DROP COLUMN IF EXISTS link_path;
    DROP TABLE IF EXISTS voucher_codes;
    DROP TABLE IF EXISTS redemptions;
    DROP TABLE IF EXISTS rewards;
  `.execute(db);
}
