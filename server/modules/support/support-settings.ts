import type { Queryable } from '../../platform/db/database.ts';

/** A community's peer-support settings (see migration 0004-support-settings). */
export interface SupportSettings {
  /** Hours after which an unanswered question becomes a support case; 0 turns it off. */
  caseEscalationHours: number;
  /** Hours after which an asker whose question has replies but no solution is reminded; 0 turns it off. */
  solutionReminderHours: number;
  /** The estimated cost of one support contact, in cents of `currency` (deflection savings). */
  contactCostCents: number;
  currency: string;
  /** At most `burstPosts` posts (topics and replies) per member in `burstSeconds`. */
  burstPosts: number;
  burstSeconds: number;
  /** At most `hourlyPosts` posts per member per hour. */
  hourlyPosts: number;
  /** Whether newcomers' posts wait for a moderator: members for their first `newcomerDays` days or posts. */
  newcomerPremoderation: boolean;
  newcomerDays: number;
  newcomerPosts: number;
}

/** The settings of a community that never changed them: the migration's column defaults. */
export const DEFAULT_SUPPORT_SETTINGS: Readonly<SupportSettings> = Object.freeze({
  caseEscalationHours: 48,
  solutionReminderHours: 72,
  contactCostCents: 1500,
  currency: 'EUR',
  burstPosts: 5,
  burstSeconds: 30,
  hourlyPosts: 50,
  newcomerPremoderation: false,
  newcomerDays: 3,
  newcomerPosts: 3,
});

/** A community's peer-support settings, the defaults when it has no row. */
export async function loadSupportSettings(db: Queryable, communityId: string): Promise<SupportSettings> {
  const row = await db
    .selectFrom('support_settings')
    .selectAll()
    .where('community_id', '=', communityId)
    .executeTakeFirst();
  if (!row) return { ...DEFAULT_SUPPORT_SETTINGS };
  return {
    caseEscalationHours: row.case_escalation_hours,
    solutionReminderHours: row.solution_reminder_hours,
    contactCostCents: row.contact_cost_cents,
    currency: row.currency,
    burstPosts: row.burst_posts,
    burstSeconds: row.burst_seconds,
    hourlyPosts: row.hourly_posts,
    newcomerPremoderation: row.newcomer_premoderation,
    newcomerDays: row.newcomer_days,
    newcomerPosts: row.newcomer_posts,
  };
}
