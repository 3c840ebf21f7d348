import { MediaFileSchema } from '../../platform/http/media-http.ts';
import { Type, type Static } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const Community = Type.String({ minLength: 1, maxLength: 60 });

/** The most participants a large text session holds, and the default. */
export const LIVE_CAPACITY = { min: 2, max: 200, default: 12 } as const;
/** How many invitations a session takes beyond its capacity (over-recruitment): twice the capacity. */
export const OVER_RECRUITMENT_FACTOR = 2;

/** Path parameters: a community and a live session. */
export const LiveSessionParams = Type.Object({ community: Community, sessionId: Uuid });
/** Path parameters: a community, a live session and one of its media files. */
export const LiveMediaParams = Type.Object({
  community: Community,
  sessionId: Uuid,
  mediaId: Type.String({ maxLength: 60 }),
});

/** A new live session. Moderators and observers are members (ids) of the community's staff. */
export const CreateLiveSessionBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    objectives: Type.Optional(Type.String({ maxLength: 5000 })),
    startsAt: Type.String({ format: 'date-time' }),
    durationMinutes: Type.Integer({ minimum: 10, maximum: 480 }),
    capacity: Type.Optional(Type.Integer({ minimum: LIVE_CAPACITY.min, maximum: LIVE_CAPACITY.max })),
    lobbyMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
    moderatorIds: Type.Optional(Type.Array(Uuid, { maxItems: 10, uniqueItems: true })),
    observerIds: Type.Optional(Type.Array(Uuid, { maxItems: 50, uniqueItems: true })),
  },
  { additionalProperties: false },
);
/** A new live session (type). */
export type CreateLiveSessionInput = Static<typeof CreateLiveSessionBody>;

/** Changes to a session: any of its settings, or its staff lists (replaced whole). */
export const UpdateLiveSessionBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    objectives: Type.Optional(Type.String({ maxLength: 5000 })),
    startsAt: Type.Optional(Type.String({ format: 'date-time' })),
    durationMinutes: Type.Optional(Type.Integer({ minimum: 10, maximum: 480 })),
    capacity: Type.Optional(Type.Integer({ minimum: LIVE_CAPACITY.min, maximum: LIVE_CAPACITY.max })),
    lobbyMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
    moderatorIds: Type.Optional(Type.Array(Uuid, { maxItems: 10, uniqueItems: true })),
    observerIds: Type.Optional(Type.Array(Uuid, { maxItems: 50, uniqueItems: true })),
    status: Type.Optional(Type.Literal('cancelled')),
  },
  { additionalProperties: false, minProperties: 1 },
);
/** Changes to a session (type). */
export type UpdateLiveSessionInput = Static<typeof UpdateLiveSessionBody>;

/** A guide item as written by staff; `id` keeps an existing item (sent items must stay as they are). */
export const GuideItemInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    kind: Type.Union([
      Type.Literal('question'),
      Type.Literal('probe'),
      Type.Literal('stimulus'),
      Type.Literal('note'),
    ]),
    questionType: Type.Optional(
      Type.Union([
        Type.Literal('open'),
        Type.Literal('single'),
        Type.Literal('multiple'),
        Type.Literal('rating'),
      ]),
    ),
    body: Type.String({ minLength: 1, maxLength: 4000 }),
    options: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 20 })),
    blind: Type.Optional(Type.Boolean()),
    /** A stimulus's media file (uploaded to the session with `uploadLiveSessionMedia`). */
    mediaId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  },
  { additionalProperties: false },
);
/** A guide item as written by staff (type). */
export type GuideItemInputType = Static<typeof GuideItemInput>;

/** The whole discussion guide, in order: sections with planned durations and their items. */
export const UpdateLiveSessionGuideBody = Type.Object(
  {
    sections: Type.Array(
      Type.Object(
        {
          id: Type.Optional(Uuid),
          title: Type.String({ minLength: 1, maxLength: 200 }),
          plannedMinutes: Type.Integer({ minimum: 0, maximum: 480 }),
          items: Type.Array(GuideItemInput, { maxItems: 100 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 30 },
    ),
  },
  { additionalProperties: false },
);
/** The whole discussion guide (type). */
export type UpdateLiveSessionGuideInput = Static<typeof UpdateLiveSessionGuideBody>;

/** Members to invite as participants. */
export const InviteToLiveSessionBody = Type.Object(
  {
    memberIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 400, uniqueItems: true })),
    /** Or a saved segment of the community: its active members (not the session's staff) are invited. */
    segmentId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

/** A participant's answer to an invitation. */
export const RespondToInvitationBody = Type.Object(
  { response: Type.Union([Type.Literal('accepted'), Type.Literal('declined')]) },
  { additionalProperties: false },
);

/** The transcript export formats. */
export const ExportQuery = Type.Object(
  {
    format: Type.Union([Type.Literal('csv'), Type.Literal('markdown'), Type.Literal('json')], {
      'x-message': 'validation.invalidChoice',
    }),
  },
  { additionalProperties: false },
);

/** A stimulus's media file: its URL (session people only), sniffed type, size and alt text. */
export const LiveMediaSchema = MediaFileSchema;

const GuideItem = Type.Object({
  id: Uuid,
  kind: Type.String(),
  questionType: Type.Union([Type.String(), Type.Null()]),
  body: Type.String(),
  options: Type.Array(Type.String()),
  blind: Type.Boolean(),
  state: Type.String(),
  sentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revealedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  tallyShown: Type.Boolean(),
  media: Type.Union([LiveMediaSchema, Type.Null()]),
});
/** A guide section with its items (staff only). */
export const GuideSection = Type.Object({
  id: Uuid,
  title: Type.String(),
  plannedMinutes: Type.Integer(),
  items: Type.Array(GuideItem),
});
/** A guide section (type). */
export type GuideSectionDto = Static<typeof GuideSection>;

/** A session's staff member, as staff see them. */
export const LiveStaffMember = Type.Object({ memberId: Uuid, pseudonym: Type.String(), role: Type.String() });
/** An invited participant, as staff see them. */
export const LiveParticipant = Type.Object({
  memberId: Uuid,
  pseudonym: Type.String(),
  invitation: Type.String(),
  attendance: Type.String(),
  muted: Type.Boolean(),
  respondedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  joinedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  admittedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  leftAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
/** An invited participant (type). */
export type LiveParticipantDto = Static<typeof LiveParticipant>;

/** A live session. Staff lists, participants and the guide are sent to staff only (null otherwise). */
export const LiveSession = Type.Object({
  id: Uuid,
  communityId: Uuid,
  title: Type.String(),
  objectives: Type.String(),
  startsAt: Type.String({ format: 'date-time' }),
  durationMinutes: Type.Integer(),
  capacity: Type.Integer(),
  lobbyMinutes: Type.Integer(),
  lobbyOpensAt: Type.String({ format: 'date-time' }),
  status: Type.String(),
  startedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  endedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  myRole: Type.Union([Type.Literal('moderator'), Type.Literal('observer'), Type.Literal('participant')]),
  invitation: Type.Union([
    Type.Object({ status: Type.String(), respondedAt: Type.Union([Type.String(), Type.Null()]) }),
    Type.Null(),
  ]),
  counts: Type.Object({ invited: Type.Integer(), accepted: Type.Integer(), declined: Type.Integer() }),
  staff: Type.Union([Type.Array(LiveStaffMember), Type.Null()]),
  participants: Type.Union([Type.Array(LiveParticipant), Type.Null()]),
  guide: Type.Union([Type.Array(GuideSection), Type.Null()]),
  abilities: Type.Record(Type.String(), Type.Boolean()),
});
/** A live session (type). */
export type LiveSessionDto = Static<typeof LiveSession>;

/** A session in a list. */
export const LiveSessionSummary = Type.Object({
  id: Uuid,
  title: Type.String(),
  startsAt: Type.String({ format: 'date-time' }),
  durationMinutes: Type.Integer(),
  status: Type.String(),
  myRole: Type.Union([Type.String(), Type.Null()]),
  invitation: Type.Union([Type.String(), Type.Null()]),
});
/** A session in a list (type). */
export type LiveSessionSummaryDto = Static<typeof LiveSessionSummary>;
/** The sessions a viewer sees. */
export const LiveSessionList = Type.Object({ items: Type.Array(LiveSessionSummary) });

/** One room entry of the transcript (staff view: private messages included, deletions kept). */
export const TranscriptEntry = Type.Object({
  seq: Type.Integer(),
  kind: Type.String(),
  at: Type.String({ format: 'date-time' }),
  author: Type.Union([Type.String(), Type.Null()]),
  authorRole: Type.String(),
  body: Type.Union([Type.String(), Type.Null()]),
  itemId: Type.Union([Uuid, Type.Null()]),
  choice: Type.Union([Type.Array(Type.String()), Type.Null()]),
  replyToSeq: Type.Union([Type.Integer(), Type.Null()]),
  privateWith: Type.Union([Type.String(), Type.Null()]),
  deleted: Type.Boolean(),
});
/** One room entry of the transcript (type). */
export type TranscriptEntryDto = Static<typeof TranscriptEntry>;
/** One backroom entry. */
export const BackroomEntry = Type.Object({
  seq: Type.Integer(),
  kind: Type.String(),
  at: Type.String({ format: 'date-time' }),
  author: Type.Union([Type.String(), Type.Null()]),
  body: Type.String(),
});
/** One backroom entry (type). */
export type BackroomEntryDto = Static<typeof BackroomEntry>;

/** An excerpt: the tagged text, where it is in the room, its author's pseudonym. */
export const LiveExcerpt = Type.Object({
  id: Uuid,
  codeId: Uuid,
  seq: Type.Integer(),
  start: Type.Union([Type.Integer(), Type.Null()]),
  end: Type.Union([Type.Integer(), Type.Null()]),
  quote: Type.String(),
  author: Type.Union([Type.String(), Type.Null()]),
});
/** An excerpt (type). */
export type LiveExcerptDto = Static<typeof LiveExcerpt>;
/** A code of the codebook with its excerpts in room order. */
export const LiveCode = Type.Object({
  id: Uuid,
  name: Type.String(),
  colour: Type.String(),
  excerpts: Type.Array(LiveExcerpt),
});
/** A code with its excerpts (type). */
export type LiveCodeDto = Static<typeof LiveCode>;
/** The transcript: the room (with guide-item markers), the answers per question, the backroom apart. */
export const Transcript = Type.Object({
  session: Type.Object({ id: Uuid, title: Type.String(), startsAt: Type.String() }),
  room: Type.Array(TranscriptEntry),
  questions: Type.Array(
    Type.Object({
      itemId: Uuid,
      body: Type.String(),
      answers: Type.Array(
        Type.Object({
          seq: Type.Integer(),
          author: Type.Union([Type.String(), Type.Null()]),
          body: Type.Union([Type.String(), Type.Null()]),
          choice: Type.Union([Type.Array(Type.String()), Type.Null()]),
        }),
      ),
    }),
  ),
  backroom: Type.Array(BackroomEntry),
  /** The session's codebook, each code with its excerpts. */
  codes: Type.Array(LiveCode),
});
/** The transcript (type). */
export type TranscriptDto = Static<typeof Transcript>;

/** A transcript export: its file name, media type and content. */
export const TranscriptExport = Type.String();
