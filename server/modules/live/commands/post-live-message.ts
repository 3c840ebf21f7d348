import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError, isUniqueViolation } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { findItem } from '../live-guide.repository.ts';
import { publishEntry, publishTally, publishToMember } from '../live-broadcast.ts';
import { livePolicy } from '../live.policy.ts';
import { findParticipant } from '../live.repository.ts';
import {
  appendLiveEntry,
  countRecentEntries,
  findEntry,
  findSeqByClientId,
  listAnswerers,
  listAnswers,
  type NewEntry,
  senderMayPost,
} from '../live-room.repository.ts';
import {
  PARTICIPANT_MAX_LENGTH,
  RATE_LIMIT,
  RATE_WINDOW_SECONDS,
  SendInput,
  type SendInputType,
} from '../live-room.schemas.ts';
import { answerersOf, choicesOf, tallyOf } from '../live-tally.ts';
import { appendRoomEntry } from './append-room-entry.ts';
import { type LoadedRoom, loadLiveRoom } from './load-live-room.ts';

type Item = NonNullable<Awaited<ReturnType<typeof findItem>>>;

/** Checks an answer against its question; returns the choice to store. */
function checkAnswer(item: Item | undefined, input: SendInputType, body: string): string[] | null {
  if (!item || item.kind !== 'question' || item.state !== 'sent')
    throw AppError.field('/itemId', 'live.error.notCurrent');
  if (item.question_type === 'open') {
    if (input.choice) throw AppError.field('/choice', 'live.error.noOptions');
    if (!body) throw AppError.field('/body', 'validation.required');
    return null;
  }
  const allowed = new Set(choicesOf(item));
  const choice = input.choice ?? [];
  const single = item.question_type !== 'multiple';
  if (
    choice.length === 0 ||
    (single && choice.length > 1) ||
    choice.some((c) => !allowed.has(c)) ||
    new Set(choice).size !== choice.length
  ) {
    throw AppError.field('/choice', 'live.error.badChoice');
  }
  return choice;
}

/**
 * Writes in a session's room (`live.send`): a message (optionally in reply to an entry), an answer to a sent
 * question (once per participant), or a private message (moderator → one participant; participant → the
 * moderators). The entry is stored and numbered before this returns its `seq` (the acknowledgement), then
 * sent to whoever may read it. A resend with the same `clientId` returns the first `seq`. Participants are
 * limited in length and rate.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden: not admitted, muted, an
 *   observer | conflict: answered already, session not running | rate_limited)
 */
export async function postLiveMessage({
  ctx,
  input,
  joined,
}: {
  ctx: Ctx;
  input: unknown;
  /** The sender's part as the socket's `live.join` found it: allows the one-statement path. */
  joined?: JoinedAs;
}): Promise<{ seq: number }> {
  const body = validate(SendInput, input);
  const db = ctx.kernel.db;
  const fast = joined ? await appendAsJoined(ctx, body, joined) : undefined;
  if (fast) {
    publishEntry(ctx.kernel, fast);
    return { seq: fast.seq };
  }
  // The resend lookup runs alongside the room's load (one round trip of latency, not two); its answer is
  // used only once the sender is authorized.
  const [room, again] = await Promise.all([
    loadLiveRoom(ctx, body.sessionId),
    ctx.actor ? findSeqByClientId(db, body.sessionId, ctx.actor.userId, body.clientId) : undefined,
  ]);
  const moderator = livePolicy.moderate(ctx.actor, room);
  if (!moderator) authorize(livePolicy, 'post', ctx.actor, room);
  const memberId = room.membership?.id ?? null;
  const text = (body.body ?? '').trim();
  if (again !== undefined && memberId) return { seq: again };
  if (!moderator && text.length > PARTICIPANT_MAX_LENGTH) {
    throw AppError.field('/body', 'live.error.tooLong', { max: PARTICIPANT_MAX_LENGTH });
  }
  const item = body.itemId ? await findItem(db, room.row.id, body.itemId) : undefined;
  if (body.itemId && moderator) throw AppError.field('/itemId', 'live.error.notCurrent');
  const choice = body.itemId ? checkAnswer(item, body, text) : null;
  if (!body.itemId && !text) throw AppError.field('/body', 'validation.required');
  if (body.toMemberId) {
    if (!moderator) throw AppError.field('/toMemberId', 'live.error.notParticipant');
    const target = await findParticipant(db, room.row.id, body.toMemberId);
    if (!target) throw AppError.field('/toMemberId', 'live.error.notParticipant');
  }
  if (body.replyToSeq && !(await findEntry(db, room.row.id, body.replyToSeq))) {
    throw AppError.field('/replyToSeq', 'live.error.unknownEntry');
  }
  const privateWith = body.toMemberId ?? (body.private && !moderator ? memberId : null);
  if (!moderator) await checkRate(db, room, memberId!);
  if (body.itemId && (await listAnswerers(db, body.itemId)).includes(memberId!)) {
    throw new AppError('conflict', { messageKey: 'live.error.answered' });
  }
  const values: NewEntry = {
    kind: body.itemId ? 'answer' : privateWith ? 'private' : 'message',
    author_member_id: memberId,
    author_role: moderator ? 'moderator' : 'participant',
    body: text || null,
    item_id: body.itemId ?? null,
    choice: choice ? JSON.stringify(choice) : null,
    reply_to_seq: body.replyToSeq ?? null,
    private_member_id: privateWith,
    client_id: body.clientId,
  };
  // A running session's entry is one statement; the first one (which starts the session) or a refusal
  // takes the transactional path.
  const row =
    (room.row.status === 'live' ? await appendLiveEntry(db, room.row, newId(), values) : undefined) ??
    (await transact(ctx.kernel, (trx) => appendRoomEntry(trx, room.row, values, { starts: moderator })));
  await afterPost(ctx, row, item);
  return { seq: row.seq };
}

/** A socket's part in a session, remembered from `live.join` (its rights are not: they are re-read). */
export interface JoinedAs {
  role: 'moderator' | 'observer' | 'participant';
  memberId: string | null;
}

/**
 * The fast path of a plain message (or a participant's private one, or a reply) from a socket that joined
 * the session as a moderator or a participant: ONE statement checks the sender's rights as the policy does
 * (`senderMayPost`), numbers, stores and reads back the entry. Undefined when anything does not hold (not
 * allowed any more, not live, a resend, an unknown entry replied to): the full path then decides and
 * explains. What the socket remembers only chooses this path; it never grants anything.
 */
async function appendAsJoined(ctx: Ctx, body: SendInputType, joined: JoinedAs) {
  const text = (body.body ?? '').trim();
  if (
    !ctx.actor ||
    joined.role === 'observer' ||
    body.itemId ||
    body.toMemberId ||
    !text ||
    (joined.role === 'participant' && (text.length > PARTICIPANT_MAX_LENGTH || !joined.memberId))
  )
    return undefined;
  const moderator = joined.role === 'moderator';
  const privateWith = body.private && !moderator ? joined.memberId : null;
  const guard = senderMayPost({
    sessionId: body.sessionId,
    userId: ctx.actor.userId,
    memberId: joined.memberId,
    role: joined.role,
    platformAdmin: ctx.actor.isPlatformAdmin,
    clientId: body.clientId,
    replyToSeq: body.replyToSeq ?? null,
    since: new Date(Date.now() - RATE_WINDOW_SECONDS * 1000),
    rateLimit: RATE_LIMIT,
  });
  const values: NewEntry = {
    kind: privateWith ? 'private' : 'message',
    author_member_id: joined.memberId,
    author_role: joined.role,
    body: text,
    item_id: null,
    choice: null,
    reply_to_seq: body.replyToSeq ?? null,
    private_member_id: privateWith,
    client_id: body.clientId,
  };
  try {
    return await appendLiveEntry(ctx.kernel.db, { id: body.sessionId }, newId(), values, guard);
  } catch (error) {
    // Two resends at once: the unique client id refused the second; the full path answers it.
    if (isUniqueViolation(error, 'live_messages_client_idx')) return undefined;
    throw error;
  }
}

async function checkRate(db: Parameters<typeof countRecentEntries>[0], room: LoadedRoom, memberId: string) {
  const since = new Date(Date.now() - RATE_WINDOW_SECONDS * 1000);
  if ((await countRecentEntries(db, room.row.id, memberId, since)) >= RATE_LIMIT) {
    throw new AppError('rate_limited', {
      messageKey: 'live.error.rateLimited',
      retryAfter: RATE_WINDOW_SECONDS,
    });
  }
}

/** After commit: the entry to its readers; for an answer, the blind peers it unlocks and the tally. */
async function afterPost(ctx: Ctx, row: Awaited<ReturnType<typeof appendRoomEntry>>, item: Item | undefined) {
  const { kernel } = ctx;
  if (row.kind !== 'answer' || !item) return publishEntry(kernel, row);
  const answers = await listAnswers(kernel.db, row.session_id, item.id);
  const readers = answerersOf(answers);
  publishEntry(kernel, row, readers);
  if (item.blind && !item.revealed_at && row.author_member_id) {
    publishToMember(
      kernel,
      row.session_id,
      row.author_member_id,
      answers.filter((a) => a.seq !== row.seq),
    );
  }
  if (item.question_type !== 'open')
    publishTally(kernel, row.session_id, tallyOf(item, answers), item, readers);
}
