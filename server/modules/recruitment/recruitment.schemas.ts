import { Type, type Static } from 'typebox';
import { Page, PageQuery } from '../../platform/http/pagination.ts';
import { AnswerCondition, SurveyDefinition } from '../research/survey-definition.ts';

const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);
const Key = Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-zA-Z0-9_-]+$' });

/** The purposes an applicant consents to; `participation` is required to apply. */
export const CONSENT_PURPOSES = [
  'participation',
  'contact_email',
  'contact_sms',
  'quotes',
  'client_viewing',
] as const;
/** One consent purpose. */
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
const Purpose = Type.Union([
  Type.Literal('participation'),
  Type.Literal('contact_email'),
  Type.Literal('contact_sms'),
  Type.Literal('quotes'),
  Type.Literal('client_viewing'),
]);

/** Path parameters: a community and a campaign. */
export const CampaignParams = Type.Object({
  community: Type.String({ minLength: 1, maxLength: 60 }),
  campaignId: Uuid,
});
/** Path parameters: a community and an application. */
export const ApplicationParams = Type.Object({
  community: Type.String({ minLength: 1, maxLength: 60 }),
  applicationId: Uuid,
});
/** Path parameter: a campaign's public link token. */
export const LinkParams = Type.Object({ token: Type.String({ minLength: 8, maxLength: 64 }) });

/** A screening rule: when the condition holds, the applicant is qualified or disqualified (first match). */
export const ScreeningRule = Type.Object(
  { if: AnswerCondition, then: Type.Union([Type.Literal('qualify'), Type.Literal('disqualify')]) },
  { additionalProperties: false },
);
/** A screening rule (type). */
export type ScreeningRuleInput = Static<typeof ScreeningRule>;

/**
 * A quota over one choice of a screener question: at most `max` qualified applicants, or at most `share`
 * percent of the campaign's target, may have chosen it.
 */
export const Quota = Type.Object(
  {
    question: Key,
    // A malformed id cannot name a choice: said as such, next to the field.
    option: Type.String({
      minLength: 1,
      maxLength: 40,
      pattern: '^[a-zA-Z0-9_-]+$',
      'x-message': 'validation.invalidChoice',
    }),
    max: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
    share: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
/** A quota (type). */
export type QuotaInput = Static<typeof Quota>;

/** A screener question whose answer becomes a profile attribute's value on admission. */
export const AttributeMapping = Type.Object(
  { question: Key, attributeId: Uuid },
  { additionalProperties: false },
);
/** A mapping (type). */
export type AttributeMappingInput = Static<typeof AttributeMapping>;

/** A new campaign: its screener, rules, quotas, mapping, target size and invitation lifetime. */
export const CreateCampaignBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    screener: SurveyDefinition,
    rules: Type.Optional(Type.Array(ScreeningRule, { maxItems: 50 })),
    quotas: Type.Optional(Type.Array(Quota, { maxItems: 50 })),
    attributeMap: Type.Optional(Type.Array(AttributeMapping, { maxItems: 50 })),
    target: Type.Integer({ minimum: 1, maximum: 100_000 }),
    invitationDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
  },
  { additionalProperties: false },
);
/** A new campaign (type). */
export type CreateCampaignInput = Static<typeof CreateCampaignBody>;

/**
 * A campaign edited (staff): the same fields as a new one, replacing them, and whether its link still takes
 * applications. Its applications stay; their quota cells are recounted with the new quotas.
 */
export const UpdateCampaignBody = Type.Object(
  { ...CreateCampaignBody.properties, open: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

/** How full one quota cell is. */
export const QuotaFill = Type.Object({
  question: Type.String(),
  option: Type.String(),
  limit: Type.Integer(),
  filled: Type.Integer(),
});

/** A campaign as staff see it. */
export const Campaign = Type.Object({
  id: Uuid,
  name: Type.String(),
  token: Type.String(),
  screener: SurveyDefinition,
  rules: Type.Array(ScreeningRule),
  quotas: Type.Array(Quota),
  attributeMap: Type.Array(AttributeMapping),
  target: Type.Integer(),
  invitationDays: Type.Integer(),
  open: Type.Boolean(),
  quotaFill: Type.Array(QuotaFill),
  createdAt: DateTime,
});
/** A campaign (type). */
export type CampaignDto = Static<typeof Campaign>;

/** The campaigns of a community. */
export const CampaignList = Type.Object({ items: Type.Array(Campaign) });

const LocalizedText = Type.Object(
  { en: Type.String({ minLength: 1, maxLength: 4000 }), fr: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);
/** A new version of the community's consent texts, one per purpose, in English and French. */
export const ConsentTextsBody = Type.Object(
  {
    participation: LocalizedText,
    contact_email: LocalizedText,
    contact_sms: LocalizedText,
    quotes: LocalizedText,
    client_viewing: LocalizedText,
  },
  { additionalProperties: false },
);
/** Consent texts (type). */
export type ConsentTextsInput = Static<typeof ConsentTextsBody>;

/** One purpose's text in the reader's language. */
export const ConsentText = Type.Object({ purpose: Purpose, text: Type.String() });
/** The consent texts in force: their version (0 for Cercle's defaults) and one text per purpose. */
export const ConsentTexts = Type.Object({ version: Type.Integer(), texts: Type.Array(ConsentText) });
/** Consent texts (DTO type). */
export type ConsentTextsDto = Static<typeof ConsentTexts>;

/** What anyone with the link sees: the community, the screener and the consent texts. */
export const PublicCampaign = Type.Object({
  name: Type.String(),
  communityName: Type.String(),
  communitySlug: Type.String(),
  open: Type.Boolean(),
  screener: SurveyDefinition,
  consent: ConsentTexts,
});
/** A public campaign (type). */
export type PublicCampaignDto = Static<typeof PublicCampaign>;

/** An application: screener answers, phone, pseudonym, consents and an optional invitation token. */
export const ApplyBody = Type.Object(
  {
    answers: Type.Record(Type.String(), Type.Unknown()),
    phone: Type.String({ minLength: 6, maxLength: 30 }),
    pseudonym: Type.String({
      minLength: 3,
      maxLength: 30,
      pattern: '^[\\p{L}\\p{N}._-]{3,30}$',
      'x-message': 'validation.pseudonymFormat',
    }),
    consents: Type.Array(Purpose, { maxItems: CONSENT_PURPOSES.length, uniqueItems: true }),
    invitation: Type.Optional(Type.String({ minLength: 8, maxLength: 64 })),
  },
  { additionalProperties: false },
);
/** An application (input type). */
export type ApplyInput = Static<typeof ApplyBody>;

/** The lifecycle stages, from invitation to removal. */
export const STAGES = [
  'disqualified',
  'over_quota',
  'qualified',
  'email_confirmed',
  'phone_validated',
  'waitlisted',
  'offered',
  'probation',
  'active',
  'dormant',
  'removed',
] as const;
/** One lifecycle stage. */
export type Stage = (typeof STAGES)[number];
const StageSchema = Type.Union([
  Type.Literal('disqualified'),
  Type.Literal('over_quota'),
  Type.Literal('qualified'),
  Type.Literal('email_confirmed'),
  Type.Literal('phone_validated'),
  Type.Literal('waitlisted'),
  Type.Literal('offered'),
  Type.Literal('probation'),
  Type.Literal('active'),
  Type.Literal('dormant'),
  Type.Literal('removed'),
]);

/** One application as its applicant sees it: where it stands and what comes next. */
export const OwnApplication = Type.Object({
  id: Uuid,
  /** The campaign link's token: where the applicant follows their application. */
  link: Type.String(),
  communityName: Type.String(),
  communitySlug: Type.String(),
  stage: StageSchema,
  emailConfirmed: Type.Boolean(),
  phoneValidated: Type.Boolean(),
  phoneCodeSent: Type.Boolean(),
  waitlistPosition: Type.Union([Type.Integer(), Type.Null()]),
  offerExpiresAt: NullableDateTime,
  appliedAt: DateTime,
});
/** An own application (type). */
export type OwnApplicationDto = Static<typeof OwnApplication>;

/** One application as staff see it. */
export const Application = Type.Object({
  id: Uuid,
  campaignId: Uuid,
  name: Type.String(),
  email: Type.String(),
  phone: Type.String(),
  pseudonym: Type.String(),
  stage: StageSchema,
  answers: Type.Record(Type.String(), Type.Unknown()),
  emailConfirmedAt: NullableDateTime,
  phoneValidatedAt: NullableDateTime,
  phoneMethod: Type.Union([Type.Literal('sms'), Type.Literal('call'), Type.Null()]),
  phoneNote: Type.Union([Type.String(), Type.Null()]),
  waitlistPosition: Type.Union([Type.Integer(), Type.Null()]),
  memberId: Type.Union([Uuid, Type.Null()]),
  decisionNote: Type.Union([Type.String(), Type.Null()]),
  appliedAt: DateTime,
});
/** An application (staff type). */
export type ApplicationDto = Static<typeof Application>;

/** Filters of the staff list: a lifecycle stage and a campaign. */
export const ListApplicationsQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Union([
        Type.Literal('qualified'),
        Type.Literal('disqualified'),
        Type.Literal('over_quota'),
        Type.Literal('waitlisted'),
        Type.Literal('offered'),
        Type.Literal('admitted'),
      ]),
    ),
    campaign: Type.Optional(Uuid),
    ...PageQuery,
  },
  { additionalProperties: false },
);
/** A page of a community's applications (newest first; the waitlist in its order) and the next cursor. */
export const ApplicationList = Page(Application);

/** A staff decision: qualify (over a screener or quota verdict), disqualify, or record a phone call. */
export const DecideBody = Type.Object(
  {
    decision: Type.Union([
      Type.Literal('qualify'),
      Type.Literal('disqualify'),
      Type.Literal('phone_validated'),
    ]),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    /** With `qualify`: qualify even though a quota cell of the applicant is full (deliberate, audited). */
    overrideQuota: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
/** A decision (type). */
export type DecideInput = Static<typeof DecideBody>;

/** A token from an email link (double opt-in or seat offer). */
export const TokenBody = Type.Object(
  { token: Type.String({ minLength: 8, maxLength: 64 }) },
  { additionalProperties: false },
);
/** An empty request body (asking for a new SMS code). */
export const NoBody = Type.Object({}, { additionalProperties: false });

/** The SMS code the applicant received. */
export const PhoneCodeBody = Type.Object(
  {
    code: Type.String({
      minLength: 6,
      maxLength: 6,
      pattern: '^[0-9]{6}$',
      'x-message': 'recruitment.validation.code',
    }),
  },
  { additionalProperties: false },
);

/** One consent as the member sees it in their profile: the text they accepted, whether, and when. */
export const MyConsent = Type.Object({
  purpose: Purpose,
  text: Type.String(),
  accepted: Type.Boolean(),
});
/** What the member accepted when they applied. */
export const MyConsents = Type.Object({
  version: Type.Integer(),
  acceptedAt: DateTime,
  items: Type.Array(MyConsent),
});
/** The member's consents (type). */
export type MyConsentsDto = Static<typeof MyConsents>;

/** Which CSV column holds each field (by header name); only the email is required. */
export const ContactMapping = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 100 }),
    phone: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    locale: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);

/**
 * A batch of customer contacts: CSV text with its header line (at most 500 rows; the web page sends a
 * large file in batches and shows the progress), the column mapping, the language of rows without one,
 * and `preview` to see what would happen without inviting anyone. `firstLine` numbers the rows of a batch.
 */
export const ImportContactsBody = Type.Object(
  {
    csv: Type.String({ minLength: 1, maxLength: 500_000 }),
    mapping: ContactMapping,
    defaultLocale: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])),
    preview: Type.Optional(Type.Boolean()),
    firstLine: Type.Optional(Type.Integer({ minimum: 2, maximum: 10_000_000 })),
  },
  { additionalProperties: false },
);
/** A batch of contacts (type). */
export type ImportContactsInput = Static<typeof ImportContactsBody>;

/** What happened to one row: invited (or would be, in a preview), a duplicate, or an error. */
export const ContactRowResult = Type.Object({
  line: Type.Integer(),
  email: Type.String(),
  outcome: Type.Union([Type.Literal('invited'), Type.Literal('duplicate'), Type.Literal('invalid')]),
  problem: Type.Union([Type.String(), Type.Null()]),
});
/** The outcome of a batch: counts and each row's result. */
export const ImportResult = Type.Object({
  preview: Type.Boolean(),
  invited: Type.Integer(),
  duplicates: Type.Integer(),
  invalid: Type.Integer(),
  rows: Type.Array(ContactRowResult),
});
/** The outcome of a batch (type). */
export type ImportResultDto = Static<typeof ImportResult>;

/** The SMS outbox as platform admins read it: the provider in use and the latest messages. */
export const SmsList = Type.Object({
  provider: Type.String(),
  items: Type.Array(
    Type.Object({
      id: Uuid,
      to: Type.String(),
      text: Type.String(),
      kind: Type.String(),
      status: Type.Union([
        Type.Literal('captured'),
        Type.Literal('queued'),
        Type.Literal('sent'),
        Type.Literal('failed'),
      ]),
      /** Delivery tries through the provider, and the last error (why it is not sent yet, or failed). */
      attempts: Type.Integer(),
      error: Type.Union([Type.String(), Type.Null()]),
      createdAt: DateTime,
    }),
  ),
});
/** The SMS outbox (type). */
export type SmsListDto = Static<typeof SmsList>;
