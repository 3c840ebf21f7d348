import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { listItems } from '../live-guide.repository.ts';
import { livePolicy } from '../live.policy.ts';
import { listAllEntries } from '../live-room.repository.ts';
import { listBackroom } from '../live-backroom.repository.ts';
import type { TranscriptDto } from '../live.schemas.ts';
import { readCodebook } from './list-live-codes.ts';
import { loadLiveSession } from './load-live-session.ts';

const list = (value: unknown): string[] | null => (Array.isArray(value) ? value.map(String) : null);

/**
 * The transcript of a session for its staff: the room in order with guide-item markers (deleted entries
 * kept and flagged, private exchanges named), every answer per question, the backroom apart, and the
 * codebook with its excerpts.
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function getLiveSessionTranscript({
  ctx,
  community,
  sessionId,
}: {
  ctx: Ctx;
  community: string;
  sessionId: string;
}): Promise<TranscriptDto> {
  const loaded = await loadLiveSession(ctx, community, sessionId);
  authorize(livePolicy, 'readTranscript', ctx.actor, loaded);
  const db = ctx.kernel.db;
  const rows = await listAllEntries(db, loaded.row.id);
  const author = (r: (typeof rows)[number]) =>
    r.author_role === 'participant' ? r.author_pseudonym : r.author_role === 'moderator' ? 'Moderator' : null;
  const room = rows.map((r) => ({
    seq: r.seq,
    kind: r.kind,
    at: r.created_at.toISOString(),
    author: author(r),
    authorRole: r.author_role,
    body: r.stored_body,
    itemId: r.item_id,
    choice: list(r.choice),
    replyToSeq: r.reply_to_seq,
    privateWith: r.kind === 'private' ? r.private_pseudonym : null,
    deleted: !!r.deleted_at,
  }));
  const questions = (await listItems(db, loaded.row.id))
    .filter((i) => i.kind === 'question' && i.state === 'sent')
    .map((i) => ({
      itemId: i.id,
      body: i.body,
      answers: room
        .filter((e) => e.kind === 'answer' && e.itemId === i.id)
        .map((e) => ({ seq: e.seq, author: e.author, body: e.body, choice: e.choice })),
    }));
  const backroom = (await listBackroom(db, loaded.row.id, 0, 20_000)).map((b) => ({
    seq: b.seq,
    kind: b.kind,
    at: b.created_at.toISOString(),
    author: b.author_pseudonym,
    body: b.body,
  }));
  return {
    session: { id: loaded.row.id, title: loaded.row.title, startsAt: loaded.row.starts_at.toISOString() },
    room,
    questions,
    backroom,
    codes: await readCodebook(db, loaded.row.id),
  };
}
