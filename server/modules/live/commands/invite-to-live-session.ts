import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError, type FieldError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import {
  attributeKindsOf,
  compileSegmentFilter,
  findSegment,
  segmentMemberIds,
} from '../../panel/panel.repository.ts';
import type { SegmentFilterInput } from '../../panel/panel.schemas.ts';
import { LiveEvents } from '../live.events.ts';
import { mailAboutSession } from '../live-mail.ts';
import { livePolicy } from '../live.policy.ts';
import {
  countInvited,
  findMembersByIds,
  insertParticipants,
  listStaff,
  lockSession,
} from '../live.repository.ts';
import { InviteToLiveSessionBody, type LiveSessionDto, OVER_RECRUITMENT_FACTOR } from '../live.schemas.ts';
import { getLiveSession } from './get-live-session.ts';
import { loadLiveSession } from './load-live-session.ts';

/**
 * The active members of a saved segment of the community, the session's staff left out (the panel's
 * repository compiles the segment's filter).
 * @throws AppError(validation_failed at /segmentId: unknown segment, or nobody to invite)
 */
async function segmentInvitees(
  ctx: Ctx,
  communityId: string,
  segmentId: string,
  staff: Set<string>,
): Promise<string[]> {
  const db = ctx.kernel.db;
  const segment = await findSegment(db, communityId, segmentId);
  if (!segment) throw AppError.field('/segmentId', 'validation.invalidChoice');
  const filter = segment.filter as SegmentFilterInput;
  const predicate = compileSegmentFilter(filter, await attributeKindsOf(db, communityId, filter));
  const rows = await db
    .selectFrom('memberships')
    .select('id')
    .where('id', 'in', segmentMemberIds(communityId, predicate))
    .where('status', '=', 'active')
    .orderBy('joined_at')
    .orderBy('id')
    .execute();
  const ids = rows.map((r) => r.id).filter((id) => !staff.has(id));
  if (ids.length === 0) throw AppError.field('/segmentId', 'live.error.emptySegment');
  return ids;
}

/**
 * Invites members of the community as participants — chosen by hand, or every active member of a saved
 * segment — (its moderators), beyond the capacity if needed
 * (over-recruitment, up to twice the capacity): each new invitee gets an email in their language with the
 * session page and its calendar file. Members already invited are left as they are. Emits
 * `live_session.invited`; audited.
 * @throws AppError(validation_failed: not active members, session staff, too many | not_found |
 *   unauthenticated | forbidden | conflict: ended)
 */
export async function inviteToLiveSession({
  ctx,
  community,
  sessionId,
  input,
}: {
  ctx: Ctx;
  community: string;
  sessionId: string;
  input: unknown;
}): Promise<LiveSessionDto> {
  const body = validate(InviteToLiveSessionBody, input);
  if (!body.memberIds === !body.segmentId)
    throw AppError.field(body.segmentId ? '/segmentId' : '/memberIds', 'live.error.membersOrSegment');
  const loaded = await loadLiveSession(ctx, community, sessionId);
  authorize(livePolicy, 'manage', ctx.actor, loaded);
  const session = loaded.row;
  const staff = new Set((await listStaff(ctx.kernel.db, session.id)).map((s) => s.member_id));
  const memberIds =
    body.memberIds ?? (await segmentInvitees(ctx, session.community_id, body.segmentId!, staff));
  const members = new Map(
    (await findMembersByIds(ctx.kernel.db, session.community_id, memberIds)).map((m) => [m.id, m]),
  );
  const fields: FieldError[] = [];
  memberIds.forEach((id, index) => {
    const m = members.get(id);
    if (!m || m.status !== 'active')
      fields.push({ path: `/memberIds/${index}`, key: 'live.error.notMember' });
    else if (staff.has(id)) fields.push({ path: `/memberIds/${index}`, key: 'live.error.isStaff' });
  });
  if (fields.length > 0) throw new AppError('validation_failed', { fields });
  await transact(ctx.kernel, async (trx, emit) => {
    const row = await lockSession(trx, session.id);
    if (row.status === 'ended' || row.status === 'cancelled')
      throw new AppError('conflict', { messageKey: 'live.error.closed' });
    const invited = await insertParticipants(
      trx,
      row,
      memberIds.map((member_id) => ({ id: newId(), member_id })),
    );
    const limit = row.capacity * OVER_RECRUITMENT_FACTOR;
    if ((await countInvited(trx, row.id)) > limit)
      throw AppError.field(body.segmentId ? '/segmentId' : '/memberIds', 'live.error.tooManyInvited', {
        limit,
      });
    if (invited.length === 0) return;
    await mailAboutSession(ctx.kernel, trx, 'invitation', row, loaded.community.slug, invited);
    await emit({
      type: LiveEvents.invited,
      communityId: row.community_id,
      actorUserId: ctx.actor!.userId,
      payload: { communityId: row.community_id, sessionId: row.id, memberIds: invited },
    });
    await writeAudit(trx, {
      communityId: row.community_id,
      actorUserId: ctx.actor!.userId,
      action: 'live_session.invite',
      targetType: 'live_session',
      targetId: row.id,
      data: { memberIds: invited },
    });
  });
  return getLiveSession({ ctx, community, sessionId: session.id });
}
