import type { ModerationAction } from '../../platform/db/schema.ts';

/** Events of the moderation area (`resource.past_tense`). */
export const ModerationEvents = {
  contentFlagged: 'content.flagged',
  contentApproved: 'content.approved',
  contentHidden: 'content.hidden',
  contentDeleted: 'content.deleted',
  contentRestored: 'content.restored',
  supportSettingsUpdated: 'support_settings.updated',
} as const;

/** The event each moderator action emits. */
export const EVENT_OF_ACTION: Record<
  ModerationAction,
  (typeof ModerationEvents)[keyof typeof ModerationEvents]
> = {
  approve: ModerationEvents.contentApproved,
  hide: ModerationEvents.contentHidden,
  delete: ModerationEvents.contentDeleted,
  restore: ModerationEvents.contentRestored,
};

/** Payload of `content.flagged`: the item, its topic, its author and the flag (never the flagger's identity). */
export interface ContentFlaggedPayload {
  communityId: string;
  flagId: string;
  targetType: 'topic' | 'reply';
  targetId: string;
  topicId: string;
  authorId: string;
  flaggerId: string;
  reason: string;
}

/** Payload of `content.approved|hidden|deleted|restored`: the item, the status change and the flags closed. */
export interface ContentModeratedPayload {
  communityId: string;
  targetType: 'topic' | 'reply';
  targetId: string;
  topicId: string;
  authorId: string;
  action: ModerationAction;
  previousStatus: string;
  status: string;
  resolvedFlags: number;
}
