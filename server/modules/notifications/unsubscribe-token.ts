import { isUuid } from '../../platform/db/ids.ts';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { NotificationKind } from '../../platform/db/schema.ts';

/** The kinds of notification, in display order. */
export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'reply',
  'topic',
  'solution',
  'mention',
  'reminder',
  'reward',
];

function signature(secret: string, userId: string, kind: NotificationKind): string {
  return createHmac('sha256', secret).update(`unsubscribe:${userId}:${kind}`).digest('base64url');
}

/**
 * A one-click unsubscribe token for one account and one kind of email, signed with the session secret
 * (HMAC-SHA256): nothing is stored, and only the server can make one.
 */
export function signUnsubscribeToken(secret: string, userId: string, kind: NotificationKind): string {
  return `${userId}.${kind}.${signature(secret, userId, kind)}`;
}

/** The account and kind a token stands for, or null when it is malformed or its signature is wrong. */
export function verifyUnsubscribeToken(
  secret: string,
  token: string,
): { userId: string; kind: NotificationKind } | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [userId, kind, given] = parts as [string, string, string];
  if (!isUuid(userId) || !NOTIFICATION_KINDS.includes(kind as NotificationKind)) return null;
  const expected = Buffer.from(signature(secret, userId, kind as NotificationKind));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return { userId, kind: kind as NotificationKind };
}
