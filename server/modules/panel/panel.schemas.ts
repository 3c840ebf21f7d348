import { Type, type Static } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const IsoDate = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  format: 'date',
  'x-message': 'research.validation.date',
});

/** Path parameters: a community and a segment id. */
export const SegmentParams = Type.Object({
  community: Type.String({ minLength: 1, maxLength: 60 }),
  segmentId: Uuid,
});
/** Path parameters: a community and a member id. */
export const ProfileParams = Type.Object({
  community: Type.String({ minLength: 1, maxLength: 60 }),
  memberId: Uuid,
});

/** The kinds of profile attribute. */
export const AttributeKindSchema = Type.Union([
  Type.Literal('text'),
  Type.Literal('number'),
  Type.Literal('date'),
  Type.Literal('single_choice'),
  Type.Literal('multiple_choice'),
]);
/** Who fills and reads an attribute besides staff (see docs/ARCHITECTURE.md, "panel/"). */
export const AttributeVisibilitySchema = Type.Union([
  Type.Literal('member_editable'),
  Type.Literal('staff_only'),
  Type.Literal('observer_visible'),
]);

const AttributeOption = Type.Object(
  {
    value: Type.String({ minLength: 1, maxLength: 60, pattern: '^[a-z0-9][a-z0-9_-]*$' }),
    label: Type.String({ minLength: 1, maxLength: 120 }),
  },
  { additionalProperties: false },
);

/** A new profile attribute (options only for the choice kinds). */
export const CreateAttributeBody = Type.Object(
  {
    key: Type.String({
      minLength: 1,
      maxLength: 40,
      pattern: '^[a-z][a-z0-9_]*$',
      'x-message': 'research.validation.attributeKey',
    }),
    label: Type.String({ minLength: 1, maxLength: 120 }),
    kind: AttributeKindSchema,
    visibility: AttributeVisibilitySchema,
    options: Type.Optional(Type.Array(AttributeOption, { maxItems: 50 })),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  },
  { additionalProperties: false },
);
/** A new profile attribute (type). */
export type CreateAttributeInput = Static<typeof CreateAttributeBody>;

/** A profile attribute as its viewer may see it. */
export const ProfileAttribute = Type.Object({
  id: Uuid,
  key: Type.String(),
  label: Type.String(),
  kind: AttributeKindSchema,
  visibility: AttributeVisibilitySchema,
  options: Type.Array(Type.Object({ value: Type.String(), label: Type.String() })),
  position: Type.Integer(),
  memberEditable: Type.Boolean(),
});
/** A profile attribute (type). */
export type ProfileAttributeDto = Static<typeof ProfileAttribute>;

/** The attributes a viewer may see, with what they may do. */
export const ProfileAttributeList = Type.Object({
  items: Type.Array(ProfileAttribute),
  abilities: Type.Record(Type.String(), Type.Boolean()),
});

/** One stored value: text, number, date (`YYYY-MM-DD`), a choice or several. */
export const AttributeValue = Type.Union([
  Type.String({ maxLength: 500 }),
  Type.Number(),
  Type.Array(Type.String({ maxLength: 60 }), { maxItems: 50 }),
]);

/** New values of a member's profile by attribute id; null clears a value. */
export const UpdateProfileBody = Type.Object(
  {
    values: Type.Record(Type.String({ format: 'uuid' }), Type.Union([AttributeValue, Type.Null()]), {
      maxProperties: 100,
    }),
  },
  { additionalProperties: false },
);

/** A member's profile as the viewer may see it: each visible attribute with its value. */
export const MemberProfile = Type.Object({
  memberId: Uuid,
  fields: Type.Array(
    Type.Object({
      attribute: ProfileAttribute,
      value: Type.Union([AttributeValue, Type.Null()]),
      editable: Type.Boolean(),
    }),
  ),
});
/** A member's profile (type). */
export type MemberProfileDto = Static<typeof MemberProfile>;

const AttributeCondition = Type.Object(
  {
    type: Type.Literal('attribute'),
    attributeId: Uuid,
    op: Type.Union([
      Type.Literal('eq'),
      Type.Literal('neq'),
      Type.Literal('contains'),
      Type.Literal('gt'),
      Type.Literal('gte'),
      Type.Literal('lt'),
      Type.Literal('lte'),
      Type.Literal('any_of'),
      Type.Literal('is_set'),
      Type.Literal('not_set'),
    ]),
    value: Type.Optional(
      Type.Union([
        Type.String({ maxLength: 200 }),
        Type.Number(),
        Type.Array(Type.String({ maxLength: 60 }), { minItems: 1, maxItems: 50 }),
      ]),
    ),
  },
  { additionalProperties: false },
);
const StatusCondition = Type.Object(
  {
    type: Type.Literal('status'),
    in: Type.Array(Type.Union([Type.Literal('active'), Type.Literal('pending'), Type.Literal('suspended')]), {
      minItems: 1,
      maxItems: 3,
      uniqueItems: true,
    }),
  },
  { additionalProperties: false },
);
const RoleCondition = Type.Object(
  {
    type: Type.Literal('role'),
    in: Type.Array(
      Type.Union([
        Type.Literal('member'),
        Type.Literal('expert'),
        Type.Literal('moderator'),
        Type.Literal('observer'),
        Type.Literal('admin'),
      ]),
      { minItems: 1, maxItems: 5, uniqueItems: true },
    ),
  },
  { additionalProperties: false },
);
const JoinedCondition = Type.Object(
  {
    type: Type.Literal('joined'),
    op: Type.Union([Type.Literal('before'), Type.Literal('after')]),
    date: IsoDate,
  },
  { additionalProperties: false },
);
const ActivityCondition = Type.Object(
  {
    type: Type.Literal('activity'),
    op: Type.Union([Type.Literal('active_within'), Type.Literal('inactive_for')]),
    days: Type.Integer({ minimum: 1, maximum: 3650 }),
  },
  { additionalProperties: false },
);

/** The reliability score (issue 5, point 7): at least, or under, a value (unscored members match neither). */
const ReliabilityCondition = Type.Object(
  {
    type: Type.Literal('reliability'),
    op: Type.Union([Type.Literal('gte'), Type.Literal('lt')]),
    score: Type.Integer({ minimum: 0, maximum: 100 }),
  },
  { additionalProperties: false },
);

/** One condition of a segment. */
export const SegmentCondition = Type.Union([
  AttributeCondition,
  StatusCondition,
  RoleCondition,
  JoinedCondition,
  ActivityCondition,
  ReliabilityCondition,
]);
/** One condition of a segment (type). */
export type SegmentConditionInput = Static<typeof SegmentCondition>;

/**
 * A segment's filter: members matching all (or any) of the conditions. No condition matches every
 * member. Activity is a topic, a reply or a completed survey within the period; reliability compares
 * `memberships.reliability_score`.
 */
export const SegmentFilter = Type.Object(
  {
    match: Type.Union([Type.Literal('all'), Type.Literal('any')]),
    conditions: Type.Array(SegmentCondition, { maxItems: 20 }),
  },
  { additionalProperties: false },
);
/** A segment's filter (type). */
export type SegmentFilterInput = Static<typeof SegmentFilter>;

/** A new segment. */
export const CreateSegmentBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 120 }), filter: SegmentFilter },
  { additionalProperties: false },
);

/** A filter to count while it is being edited. */
export const PreviewSegmentBody = Type.Object({ filter: SegmentFilter }, { additionalProperties: false });

/** A saved segment with its live size. */
export const Segment = Type.Object({
  id: Uuid,
  name: Type.String(),
  filter: SegmentFilter,
  size: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
});
/** A segment (type). */
export type SegmentDto = Static<typeof Segment>;

/** How many members a segment holds now. */
export const SegmentSize = Type.Object({ size: Type.Integer() });

/** A community's segments. */
export const SegmentList = Type.Object({ items: Type.Array(Segment) });
