import { Type, type Static } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });
const Stage = Type.Union([
  Type.Literal('probation'),
  Type.Literal('active'),
  Type.Literal('dormant'),
  Type.Literal('removed'),
]);

/** A staff rating of a member's participation. */
export const RateMemberBody = Type.Object(
  {
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

/** A rating as staff see it, with the pseudonym of the staff member who gave it. */
export const MemberRating = Type.Object({
  id: Uuid,
  rating: Type.Integer(),
  note: Type.String(),
  ratedBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
});
/** A rating (type). */
export type MemberRatingDto = Static<typeof MemberRating>;

/** Why two members look like the same person. */
const DuplicateReason = Type.Union([Type.Literal('email'), Type.Literal('phone'), Type.Literal('profile')]);
/** Another member who looks like the same person, and why. */
export const Duplicate = Type.Object({
  memberId: Uuid,
  pseudonym: Type.String(),
  reasons: Type.Array(DuplicateReason),
});
/** A duplicate (type). */
export type DuplicateDto = Static<typeof Duplicate>;

/** One factor of a reliability score: observed `count` times out of `outOf`, worth `points`. */
export const ReliabilityFactor = Type.Object({
  name: Type.Union([
    Type.Literal('inconsistent'),
    Type.Literal('speeding'),
    Type.Literal('straightLining'),
    Type.Literal('noShows'),
    Type.Literal('ratings'),
  ]),
  count: Type.Integer(),
  outOf: Type.Integer(),
  points: Type.Integer(),
});

/** A member's reliability as staff see it: the score, its factors, the ratings and possible duplicates. */
export const Reliability = Type.Object({
  memberId: Uuid,
  pseudonym: Type.String(),
  panelStage: Stage,
  score: Type.Union([Type.Integer(), Type.Null()]),
  computedAt: Type.Union([DateTime, Type.Null()]),
  threshold: Type.Integer(),
  flagged: Type.Boolean(),
  factors: Type.Array(ReliabilityFactor),
  ratings: Type.Array(MemberRating),
  duplicates: Type.Array(Duplicate),
});
/** A member's reliability (type). */
export type ReliabilityDto = Static<typeof Reliability>;

/** A member flagged for review: a score under the threshold, or a likely duplicate of another member. */
export const FlaggedMember = Type.Object({
  memberId: Uuid,
  pseudonym: Type.String(),
  panelStage: Stage,
  score: Type.Union([Type.Integer(), Type.Null()]),
  lowScore: Type.Boolean(),
  duplicates: Type.Array(Duplicate),
});
/** A flagged member (type). */
export type FlaggedMemberDto = Static<typeof FlaggedMember>;

/** The members flagged for review, lowest scores first, then the duplicates. */
export const FlaggedMemberList = Type.Object({
  threshold: Type.Integer(),
  items: Type.Array(FlaggedMember),
});

/** A community's panel settings. */
export const PanelSettings = Type.Object({
  probationActivities: Type.Integer({ minimum: 1, maximum: 50 }),
  probationDays: Type.Integer({ minimum: 1, maximum: 365 }),
  reviewThreshold: Type.Integer({ minimum: 0, maximum: 100 }),
  speedingPercent: Type.Integer({ minimum: 5, maximum: 90 }),
  /** An active member without any activity for this many days becomes dormant. */
  dormantDays: Type.Integer({ minimum: 14, maximum: 730 }),
});
/** A community's panel settings (type). */
export type PanelSettingsDto = Static<typeof PanelSettings>;

/** New panel settings: any of them. */
export const UpdatePanelSettingsBody = Type.Partial(PanelSettings, { additionalProperties: false });

/** A member on probation and how they are doing. */
export const ProbationMember = Type.Object({
  memberId: Uuid,
  pseudonym: Type.String(),
  startedAt: DateTime,
  activities: Type.Integer(),
  days: Type.Integer(),
  score: Type.Union([Type.Integer(), Type.Null()]),
  /** The probation ended (enough activities or days) and staff have not decided yet. */
  due: Type.Boolean(),
});
/** A member on probation (type). */
export type ProbationMemberDto = Static<typeof ProbationMember>;

/** The members on probation (due ones first) and the probation's length. */
export const ProbationList = Type.Object({
  probationActivities: Type.Integer(),
  probationDays: Type.Integer(),
  items: Type.Array(ProbationMember),
});

/** Staff end a probation: confirm the member (active) or remove them (membership suspended). */
export const DecideProbationBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('confirm'), Type.Literal('remove')]),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

/** One month of the panel's health. */
export const HealthMonth = Type.Object({
  /** `YYYY-MM`. */
  month: Type.String(),
  /** Panel members (not removed) at the end of the month, and those who took part in an activity. */
  members: Type.Integer(),
  participants: Type.Integer(),
  /** Members removed (or whose membership was suspended) during the month. */
  removed: Type.Integer(),
});

/** The panel's health: members by stage, participation and attrition by month, average reliability. */
export const PanelHealth = Type.Object({
  stages: Type.Object({
    probation: Type.Integer(),
    active: Type.Integer(),
    dormant: Type.Integer(),
    removed: Type.Integer(),
  }),
  months: Type.Array(HealthMonth),
  averageReliability: Type.Union([Type.Number(), Type.Null()]),
  scoredMembers: Type.Integer(),
});
/** The panel's health (type). */
export type PanelHealthDto = Static<typeof PanelHealth>;
