import { Type, type Static } from 'typebox';

const pseudonym = Type.String({
  minLength: 3,
  maxLength: 30,
  pattern: '^[\\p{L}\\p{N}._-]{3,30}$',
  'x-message': 'validation.pseudonymFormat',
});
/** A community role. */
export const Role = Type.Union([
  Type.Literal('member'),
  Type.Literal('expert'),
  Type.Literal('moderator'),
  Type.Literal('observer'),
  Type.Literal('admin'),
]);
/** A membership status. */
export const Status = Type.Union([
  Type.Literal('active'),
  Type.Literal('pending'),
  Type.Literal('suspended'),
]);

/** Joining: the pseudonym and, for invitation-only communities, the code. */
export const JoinBody = Type.Object(
  { pseudonym, invitationCode: Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) },
  { additionalProperties: false },
);
/** Query of the pseudonym check: the candidate, and an invitation code for a hidden community. */
export const PseudonymQuery = Type.Object({
  pseudonym: Type.String({ minLength: 1, maxLength: 100 }),
  invitationCode: Type.Optional(Type.String({ maxLength: 100 })),
});
/** Whether a pseudonym is well-formed and free. */
export const PseudonymAvailability = Type.Object({
  pseudonym: Type.String(),
  valid: Type.Boolean(),
  available: Type.Boolean(),
});

/** Path parameters of one member: the community (id or slug) and the member id. */
export const MemberParams = Type.Object({
  community: Type.String({ minLength: 1, maxLength: 60 }),
  memberId: Type.String({ format: 'uuid' }),
});
/** A role and/or status change. */
export const UpdateMemberBody = Type.Object(
  { role: Type.Optional(Role), status: Type.Optional(Status) },
  { additionalProperties: false, minProperties: 1 },
);
/** Input of updateMember. */
export type UpdateMemberInput = Static<typeof UpdateMemberBody>;

/** A member as anyone allowed to read the directory sees them: pseudonym, role badge, never identity. */
export const Member = Type.Object({
  id: Type.String({ format: 'uuid' }),
  pseudonym: Type.String(),
  role: Role,
  /** The member's rank name (points area), null before any. */
  rank: Type.Union([Type.String(), Type.Null()]),
  status: Status,
  bio: Type.String(),
  joinedAt: Type.String({ format: 'date-time' }),
});
/** A member as the directory shows them (type). */
export type MemberDto = Static<typeof Member>;

/** A member's real identity: only for staff with the right, and every read is logged. */
export const MemberIdentity = Type.Object({
  memberId: Type.String({ format: 'uuid' }),
  name: Type.String(),
  email: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
});
/** A member’s real identity (type). */
export type MemberIdentityDto = Static<typeof MemberIdentity>;

/** Why the identity is read (written to the access log). */
export const IdentityQuery = Type.Object({ purpose: Type.Optional(Type.String({ maxLength: 200 })) });

/** Filters and pagination of the member directory. */
export const ListMembersQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  role: Type.Optional(Role),
  status: Type.Optional(Status),
  q: Type.Optional(Type.String({ maxLength: 30 })),
});

/** One identity read: when, by whom, about whom, which fields. */
export const AccessLogEntry = Type.Object({
  id: Type.String({ format: 'uuid' }),
  createdAt: Type.String({ format: 'date-time' }),
  actor: Type.Object({
    userId: Type.String(),
    name: Type.String(),
    pseudonym: Type.Union([Type.String(), Type.Null()]),
  }),
  subject: Type.Object({ memberId: Type.String(), pseudonym: Type.String() }),
  fields: Type.Array(Type.String()),
  purpose: Type.String(),
});
/** One access-log entry (type). */
export type AccessLogEntryDto = Static<typeof AccessLogEntry>;

/** An invitation: optionally bound to an email, valid for some days. */
export const CreateInvitationBody = Type.Object(
  {
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, default: 14 })),
  },
  { additionalProperties: false },
);
/** A created invitation: the code and link are returned once and never again. */
export const Invitation = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String(),
  url: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  expiresAt: Type.String({ format: 'date-time' }),
});
/** A created invitation (type). */
export type InvitationDto = Static<typeof Invitation>;
