import { type Kysely, sql } from 'kysely';

/** Foundation schema: accounts (better-auth tables), communities, memberships, logs, outbox, mail. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE auth_user (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      email text NOT NULL,
      email_verified boolean NOT NULL DEFAULT false,
      image text,
      phone text,
      locale text CHECK (locale IN ('fr', 'en')),
      is_platform_admin boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX auth_user_email_key ON auth_user (lower(email));

    CREATE TABLE auth_session (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES auth_user (id) ON DELETE CASCADE,
      token text NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      ip_address text,
      user_agent text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX auth_session_user_idx ON auth_session (user_id);

    CREATE TABLE auth_account (
      id uuid PRIMARY KEY,
      account_id text NOT NULL,
      provider_id text NOT NULL,
      user_id uuid NOT NULL REFERENCES auth_user (id) ON DELETE CASCADE,
      access_token text,
      refresh_token text,
      id_token text,
      access_token_expires_at timestamptz,
      refresh_token_expires_at timestamptz,
      scope text,
      password text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX auth_account_user_idx ON auth_account (user_id);

    CREATE TABLE auth_verification (
      id uuid PRIMARY KEY,
      identifier text NOT NULL,
      value text NOT NULL,
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX auth_verification_identifier_idx ON auth_verification (identifier);

    CREATE TABLE auth_rate_limit (
      id text PRIMARY KEY,
      key text NOT NULL UNIQUE,
      count integer NOT NULL,
      last_request bigint NOT NULL
    );

    CREATE TABLE communities (
      id uuid PRIMARY KEY,
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$'),
      name text NOT NULL CHECK (length(name) BETWEEN 2 AND 80),
      description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
      default_locale text NOT NULL DEFAULT 'fr' CHECK (default_locale IN ('fr', 'en')),
      visibility text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'private', 'hidden')),
      join_policy text NOT NULL DEFAULT 'open' CHECK (join_policy IN ('open', 'approval', 'invitation')),
      member_cap integer CHECK (member_cap > 0),
      logo_url text,
      primary_color text NOT NULL DEFAULT '#1f5f8b' CHECK (primary_color ~ '^#[0-9a-f]{6}$'),
      accent_color text NOT NULL DEFAULT '#d9822b' CHECK (accent_color ~ '^#[0-9a-f]{6}$'),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE memberships (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES auth_user (id) ON DELETE CASCADE,
      pseudonym text NOT NULL CHECK (length(pseudonym) BETWEEN 3 AND 30),
      pseudonym_key text NOT NULL,
      role text NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'expert', 'moderator', 'observer', 'admin')),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'pending', 'suspended')),
      bio text NOT NULL DEFAULT '' CHECK (length(bio) <= 1000),
      joined_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (community_id, user_id),
      UNIQUE (community_id, pseudonym_key)
    );
    CREATE INDEX memberships_community_joined_idx ON memberships (community_id, joined_at, id);
    CREATE INDEX memberships_user_idx ON memberships (user_id);

    CREATE TABLE community_invitations (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      code_hash text NOT NULL UNIQUE,
      email text,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      used_by uuid REFERENCES auth_user (id) ON DELETE SET NULL,
      created_by uuid REFERENCES auth_user (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX community_invitations_community_idx ON community_invitations (community_id, created_at);

    CREATE TABLE access_log (
      id uuid PRIMARY KEY,
      community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
      actor_user_id uuid NOT NULL REFERENCES auth_user (id),
      subject_membership_id uuid NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
      fields text[] NOT NULL,
      purpose text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX access_log_community_idx ON access_log (community_id, id DESC);

    CREATE TABLE audit_log (
      id uuid PRIMARY KEY,
      community_id uuid REFERENCES communities (id) ON DELETE CASCADE,
      actor_user_id uuid REFERENCES auth_user (id) ON DELETE SET NULL,
      action text NOT NULL,
      target_type text NOT NULL,
      target_id text NOT NULL,
      data jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX audit_log_community_idx ON audit_log (community_id, id DESC);

    CREATE TABLE outbox_events (
      id uuid PRIMARY KEY,
      type text NOT NULL,
      community_id uuid,
      actor_user_id uuid,
      payload jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      dispatched_at timestamptz,
      failed_at timestamptz,
      attempts integer NOT NULL DEFAULT 0,
      last_error text
    );
    CREATE INDEX outbox_events_pending_idx ON outbox_events (id) WHERE dispatched_at IS NULL AND failed_at IS NULL;

    CREATE TABLE event_deliveries (
      event_id uuid NOT NULL REFERENCES outbox_events (id) ON DELETE CASCADE,
      subscriber text NOT NULL,
      delivered_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (event_id, subscriber)
    );

    CREATE TABLE mail_messages (
      id uuid PRIMARY KEY,
      to_address text NOT NULL,
      subject text NOT NULL,
      text_body text NOT NULL,
      kind text NOT NULL,
      locale text NOT NULL,
      status text NOT NULL CHECK (status IN ('captured', 'queued', 'sent', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz
    );
    CREATE INDEX mail_messages_created_idx ON mail_messages (id DESC);
    CREATE INDEX mail_messages_to_idx ON mail_messages (lower(to_address), id DESC);

    CREATE TABLE setup_tokens (
      id uuid PRIMARY KEY,
      token_hash text NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
  `.execute(db);
}

/** Drops the foundation schema. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE IF EXISTS setup_tokens, mail_messages, event_deliveries, outbox_events, audit_log, access_log,
      community_invitations, memberships, communities, auth_rate_limit, auth_verification, auth_account,
      auth_session, auth_user CASCADE;
  `.execute(db);
}
