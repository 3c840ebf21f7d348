/**
 * The live-session socket protocol, shared by the server and the web (see docs/LIVE-PROTOCOL.md). Every
 * client → server message is acknowledged with a `LiveReply`; server → client events carry the payloads
 * below. Room entries are numbered per session (`seq`): a client keeps the last number it applied and asks
 * for what it missed with `live.resume`.
 */

/** Client → server messages (each acknowledged). */
export const LIVE_REQUESTS = {
  join: 'live.join',
  resume: 'live.resume',
  send: 'live.send',
  react: 'live.react',
  typing: 'live.typing',
  admit: 'live.admit',
  dismiss: 'live.dismiss',
  sendItem: 'live.item.send',
  skipItem: 'live.item.skip',
  reveal: 'live.reveal',
  showTally: 'live.tally.show',
  mute: 'live.mute',
  remove: 'live.remove',
  deleteEntry: 'live.delete',
  end: 'live.end',
  backroomSend: 'live.backroom.send',
  backroomResume: 'live.backroom.resume',
  suggest: 'live.suggest',
  decide: 'live.suggestion.decide',
  profile: 'live.profile',
} as const;

/** Server → client events. */
export const LIVE_EVENTS = {
  /** Room entries (one or several, in any order; apply them through a sequencer). */
  entries: 'live.entries',
  /** The viewer was admitted from the lobby (participants). */
  admitted: 'live.admitted',
  /** The viewer was dismissed from the lobby or removed from the room (participants). */
  excluded: 'live.excluded',
  /** The viewer was muted or unmuted (participants). */
  muted: 'live.muted',
  /** The session ended: a thank-you, then no more entries. */
  ended: 'live.ended',
  /** Someone is typing in the room. */
  typing: 'live.typing',
  /** Reaction counts of one entry changed. */
  reactions: 'live.reactions',
  /** The tally of a choice or rating question (staff; participants when the moderator shows it). */
  tally: 'live.tally',
  /** Staff only: the participants with their attendance (the lobby and who is in the room). */
  participants: 'live.participants',
  /** Staff only: the guide items' states changed. */
  guide: 'live.guide',
  /** Staff only: backroom entries. */
  backroom: 'live.backroom',
} as const;

/** What `live.profile` answers: a participant's pseudonym and the profile attributes the moderator may read. */
export interface LiveParticipantProfile {
  memberId: string;
  pseudonym: string;
  fields: { key: string; label: string; visibility: string; value: unknown }[];
}

/** The acknowledgement of every client message. */
export type LiveReply<T = Record<string, never>> =
  | ({ ok: true } & T)
  | {
      ok: false;
      code: string;
      message: string;
      fields?: { path: string; message: string }[];
      retryAfter?: number;
    };

/** Who wrote an entry, as the room shows it: a participant's pseudonym, or "the moderator". */
export interface LiveAuthor {
  role: 'participant' | 'moderator' | 'system';
  /** The participant's membership id (null for the moderator and the system). */
  memberId: string | null;
  pseudonym: string | null;
}

/** A stimulus's media file as the room shows it (served to the session's people only). */
export interface LiveMedia {
  id: string;
  kind: 'image' | 'logo' | 'video' | 'audio';
  url: string;
  contentType: string;
  alt: string;
  width: number | null;
  height: number | null;
}

/** A guide item as the room sees it once sent. */
export interface LiveItemFacts {
  kind: 'question' | 'probe' | 'stimulus' | 'note';
  questionType: 'open' | 'single' | 'multiple' | 'rating' | null;
  options: string[];
  blind: boolean;
  /** The media a stimulus shows (null otherwise). */
  media: LiveMedia | null;
}

/** A numbered room entry as one viewer may see it. */
export interface LiveEntry {
  seq: number;
  kind: 'message' | 'answer' | 'item' | 'private' | 'deletion' | 'reveal' | 'end' | 'hidden';
  at: string;
  /** True when the viewer may not see this entry's content (yet): a blind answer or someone's private message. */
  hidden: boolean;
  author: LiveAuthor | null;
  body: string | null;
  itemId: string | null;
  item: LiveItemFacts | null;
  choice: string[] | null;
  replyToSeq: number | null;
  targetSeq: number | null;
  /** The participant of a private exchange (shown to staff and to that participant only). */
  privateWith: { memberId: string; pseudonym: string } | null;
  deleted: boolean;
  reactions: Record<string, number>;
}

/** A backroom entry (staff only). */
export interface LiveBackroomEntry {
  seq: number;
  kind: 'message' | 'suggestion' | 'approved' | 'rejected';
  at: string;
  author: string | null;
  body: string;
  suggestionId: string | null;
}

/** A participant as staff see them in the room's side panel. */
export interface LiveRoomParticipant {
  memberId: string;
  pseudonym: string;
  invitation: string;
  attendance: string;
  muted: boolean;
}

/** The tally of a choice or rating question. */
export interface LiveTally {
  itemId: string;
  counts: Record<string, number>;
  answers: number;
  /** Sent to participants when the moderator hides the tally again: take it away. */
  hidden?: true;
}

/** What `live.join` answers. */
export interface LiveJoinState {
  role: 'moderator' | 'observer' | 'participant';
  memberId: string | null;
  /** The participant's own pseudonym (null for staff: the room never names them). */
  pseudonym: string | null;
  attendance: string | null;
  muted: boolean;
  status: string;
  title: string;
  startsAt: string;
  lobbyOpensAt: string;
  lastSeq: number;
  backroomLastSeq: number | null;
  /** Staff only: the participants with their attendance (null for participants). */
  participants: LiveRoomParticipant[] | null;
  /** The tallies the viewer may see now (participants: those the moderator shows; staff: none, they follow). */
  tallies: LiveTally[];
}
