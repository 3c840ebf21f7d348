import { Type, type Static } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });

/** The statuses of a case, in their usual order. */
export const CASE_STATUSES = ['new', 'open', 'waiting_for_member', 'solved'] as const;
/** A case status. */
export const CaseStatusSchema = Type.Union([
  Type.Literal('new'),
  Type.Literal('open'),
  Type.Literal('waiting_for_member'),
  Type.Literal('solved'),
]);

/** Path parameters: a community and a case id. */
export const CaseParams = Type.Object({
  community: Type.String({ minLength: 1, maxLength: 60 }),
  caseId: Uuid,
});
/** Path parameters: a community and a member id. */
export const AgentParams = Type.Object({
  community: Type.String({ minLength: 1, maxLength: 60 }),
  memberId: Uuid,
});

/** Escalating takes no options: an empty JSON object. */
export const EscalateBody = Type.Object({}, { additionalProperties: false });

/** Filters of the case queue (and of CRM synchronisation, with `updatedSince`). */
export const ListCasesQuery = Type.Object(
  {
    status: Type.Optional(CaseStatusSchema),
    /** `me`, `none` (unassigned) or a member id. */
    assignee: Type.Optional(
      Type.String({
        pattern: '^(me|none|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$',
        'x-message': 'validation.invalidChoice',
      }),
    ),
    updatedSince: Type.Optional(Type.String({ format: 'date-time' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
/** Filters of the case queue (type). */
export type ListCasesInput = Static<typeof ListCasesQuery>;

/** Changes to a case: its status, its assignee (null unassigns) and an internal note to add. */
export const UpdateCaseBody = Type.Object(
  {
    status: Type.Optional(CaseStatusSchema),
    assigneeId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 10_000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** An official answer: Markdown, and the status the case takes (waiting for the member by default). */
export const OfficialAnswerBody = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: 50_000 }),
    status: Type.Optional(Type.Union([Type.Literal('waiting_for_member'), Type.Literal('solved')])),
  },
  { additionalProperties: false },
);

/** Grant or revoke the support-agent ability. */
export const SupportAgentBody = Type.Object({ agent: Type.Boolean() }, { additionalProperties: false });
/** A member's support-agent ability after a change. */
export const SupportAgent = Type.Object({ memberId: Uuid, supportAgent: Type.Boolean() });

/** What the asker and staff see of a question's case: the same status and label as the case queue. */
export const CaseBadge = Type.Object({
  id: Uuid,
  status: CaseStatusSchema,
  statusLabel: Type.String(),
  openedAt: Type.String({ format: 'date-time' }),
});
/** A case as its asker sees it (type). */
export type CaseBadgeDto = Static<typeof CaseBadge>;

const PublicMember = Type.Object({ id: Type.String(), pseudonym: Type.String() });

/** A case in the queue, with its question's summary. */
export const CaseSummary = Type.Object({
  id: Uuid,
  status: CaseStatusSchema,
  statusLabel: Type.String(),
  openedBy: Type.String(),
  assignee: Type.Union([PublicMember, Type.Null()]),
  topic: Type.Object({
    id: Uuid,
    title: Type.String(),
    solved: Type.Boolean(),
    repliesCount: Type.Integer(),
    author: Type.Object({ id: Type.String(), pseudonym: Type.String(), role: Type.String() }),
    createdAt: Type.String({ format: 'date-time' }),
  }),
  openedAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  solvedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
/** A case in the queue (type). */
export type CaseSummaryDto = Static<typeof CaseSummary>;

/** A case with its question, internal notes, history, who may take it and the viewer's abilities. */
export const CaseDetail = Type.Object({
  ...CaseSummary.properties,
  topicBodyHtml: Type.String(),
  notes: Type.Array(
    Type.Object({
      id: Uuid,
      author: PublicMember,
      body: Type.String(),
      createdAt: Type.String({ format: 'date-time' }),
    }),
  ),
  history: Type.Array(
    Type.Object({
      kind: Type.String(),
      from: Type.Union([Type.String(), Type.Null()]),
      to: Type.Union([Type.String(), Type.Null()]),
      actor: Type.Union([PublicMember, Type.Null()]),
      createdAt: Type.String({ format: 'date-time' }),
    }),
  ),
  agents: Type.Array(PublicMember),
  abilities: Type.Record(Type.String(), Type.Boolean()),
});
/** A case in full (type). */
export type CaseDetailDto = Static<typeof CaseDetail>;

/** Query of the asker's own questions. */
export const ListMyTopicsQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

/** One of the caller's own topics, with its solved state and its case. */
export const MyTopic = Type.Object({
  id: Uuid,
  kind: Type.String(),
  title: Type.String(),
  status: Type.String(),
  solved: Type.Boolean(),
  repliesCount: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  lastActivityAt: Type.String({ format: 'date-time' }),
  case: Type.Union([CaseBadge, Type.Null()]),
});
/** One of the caller's own topics (type). */
export type MyTopicDto = Static<typeof MyTopic>;
