import { Type, type Static } from 'typebox';

const Hex = (message: 'validation.colorFormat') =>
  Type.String({ pattern: '^#[0-9a-fA-F]{6}$', 'x-message': message, examples: ['#1f5f8b'] });

/** Fields a platform admin sets when creating a community. */
export const CreateCommunityBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 80 }),
    slug: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$', 'x-message': 'validation.slugFormat' }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    defaultLocale: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])),
    visibility: Type.Optional(
      Type.Union([Type.Literal('public'), Type.Literal('private'), Type.Literal('hidden')]),
    ),
    joinPolicy: Type.Optional(
      Type.Union([Type.Literal('open'), Type.Literal('approval'), Type.Literal('invitation')]),
    ),
    memberCap: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 1_000_000 }), Type.Null()])),
    logoUrl: Type.Optional(
      Type.Union([
        Type.String({
          format: 'uri',
          pattern: '^https?://',
          maxLength: 500,
          'x-message': 'validation.invalidUrl',
        }),
        Type.Null(),
      ]),
    ),
    primaryColor: Type.Optional(Hex('validation.colorFormat')),
    accentColor: Type.Optional(Hex('validation.colorFormat')),
  },
  { additionalProperties: false },
);
/** Input of createCommunity. */
export type CreateCommunityInput = Static<typeof CreateCommunityBody>;

/** Fields an admin may change; all optional, `slug` included. */
export const UpdateCommunityBody = Type.Partial(CreateCommunityBody, { additionalProperties: false });
/** Input of updateCommunity. */
export type UpdateCommunityInput = Static<typeof UpdateCommunityBody>;

/** Path parameter: a community id or slug. */
export const CommunityParams = Type.Object({ community: Type.String({ minLength: 1, maxLength: 60 }) });

const Role = Type.Union([
  Type.Literal('member'),
  Type.Literal('expert'),
  Type.Literal('moderator'),
  Type.Literal('observer'),
  Type.Literal('admin'),
]);
const Status = Type.Union([Type.Literal('active'), Type.Literal('pending'), Type.Literal('suspended')]);

/** The viewer's membership in a community, when they have one. */
export const ViewerMembership = Type.Union([
  Type.Object({ id: Type.String(), pseudonym: Type.String(), role: Role, status: Status }),
  Type.Null(),
]);

/** A community as the API presents it (the response schema is also the leak guard). */
export const Community = Type.Object({
  id: Type.String({ format: 'uuid' }),
  slug: Type.String(),
  name: Type.String(),
  description: Type.String(),
  defaultLocale: Type.String(),
  visibility: Type.String(),
  joinPolicy: Type.String(),
  memberCap: Type.Union([Type.Integer(), Type.Null()]),
  logoUrl: Type.Union([Type.String(), Type.Null()]),
  primaryColor: Type.String(),
  accentColor: Type.String(),
  membersCount: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  viewerMembership: ViewerMembership,
  abilities: Type.Record(Type.String(), Type.Boolean()),
});
/** A community as the API returns it. */
export type CommunityDto = Static<typeof Community>;
/**
 * A community as a web page's layout holds it: `membersCount` is null on the pages that do not show it
 * (counting visits every active membership; see `getCommunityPage`).
 */
export type CommunityPageDto = Omit<CommunityDto, 'membersCount'> & { membersCount: number | null };
