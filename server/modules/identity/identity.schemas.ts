import { Type, type Static } from 'typebox';

/** The signed-in account as its owner sees it, with its memberships. */
export const Me = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  email: Type.String(),
  emailVerified: Type.Boolean(),
  locale: Type.Union([Type.Literal('fr'), Type.Literal('en'), Type.Null()]),
  isPlatformAdmin: Type.Boolean(),
  memberships: Type.Array(
    Type.Object({
      id: Type.String(),
      communityId: Type.String(),
      communitySlug: Type.String(),
      communityName: Type.String(),
      pseudonym: Type.String(),
      role: Type.String(),
      status: Type.String(),
    }),
  ),
});
/** The signed-in account (type). */
export type MeDto = Static<typeof Me>;

/** What a person may change on their account. */
export const UpdateMeBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    locale: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])),
    phone: Type.Optional(Type.Union([Type.String({ pattern: '^\\+?[0-9 ().-]{6,20}$' }), Type.Null()])),
  },
  { additionalProperties: false },
);

/** Name, email and password fields shared by set-up and admin creation. */
export const Credentials = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  email: Type.String({ format: 'email', maxLength: 254 }),
  password: Type.String({ minLength: 10, maxLength: 128 }),
};
/** The one-time setup form: token plus the first admin’s credentials. */
export const SetupBody = Type.Object(
  { token: Type.String({ minLength: 10, maxLength: 200 }), ...Credentials },
  { additionalProperties: false },
);
/** The admin created by the setup. */
export const SetupResult = Type.Object({ userId: Type.String(), email: Type.String() });
