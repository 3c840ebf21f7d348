import { abilitiesOf } from '../../platform/authz/policy.ts';
import type { LiveMedia } from '../../../common/live/protocol.ts';
import type { LiveGuideItemRow, LiveMediaRow, LiveSessionRow } from '../../platform/db/schema-live.ts';
import { liveMediaUrl } from './live-room.presenter.ts';
import { livePolicy } from './live.policy.ts';
import type { LoadedLiveSession } from './commands/load-live-session.ts';
import type { GuideSectionDto, LiveParticipantDto, LiveSessionDto } from './live.schemas.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The options of a guide item as a string array (stored as JSON). */
export function itemOptions(item: Pick<LiveGuideItemRow, 'options'>): string[] {
  return Array.isArray(item.options) ? (item.options as unknown[]).map(String) : [];
}

/** A stored media file → what the guide and the room show of it. */
export function presentMedia(row: LiveMediaRow): LiveMedia {
  return {
    id: row.id,
    kind: row.kind,
    url: liveMediaUrl(row.community_id, row.session_id, row.id),
    contentType: row.content_type,
    alt: row.alt,
    width: row.width,
    height: row.height,
  };
}

/** Guide sections and items → the staff's guide, field by field (with the stimuli's media). */
export function presentGuide(
  sections: { id: string; title: string; planned_minutes: number }[],
  items: LiveGuideItemRow[],
  media: LiveMediaRow[] = [],
): GuideSectionDto[] {
  const mediaById = new Map(media.map((m) => [m.id, presentMedia(m)]));
  return sections.map((s) => ({
    id: s.id,
    title: s.title,
    plannedMinutes: s.planned_minutes,
    items: items
      .filter((i) => i.section_id === s.id)
      .map((i) => ({
        id: i.id,
        kind: i.kind,
        questionType: i.question_type,
        body: i.body,
        options: itemOptions(i),
        blind: i.blind,
        state: i.state,
        sentAt: iso(i.sent_at),
        revealedAt: iso(i.revealed_at),
        tallyShown: i.tally_shown,
        media: (i.media_id && mediaById.get(i.media_id)) || null,
      })),
  }));
}

/** A participant row → what staff see of an invited member (pseudonym, never identity). */
export function presentParticipant(p: {
  member_id: string;
  pseudonym: string;
  invitation: string;
  attendance: string;
  muted: boolean;
  responded_at: Date | null;
  joined_at: Date | null;
  admitted_at: Date | null;
  left_at: Date | null;
}): LiveParticipantDto {
  return {
    memberId: p.member_id,
    pseudonym: p.pseudonym,
    invitation: p.invitation,
    attendance: p.attendance,
    muted: p.muted,
    respondedAt: iso(p.responded_at),
    joinedAt: iso(p.joined_at),
    admittedAt: iso(p.admitted_at),
    leftAt: iso(p.left_at),
  };
}

/** When the lobby of a session opens. */
export function lobbyOpensAt(row: Pick<LiveSessionRow, 'starts_at' | 'lobby_minutes'>): Date {
  return new Date(row.starts_at.getTime() - row.lobby_minutes * 60_000);
}

/**
 * A session → its DTO for the viewer. Staff get the staff list, the participants and the guide; a
 * participant gets their own invitation and none of those (nor the observers' names).
 */
export function presentSession(
  loaded: LoadedLiveSession,
  actor: Parameters<typeof livePolicy.view>[0],
  extras: {
    counts: { invited: number; accepted: number; declined: number };
    staff: { member_id: string; pseudonym: string; role: string }[] | null;
    participants: Parameters<typeof presentParticipant>[0][] | null;
    guide: GuideSectionDto[] | null;
    participantRow: { invitation: string; responded_at: Date | null } | null;
  },
): LiveSessionDto {
  const { row } = loaded;
  const staff = livePolicy.manage(actor, loaded) || loaded.staffRole !== null;
  return {
    id: row.id,
    communityId: row.community_id,
    title: row.title,
    objectives: row.objectives,
    startsAt: row.starts_at.toISOString(),
    durationMinutes: row.duration_minutes,
    capacity: row.capacity,
    lobbyMinutes: row.lobby_minutes,
    lobbyOpensAt: lobbyOpensAt(row).toISOString(),
    status: row.status,
    startedAt: iso(row.started_at),
    endedAt: iso(row.ended_at),
    myRole: livePolicy.manage(actor, loaded) ? 'moderator' : staff ? 'observer' : 'participant',
    invitation: extras.participantRow
      ? { status: extras.participantRow.invitation, respondedAt: iso(extras.participantRow.responded_at) }
      : null,
    counts: extras.counts,
    staff:
      staff && extras.staff
        ? extras.staff.map((s) => ({ memberId: s.member_id, pseudonym: s.pseudonym, role: s.role }))
        : null,
    participants: staff && extras.participants ? extras.participants.map(presentParticipant) : null,
    guide: staff ? extras.guide : null,
    abilities: abilitiesOf(livePolicy, actor, loaded),
  };
}
