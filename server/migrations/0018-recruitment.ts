import { type Kysely, sql } from 'kysely';

/**
 * Recruitment for the insight panel (issue 5, points 3, 4, 5, 8, 9):
 * - `sms_messages`: every text message sent (the SMS outbox; `captured` without a provider).
 * - `recruitment_consent_texts`: a community's consent texts per purpose, versioned.
 * - `recruitment_campaigns`: a public application link (its token), a screener (a survey definition),
 *   qualify/disqualify rules, quotas, the mapping of screener questions to profile attributes.
 * - `recruitment_invitations`: single-use, expiring invitations imported from a CSV of customers.
 * - `recruitment_applications`: one per person and community: answers, consents, the lifecycle
 *   (qualified / disqualified / over quota, email confirmed, phone validated, waitlisted, offered,
 *   admitted) and the membership it became.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE sms_messages (
      id uuid PRIMARY KEY,
      to_number text NOT NULL CHECK (to_number ~ '^\\+[1-9][0-9]{6,14}$'),
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 600),
      kind text NOT NULL,
      locale text NOT NULL,
      status text NOT NULL CHECK (status IN ('captured', 'sent', 'failed')),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX sms_messages_created_idx ON sms_messages (created_at DESC, id DESC);

    CREATE TABLE recruitment_consent_texts (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      version integer NOT NULL CHECK (version >= 1),
      texts jsonb NOT NULL CHECK (jsonb_typeof(texts) = 'object'),
      created_by uuid REFERENCES auth_user (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (community_id, version)
    );

    CREATE TABLE recruitment_campaigns (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
      token text NOT NULL UNIQUE,
      screener jsonb NOT NULL CHECK (jsonb_typeof(screener) = 'object'),
      rules jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(rules) = 'array'),
      quotas jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(quotas) = 'array'),
      attribute_map jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(attribute_map) = 'array'),
      target integer NOT NULL CHECK (target BETWEEN 1 AND 100000),
      invitation_days integer NOT NULL DEFAULT 14 CHECK (invitation_days BETWEEN 1 AND 90),
      open boolean NOT NULL DEFAULT true,
      created_by uuid REFERENCES auth_user (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (community_id, id)
    );

    CREATE TABLE recruitment_invitations (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL,
      campaign_id uuid NOT NULL,
      email text NOT NULL,
      phone text,
      name text,
      locale text NOT NULL CHECK (locale IN ('fr', 'en')),
      token_hash text NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (community_id, campaign_id) REFERENCES recruitment_campaigns (community_id, id) ON DELETE CASCADE,
      UNIQUE (community_id, email)
    );
    CREATE INDEX recruitment_invitations_phone_idx ON recruitment_invitations (community_id, phone);

    CREATE TABLE recruitment_applications (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL,
      campaign_id uuid NOT NULL,
      user_id uuid NOT NULL REFERENCES auth_user (id) ON DELETE CASCADE,
      invitation_id uuid REFERENCES recruitment_invitations (id) ON DELETE SET NULL,
      email text NOT NULL,
      phone text NOT NULL,
      pseudonym text NOT NULL,
      pseudonym_key text NOT NULL,
      locale text NOT NULL CHECK (locale IN ('fr', 'en')),
      answers jsonb NOT NULL CHECK (jsonb_typeof(answers) = 'object'),
      quota_cells jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(quota_cells) = 'array'),
      status text NOT NULL CHECK (status IN
        ('qualified', 'disqualified', 'over_quota', 'waitlisted', 'offered', 'admitted')),
      consent_version integer NOT NULL CHECK (consent_version >= 0),
      consents jsonb NOT NULL CHECK (jsonb_typeof(consents) = 'array'),
      consented_at timestamptz NOT NULL DEFAULT now(),
      email_token_hash text UNIQUE,
      email_confirmed_at timestamptz,
      phone_code_hash text,
      phone_code_expires_at timestamptz,
      phone_attempts integer NOT NULL DEFAULT 0,
      phone_validated_at timestamptz,
      phone_method text CHECK (phone_method IN ('sms', 'call')),
      phone_note text CHECK (length(phone_note) <= 1000),
      waitlisted_at timestamptz,
      waitlist_position integer,
      offer_token_hash text UNIQUE,
      offer_expires_at timestamptz,
      member_id uuid REFERENCES memberships (id) ON DELETE SET NULL,
      decided_by uuid REFERENCES auth_user (id) ON DELETE SET NULL,
      decision_note text CHECK (length(decision_note) <= 1000),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (community_id, campaign_id) REFERENCES recruitment_campaigns (community_id, id) ON DELETE CASCADE,
      UNIQUE (community_id, user_id),
      UNIQUE (community_id, pseudonym_key)
    );
    CREATE INDEX recruitment_applications_list_idx ON recruitment_applications (community_id, created_at DESC, id DESC);
    CREATE INDEX recruitment_applications_phone_idx ON recruitment_applications (community_id, phone);
    CREATE INDEX recruitment_applications_waitlist_idx
      ON recruitment_applications (community_id, waitlist_position) WHERE status = 'waitlisted';
  `.execute(db);
}

/** Drops the recruitment tables and the SMS outbox. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE IF EXISTS recruitment_applications;
    DROP TABLE IF EXISTS recruitment_invitations;
    DROP TABLE IF EXISTS recruitment_campaigns;
    DROP TABLE IF EXISTS recruitment_consent_texts;
    DROP TABLE IF EXISTS sms_messages;
  `.execute(db);
}
