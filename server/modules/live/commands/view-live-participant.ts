import type { LiveParticipantProfile } from '../../../../common/live/protocol.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { insertAccessLog } from '../../members/members.repository.ts';
import { listAttributeRows, listProfileValues } from '../../panel/panel.repository.ts';
import { livePolicy } from '../live.policy.ts';
import { findParticipantWithPseudonym } from '../live-room.repository.ts';
import { MemberRef } from '../live-room.schemas.ts';
import { loadLiveRoom } from './load-live-room.ts';

/**
 * The moderator opens a participant's profile from the lobby or the room (`live.profile`): the pseudonym
 * and the observer-visible profile attributes; community staff (admins, moderators, platform admins) also
 * the member-filled and staff-only ones. Never the real identity. The look is written to the access log
 * (purpose `live_session`, the attribute keys read) in the same transaction: no log, no profile.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function viewLiveParticipant({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<{ profile: LiveParticipantProfile }> {
  const body = validate(MemberRef, input);
  const room = await loadLiveRoom(ctx, body.sessionId);
  authorize(livePolicy, 'moderate', ctx.actor, room);
  const db = ctx.kernel.db;
  const participant = await findParticipantWithPseudonym(db, room.row.id, body.memberId);
  if (!participant) throw new AppError('not_found', { messageKey: 'live.error.notParticipant' });
  const rows = await listAttributeRows(
    db,
    room.row.community_id,
    livePolicy.readStaffFields(ctx.actor, room)
      ? ['observer_visible', 'member_editable', 'staff_only']
      : ['observer_visible'],
  );
  const values = await listProfileValues(db, participant.member_id);
  const fields = rows
    .filter((row) => values.has(row.id))
    .map((row) => ({
      key: row.key,
      label: row.label,
      visibility: row.visibility,
      value: values.get(row.id),
    }));
  await transact(ctx.kernel, async (trx) =>
    insertAccessLog(trx, {
      id: newId(),
      community_id: room.row.community_id,
      actor_user_id: ctx.actor!.userId,
      subject_membership_id: participant.member_id,
      fields: ['pseudonym', ...fields.map((f) => f.key)],
      purpose: 'live_session',
    }),
  );
  return { profile: { memberId: participant.member_id, pseudonym: participant.pseudonym, fields } };
}
