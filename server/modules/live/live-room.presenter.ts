import type { LiveBackroomEntry, LiveEntry, LiveRoomParticipant } from '../../../common/live/protocol.ts';
import type { EntryRow } from './live-room.repository.ts';

/** Who looks at the room: staff see everything; a participant sees what the blind and private rules allow. */
export interface RoomViewer {
  staff: boolean;
  memberId: string | null;
  /** The questions this participant answered (their blind answers' peers become visible). */
  answered: ReadonlySet<string>;
}

/** The viewer of full entries sent to entitled audiences only (staff, the private participant, answerers). */
export const ENTITLED: RoomViewer = { staff: true, memberId: null, answered: new Set() };

/** Where a session's media file is served (to its participants, observers and staff only). */
export const liveMediaUrl = (communityId: string, sessionId: string, mediaId: string) =>
  `/api/v1/communities/${communityId}/live-sessions/${sessionId}/media/${mediaId}`;

const list = (value: unknown): string[] | null => (Array.isArray(value) ? value.map(String) : null);

/** True when the viewer may read this entry's content. */
export function mayRead(row: EntryRow, viewer: RoomViewer): boolean {
  if (viewer.staff) return true;
  if (row.kind === 'private') return !!viewer.memberId && row.private_member_id === viewer.memberId;
  if (row.kind === 'answer' && row.item_blind && !row.item_revealed_at) {
    return (
      !!viewer.memberId &&
      (row.author_member_id === viewer.memberId || (!!row.item_id && viewer.answered.has(row.item_id)))
    );
  }
  return true;
}

/** True when an entry is hidden from some participants (blind before the reveal, private). */
export function isRestricted(row: EntryRow): boolean {
  return row.kind === 'private' || (row.kind === 'answer' && !!row.item_blind && !row.item_revealed_at);
}

/**
 * A stored entry → what one viewer receives, field by field. A participant never receives a staff member's
 * pseudonym (moderator entries say "moderator"), nor the content of entries they may not read (they get a
 * numbered placeholder so that their sequence has no gap), nor a deleted entry's text.
 */
export function presentEntry(
  row: EntryRow,
  viewer: RoomViewer,
  reactions: Record<string, number> = {},
): LiveEntry {
  const at = row.created_at.toISOString();
  if (!mayRead(row, viewer)) {
    const answer = row.kind === 'answer';
    return {
      seq: row.seq,
      kind: answer ? 'answer' : 'hidden',
      at,
      hidden: true,
      author: null,
      body: null,
      itemId: answer ? row.item_id : null,
      item: null,
      choice: null,
      replyToSeq: null,
      targetSeq: null,
      privateWith: null,
      deleted: false,
      reactions: {},
    };
  }
  const deleted = !!row.deleted_at;
  const participant = row.author_role === 'participant';
  return {
    seq: row.seq,
    kind: row.kind,
    at,
    hidden: false,
    author: {
      role: row.author_role,
      memberId: participant ? row.author_member_id : null,
      pseudonym: participant ? row.author_pseudonym : null,
    },
    body: deleted ? null : row.body,
    itemId: row.item_id,
    item:
      row.kind === 'item' && row.item_kind
        ? {
            kind: row.item_kind,
            questionType: row.item_question_type,
            options: list(row.item_options) ?? [],
            blind: !!row.item_blind,
            media:
              row.media_id && row.media_kind && row.media_content_type
                ? {
                    id: row.media_id,
                    kind: row.media_kind,
                    url: liveMediaUrl(row.community_id, row.session_id, row.media_id),
                    contentType: row.media_content_type,
                    alt: row.media_alt ?? '',
                    width: row.media_width,
                    height: row.media_height,
                  }
                : null,
          }
        : null,
    choice: deleted ? null : list(row.choice),
    replyToSeq: row.reply_to_seq,
    targetSeq: row.target_seq,
    privateWith:
      row.kind === 'private' && row.private_member_id
        ? { memberId: row.private_member_id, pseudonym: row.private_pseudonym ?? '' }
        : null,
    deleted,
    reactions,
  };
}

/** A stored backroom entry → what staff receive. */
export function presentBackroomEntry(row: {
  seq: number;
  kind: LiveBackroomEntry['kind'];
  body: string;
  created_at: Date;
  suggestion_id: string | null;
  author_pseudonym: string | null;
}): LiveBackroomEntry {
  return {
    seq: row.seq,
    kind: row.kind,
    at: row.created_at.toISOString(),
    author: row.author_pseudonym,
    body: row.body,
    suggestionId: row.suggestion_id,
  };
}

/** A participant row → what staff see of them in the room (pseudonym and attendance, never identity). */
export function presentRoomParticipant(p: {
  member_id: string;
  pseudonym: string;
  invitation: string;
  attendance: string;
  muted: boolean;
}): LiveRoomParticipant {
  return {
    memberId: p.member_id,
    pseudonym: p.pseudonym,
    invitation: p.invitation,
    attendance: p.attendance,
    muted: p.muted,
  };
}
