import type { Selectable } from 'kysely';
import type { FlagTable } from '../../platform/db/schema.ts';
import { markdownToText } from '../../platform/text/markdown.ts';
import type { SupportSettings } from '../support/support-settings.ts';
import type { QueueRow } from './moderation.repository.ts';
import type { FlagResultDto, QueueItemDto, SupportSettingsDto } from './moderation.schemas.ts';
import { availableActions } from './transitions.ts';

/** The longest excerpt of a post shown in the queue, in characters. */
const EXCERPT = 280;

/** Presents a flag to the member who made it. */
export function presentFlag(row: Selectable<FlagTable>): FlagResultDto {
  return {
    id: row.id,
    targetType: row.target_type,
    targetId: row.target_id,
    reason: row.reason,
    status: row.status,
    createdAt: row.created_at.toISOString(),
  };
}

/** One open flag as staff see it: reason, note, the flagger's pseudonym (never their identity). */
export interface OpenFlagRow {
  id: string;
  reason: string;
  note: string | null;
  pseudonym: string;
  created_at: Date;
}

/** Presents a queued post in context, with its open flags, its author's rank and the actions that apply to it. */
export function presentQueueItem(
  row: QueueRow,
  flags: OpenFlagRow[],
  authorRank: string | null,
): QueueItemDto {
  const text = markdownToText(row.body);
  return {
    targetType: row.target_type,
    id: row.id,
    status: row.status,
    topic: { id: row.topic_id, title: row.topic_title, status: row.topic_status },
    board: { slug: row.board_slug, title: row.board_title },
    author: { id: row.author_id, pseudonym: row.author_pseudonym, role: row.author_role, rank: authorRank },
    excerpt: text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1).trimEnd()}…` : text,
    isSolution: row.is_solution,
    createdAt: row.created_at.toISOString(),
    queuedAt: row.queued_at.toISOString(),
    flagsCount: Number(row.flags_count),
    reasons: row.reasons ?? {},
    flags: flags.map((f) => ({
      id: f.id,
      reason: f.reason,
      note: f.note,
      flagger: f.pseudonym,
      createdAt: f.created_at.toISOString(),
    })),
    actions: availableActions(row.status, Number(row.flags_count) > 0),
  };
}

/** Presents support settings, field by field. */
export function presentSupportSettings(settings: SupportSettings): SupportSettingsDto {
  return {
    caseEscalationHours: settings.caseEscalationHours,
    solutionReminderHours: settings.solutionReminderHours,
    contactCostCents: settings.contactCostCents,
    currency: settings.currency,
    burstPosts: settings.burstPosts,
    burstSeconds: settings.burstSeconds,
    hourlyPosts: settings.hourlyPosts,
    newcomerPremoderation: settings.newcomerPremoderation,
    newcomerDays: settings.newcomerDays,
    newcomerPosts: settings.newcomerPosts,
  };
}
