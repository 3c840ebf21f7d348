import { Type, type Static } from 'typebox';
import { MediaFileSchema } from '../../platform/http/media-http.ts';
import { SurveyDefinition } from './survey-definition.ts';

const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);

/** Path parameters: a community and a survey id. */
export const SurveyParams = Type.Object({
  community: Type.String({ minLength: 1, maxLength: 60 }),
  surveyId: Uuid,
});

const Kind = Type.Union([Type.Literal('survey'), Type.Literal('poll')]);
const ResultsVisibility = Type.Union([
  Type.Literal('staff'),
  Type.Literal('after_vote'),
  Type.Literal('after_close'),
]);
/** Where a survey stands, from its publication and its dates. */
export const SurveyState = Type.Union([
  Type.Literal('draft'),
  Type.Literal('scheduled'),
  Type.Literal('open'),
  Type.Literal('closed'),
]);

const settings = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 5000 })),
  definition: SurveyDefinition,
  published: Type.Optional(Type.Boolean()),
  opensAt: Type.Optional(NullableDateTime),
  closesAt: Type.Optional(NullableDateTime),
  segmentId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  anonymous: Type.Optional(Type.Boolean()),
  points: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  resultsVisibility: Type.Optional(ResultsVisibility),
};

/** A new survey or poll (a poll: one page with one single- or multiple-choice question). */
export const CreateSurveyBody = Type.Object(
  { kind: Type.Optional(Kind), ...settings },
  { additionalProperties: false },
);
/** A new survey (type). */
export type CreateSurveyInput = Static<typeof CreateSurveyBody>;

/** Changes to a survey; its definition only while nobody has answered. `close` closes it now. */
export const UpdateSurveyBody = Type.Object(
  {
    title: Type.Optional(settings.title),
    description: settings.description,
    definition: Type.Optional(SurveyDefinition),
    published: settings.published,
    opensAt: settings.opensAt,
    closesAt: settings.closesAt,
    segmentId: settings.segmentId,
    anonymous: settings.anonymous,
    points: settings.points,
    resultsVisibility: settings.resultsVisibility,
    close: Type.Optional(Type.Literal(true)),
  },
  { additionalProperties: false, minProperties: 1 },
);
/** Changes to a survey (type). */
export type UpdateSurveyInput = Static<typeof UpdateSurveyBody>;

/** The caller's own response: where they stand. */
export const OwnResponse = Type.Object({
  status: Type.Union([Type.Literal('in_progress'), Type.Literal('completed')]),
  pageIndex: Type.Integer(),
  answers: Type.Record(Type.String(), Type.Unknown()),
  completedAt: NullableDateTime,
});

/** A stimulus file of the community's surveys: its kind, where to fetch it, its type and alt text. */
export const SurveyMedia = MediaFileSchema;
/** A stimulus file (type). */
export type SurveyMediaDto = Static<typeof SurveyMedia>;

/** A survey with its definition (choices in the caller's order), the caller's response and abilities. */
export const Survey = Type.Object({
  id: Uuid,
  kind: Kind,
  title: Type.String(),
  description: Type.String(),
  state: SurveyState,
  published: Type.Boolean(),
  opensAt: NullableDateTime,
  closesAt: NullableDateTime,
  segmentId: Type.Union([Uuid, Type.Null()]),
  anonymous: Type.Boolean(),
  points: Type.Integer(),
  resultsVisibility: ResultsVisibility,
  definition: SurveyDefinition,
  /** The stimulus files the definition shows (question stimuli, preference variants). */
  media: Type.Array(SurveyMedia),
  response: Type.Union([OwnResponse, Type.Null()]),
  /** The page the caller answers next (0-based), its position on their path and the pages left. */
  progress: Type.Object({ pageIndex: Type.Integer(), step: Type.Integer(), steps: Type.Integer() }),
  responsesCount: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: DateTime,
  abilities: Type.Record(Type.String(), Type.Boolean()),
});
/** A survey (type). */
export type SurveyDto = Static<typeof Survey>;

/** A survey in a list. */
export const SurveySummary = Type.Object({
  id: Uuid,
  kind: Kind,
  title: Type.String(),
  state: SurveyState,
  opensAt: NullableDateTime,
  closesAt: NullableDateTime,
  anonymous: Type.Boolean(),
  points: Type.Integer(),
  /** The caller's own response status (null: not started). */
  myStatus: Type.Union([Type.Literal('in_progress'), Type.Literal('completed'), Type.Null()]),
  responsesCount: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: DateTime,
});
/** A survey in a list (type). */
export type SurveySummaryDto = Static<typeof SurveySummary>;

/** Filters of the survey list. */
export const ListSurveysQuery = Type.Object(
  {
    kind: Type.Optional(Kind),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

/** Milliseconds per question measured by the browser (optional, bounded: feeds reliability later). */
const Timings = Type.Record(
  Type.String({ maxLength: 40 }),
  Type.Integer({ minimum: 0, maximum: 86_400_000 }),
  {
    maxProperties: 50,
  },
);

/** The answers of one page (save and resume). */
export const SavePageBody = Type.Object(
  {
    pageId: Type.String({ minLength: 1, maxLength: 40 }),
    answers: Type.Record(Type.String({ maxLength: 40 }), Type.Unknown(), { maxProperties: 50 }),
    timings: Type.Optional(Timings),
  },
  { additionalProperties: false },
);

/** Submitting: optionally with the last page's answers (a poll's vote is one submit). */
export const SubmitResponseBody = Type.Object(
  {
    pageId: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    answers: Type.Optional(
      Type.Record(Type.String({ maxLength: 40 }), Type.Unknown(), { maxProperties: 50 }),
    ),
    timings: Type.Optional(Timings),
  },
  { additionalProperties: false },
);

const Count = Type.Object({ id: Type.String(), label: Type.String(), count: Type.Integer() });

/** The aggregates of one question. */
export const QuestionResult = Type.Object({
  id: Type.String(),
  type: Type.String(),
  title: Type.String(),
  answered: Type.Integer(),
  options: Type.Optional(Type.Array(Count)),
  distribution: Type.Optional(Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }))),
  mean: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  nps: Type.Optional(
    Type.Object({
      score: Type.Union([Type.Integer(), Type.Null()]),
      promoters: Type.Integer(),
      passives: Type.Integer(),
      detractors: Type.Integer(),
    }),
  ),
  matrix: Type.Optional(
    Type.Array(Type.Object({ id: Type.String(), label: Type.String(), columns: Type.Array(Count) })),
  ),
  ranking: Type.Optional(
    Type.Array(
      Type.Object({
        id: Type.String(),
        label: Type.String(),
        meanRank: Type.Union([Type.Number(), Type.Null()]),
      }),
    ),
  ),
  texts: Type.Optional(
    Type.Array(
      Type.Object({
        text: Type.String(),
        sentiment: Type.Union([Type.Literal('positive'), Type.Literal('neutral'), Type.Literal('negative')]),
        respondent: Type.Union([Type.String(), Type.Null()]),
      }),
    ),
  ),
  sentiment: Type.Optional(
    Type.Object({ positive: Type.Integer(), neutral: Type.Integer(), negative: Type.Integer() }),
  ),
  /** Hotspot questions: every marker placed (0–1 coordinates), comments only for who reads answers. */
  markers: Type.Optional(
    Type.Array(
      Type.Object({
        x: Type.Number(),
        y: Type.Number(),
        kind: Type.Union([Type.Literal('like'), Type.Literal('dislike')]),
        comment: Type.Union([Type.String(), Type.Null()]),
      }),
    ),
  ),
});
/** The aggregates of one question (type). */
export type QuestionResultDto = Static<typeof QuestionResult>;

/** Query of the results: a segment to restrict them to (staff). */
export const ResultsQuery = Type.Object({ segment: Type.Optional(Uuid) }, { additionalProperties: false });

/** A survey's results: completions, response rate, median time and per-question aggregates. */
export const SurveyResults = Type.Object({
  surveyId: Uuid,
  title: Type.String(),
  kind: Kind,
  completed: Type.Integer(),
  started: Type.Integer(),
  targetSize: Type.Integer(),
  responseRate: Type.Union([Type.Number(), Type.Null()]),
  medianSeconds: Type.Union([Type.Number(), Type.Null()]),
  segment: Type.Union([Type.Object({ id: Uuid, name: Type.String(), size: Type.Integer() }), Type.Null()]),
  questions: Type.Array(QuestionResult),
  abilities: Type.Record(Type.String(), Type.Boolean()),
});
/** A survey's results (type). */
export type SurveyResultsDto = Static<typeof SurveyResults>;
