import { Type, type Static } from 'typebox';
import { GuideItemInput, LiveCode } from './live.schemas.ts';

const Uuid = Type.String({ format: 'uuid' });
const Community = Type.String({ minLength: 1, maxLength: 60 });

/** The `format` marker of an exported guide file. */
export const GUIDE_FILE_FORMAT = 'cercle.live-guide';

/** A guide item in a guide file: a guide item without its id (ids belong to one session). */
export const GuideFileItem = Type.Object(
  {
    kind: GuideItemInput.properties.kind,
    questionType: GuideItemInput.properties.questionType,
    body: GuideItemInput.properties.body,
    options: GuideItemInput.properties.options,
    blind: GuideItemInput.properties.blind,
    /** A stimulus's media file: kept only when it is a file of the session the guide is imported into. */
    mediaId: GuideItemInput.properties.mediaId,
  },
  { additionalProperties: false },
);

/** A discussion guide as a portable JSON file (export, then import into this or another session). */
export const GuideFile = Type.Object(
  {
    format: Type.Literal(GUIDE_FILE_FORMAT, { 'x-message': 'live.import.notGuideFile' }),
    version: Type.Literal(1, { 'x-message': 'live.import.version' }),
    title: Type.Optional(Type.String({ maxLength: 200 })),
    sections: Type.Array(
      Type.Object(
        {
          title: Type.String({ minLength: 1, maxLength: 200 }),
          plannedMinutes: Type.Integer({ minimum: 0, maximum: 480 }),
          items: Type.Array(GuideFileItem, { maxItems: 100 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 30 },
    ),
  },
  { additionalProperties: false },
);
/** A guide file (type). */
export type GuideFileDto = Static<typeof GuideFile>;

/** How an imported guide meets the session's guide: added after it, or in place of it. */
export const ImportGuideBody = Type.Object(
  {
    mode: Type.Union([Type.Literal('append'), Type.Literal('replace')], {
      'x-message': 'validation.invalidChoice',
    }),
    guide: GuideFile,
  },
  { additionalProperties: false },
);

const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 10, uniqueItems: true });

/** Path parameters: a community and one probe of its library. */
export const LiveProbeParams = Type.Object({ community: Community, probeId: Uuid });
/** A new probe of the library. */
export const CreateLiveProbeBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 4000 }), tags: Type.Optional(Tags) },
  { additionalProperties: false },
);
/** Changes to a library probe. */
export const UpdateLiveProbeBody = Type.Object(
  { body: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })), tags: Type.Optional(Tags) },
  { additionalProperties: false, minProperties: 1 },
);
/** The library's search: words in the text or a tag. */
export const ListLiveProbesQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    tag: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);
/** A probe of the library. */
export const LiveProbe = Type.Object({
  id: Uuid,
  body: Type.String(),
  tags: Type.Array(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
/** A probe of the library (type). */
export type LiveProbeDto = Static<typeof LiveProbe>;
/** The library probes found (newest first, at most `LIVE_PROBES_LIMIT`). */
export const LiveProbeList = Type.Object({ items: Type.Array(LiveProbe), truncated: Type.Boolean() });
/** The most probes a library search returns. */
export const LIVE_PROBES_LIMIT = 200;

/** Path parameters: a session and one of its excerpts. */
export const LiveExcerptParams = Type.Object({ community: Community, sessionId: Uuid, excerptId: Uuid });
/** A new code of a session's codebook. */
export const CreateLiveCodeBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 60 }),
    colour: Type.String({ pattern: '^#[0-9a-fA-F]{6}$', 'x-message': 'validation.colorFormat' }),
  },
  { additionalProperties: false },
);
/** Path parameters: a session and one code of its codebook. */
export const LiveCodeParams = Type.Object({ community: Community, sessionId: Uuid, codeId: Uuid });
/** Changes to a code: its name, its colour or both. */
export const UpdateLiveCodeBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    colour: Type.Optional(
      Type.String({ pattern: '^#[0-9a-fA-F]{6}$', 'x-message': 'validation.colorFormat' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
/** Removing a code: `untag` confirms that the excerpts it tags lose it (refused without it when it tags any). */
export const DeleteLiveCodeQuery = Type.Object(
  { untag: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
/** Copying the codes of another session of the community into this session's codebook. */
export const CopyLiveCodesBody = Type.Object({ fromSessionId: Uuid }, { additionalProperties: false });
/** A room message (by its sequence number), or a span of its text, to tag with a code. */
export const TagLiveExcerptBody = Type.Object(
  {
    codeId: Uuid,
    seq: Type.Integer({ minimum: 1 }),
    start: Type.Optional(Type.Integer({ minimum: 0, maximum: 4000 })),
    end: Type.Optional(Type.Integer({ minimum: 1, maximum: 4000 })),
  },
  { additionalProperties: false },
);
/** A session's codebook. */
export const LiveCodeList = Type.Object({ items: Type.Array(LiveCode) });
/** The codebook after a copy, and how many codes the copy added (names already in the codebook are kept). */
export const CopiedLiveCodes = Type.Object({
  items: Type.Array(LiveCode),
  copied: Type.Integer({ minimum: 0 }),
});

/** What a removal answers: the id removed. */
export const Deleted = Type.Object({ id: Uuid, deleted: Type.Literal(true) });
