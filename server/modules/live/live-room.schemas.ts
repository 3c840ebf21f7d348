import { Type, type Static } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const Seq = Type.Integer({ minimum: 0 });

/** The longest message a participant may write (moderators: 4,000 characters). */
export const PARTICIPANT_MAX_LENGTH = 2000;
/** At most this many room entries per participant in `RATE_WINDOW_SECONDS`. */
export const RATE_LIMIT = 8;
/** The window of the participants' rate limit. */
export const RATE_WINDOW_SECONDS = 15;

/** Every socket message names its session. */
export const SessionRef = Type.Object({ sessionId: Uuid }, { additionalProperties: false });

/** `live.resume` and `live.backroom.resume`: what the client has applied so far. */
export const ResumeInput = Type.Object({ sessionId: Uuid, afterSeq: Seq }, { additionalProperties: false });

/**
 * `live.send`: a message, an answer to the current question (`itemId`, with `choice` for choice and
 * rating questions), or a private message (`toMemberId` from the moderator; `private` from a participant,
 * to the moderators). `clientId` makes a resend after a lost acknowledgement harmless.
 */
export const SendInput = Type.Object(
  {
    sessionId: Uuid,
    clientId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
    body: Type.Optional(Type.String({ maxLength: 4000 })),
    replyToSeq: Type.Optional(Type.Integer({ minimum: 1 })),
    itemId: Type.Optional(Uuid),
    choice: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 20 }),
    ),
    toMemberId: Type.Optional(Uuid),
    private: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
/** `live.send` (type). */
export type SendInputType = Static<typeof SendInput>;

/** `live.react`. */
export const ReactInput = Type.Object(
  {
    sessionId: Uuid,
    seq: Type.Integer({ minimum: 1 }),
    reaction: Type.Union(
      ['agree', 'disagree', 'like', 'laugh', 'surprised', 'sad'].map((r) => Type.Literal(r)),
      { 'x-message': 'validation.invalidChoice' },
    ),
  },
  { additionalProperties: false },
);

/** `live.admit`: some waiting participants, or all of them. */
export const AdmitInput = Type.Object(
  {
    sessionId: Uuid,
    memberIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 400, uniqueItems: true })),
    all: Type.Optional(Type.Literal(true)),
  },
  { additionalProperties: false },
);

/** `live.dismiss`, `live.remove`: one participant. `live.mute`: one participant, muted or not. */
export const MemberInput = Type.Object(
  { sessionId: Uuid, memberId: Uuid, muted: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

/** `live.item.send` (with the text as edited before sending) and `live.item.skip`. */
export const ItemInput = Type.Object(
  { sessionId: Uuid, itemId: Uuid, body: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })) },
  { additionalProperties: false },
);

/** `live.tally.show`: whether participants see a question's tally. */
export const TallyInput = Type.Object(
  { sessionId: Uuid, itemId: Uuid, show: Type.Boolean() },
  { additionalProperties: false },
);

/** `live.delete`: one room entry. */
export const DeleteInput = Type.Object(
  { sessionId: Uuid, seq: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

/** `live.backroom.send` and `live.suggest`. */
export const BackroomInput = Type.Object(
  { sessionId: Uuid, body: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);

/** `live.suggestion.decide`: approve (optionally edited) or reject. */
export const DecideInput = Type.Object(
  {
    sessionId: Uuid,
    suggestionId: Uuid,
    decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
    body: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
  },
  { additionalProperties: false },
);

/** `live.profile`: the participant whose profile the moderator opens. */
export const MemberRef = Type.Object({ sessionId: Uuid, memberId: Uuid }, { additionalProperties: false });
