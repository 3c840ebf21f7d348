import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { mountedRoutes, testApp } from './helpers.ts';

/** Served under /api/v1 but not operations of the API: the document itself and its reference page. */
const NOT_OPERATIONS = ['GET /api/v1/openapi.json', 'GET /api/v1/docs'];

const REQUIRED_OPERATION_IDS = [
  'listCommunities',
  'createCommunity',
  'getCommunity',
  'updateCommunity',
  'joinCommunity',
  'listMembers',
  'getMember',
  'updateMemberRole',
  'getAccessLog',
  'listBoards',
  'createBoard',
  'listTopics',
  'createTopic',
  'getTopic',
  'createReply',
  'acceptSolution',
  'followTopic',
  'giveKudos',
  'searchCommunity',
  'suggestSimilarTopics',
  'updateTopic',
  'escalateTopic',
  'listCases',
  'getCase',
  'updateCase',
  'flagContent',
  'listModerationQueue',
  'moderateContent',
  'getSupportSettings',
  'updateSupportSettings',
  'listPointRules',
  'updatePointRules',
  'getPointsBalance',
  'listPointsLedger',
  'adjustPoints',
  'listRanks',
  'updateRanks',
  'listBadges',
  'awardBadge',
  'getLeaderboard',
  'listProfileAttributes',
  'createProfileAttribute',
  'createSegment',
  'listSegments',
  'getSegmentSize',
  'createSurvey',
  'getSurvey',
  'submitSurveyResponse',
  'getSurveyResults',
  'exportSurveyResponses',
  'createCampaign',
  'importCampaignContacts',
  'applyToCommunity',
  'listApplications',
  'decideApplication',
];

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * The structure of an OpenAPI 3.1 document (a strict subset of the official schema at
 * https://spec.openapis.org/oas/3.1/schema): the parts Cercle's document uses, with their constraints.
 */
const OPENAPI_31_SCHEMA = {
  $defs: {
    extensions: { patternProperties: { '^x-': true } },
    schema: { type: ['object', 'boolean'] },
    media: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: { schema: { $ref: '#/$defs/schema' }, example: true, examples: { type: 'object' } },
        additionalProperties: false,
      },
    },
    parameter: {
      type: 'object',
      required: ['name', 'in'],
      properties: {
        name: { type: 'string', minLength: 1 },
        in: { enum: ['query', 'header', 'path', 'cookie'] },
        description: { type: 'string' },
        required: { type: 'boolean' },
        deprecated: { type: 'boolean' },
        schema: { $ref: '#/$defs/schema' },
      },
      if: { properties: { in: { const: 'path' } } },
      then: { required: ['required'], properties: { required: { const: true } } },
    },
    response: {
      type: 'object',
      required: ['description'],
      properties: {
        description: { type: 'string' },
        headers: { type: 'object' },
        content: { $ref: '#/$defs/media' },
      },
    },
    operation: {
      type: 'object',
      required: ['responses'],
      properties: {
        operationId: { type: 'string', minLength: 1 },
        summary: { type: 'string' },
        description: { type: 'string' },
        tags: { type: 'array', items: { type: 'string' } },
        deprecated: { type: 'boolean' },
        parameters: { type: 'array', items: { $ref: '#/$defs/parameter' } },
        requestBody: {
          type: 'object',
          required: ['content'],
          properties: {
            description: { type: 'string' },
            required: { type: 'boolean' },
            content: { $ref: '#/$defs/media' },
          },
        },
        responses: {
          type: 'object',
          minProperties: 1,
          propertyNames: { pattern: '^([1-5](?:[0-9]{2}|XX)|default)$' },
          additionalProperties: { $ref: '#/$defs/response' },
        },
        security: { type: 'array' },
      },
    },
    pathItem: {
      type: 'object',
      propertyNames: {
        anyOf: [
          { enum: [...METHODS, 'summary', 'description', 'servers', 'parameters'] },
          { pattern: '^x-' },
        ],
      },
      properties: Object.fromEntries(METHODS.map((m) => [m, { $ref: '#/$defs/operation' }])),
    },
  },
  type: 'object',
  required: ['openapi', 'info'],
  anyOf: [{ required: ['paths'] }, { required: ['components'] }, { required: ['webhooks'] }],
  properties: {
    openapi: { type: 'string', pattern: '^3\\.1\\.\\d+(-.+)?$' },
    info: {
      type: 'object',
      required: ['title', 'version'],
      properties: { title: { type: 'string' }, version: { type: 'string' }, description: { type: 'string' } },
    },
    jsonSchemaDialect: { type: 'string' },
    servers: {
      type: 'array',
      items: { type: 'object', required: ['url'], properties: { url: { type: 'string' } } },
    },
    paths: {
      type: 'object',
      propertyNames: { pattern: '^/' },
      additionalProperties: { $ref: '#/$defs/pathItem' },
    },
    webhooks: { type: 'object' },
    components: { type: 'object' },
    security: { type: 'array' },
    tags: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string' }, description: { type: 'string' } },
      },
    },
    externalDocs: { type: 'object' },
  },
  patternProperties: { '^x-': true },
  additionalProperties: false,
};

interface Operation {
  operationId?: string;
  tags?: string[];
  parameters?: { name: string; in: string; schema?: unknown }[];
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
type Spec = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  tags?: { name: string }[];
};

let spec: Spec;
const operations: { key: string; path: string; method: string; op: Operation }[] = [];

beforeAll(async () => {
  const { app } = await testApp();
  const response = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  spec = response.json();
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      if (METHODS.includes(method))
        operations.push({ key: `${method.toUpperCase()} ${path}`, path, method, op });
    }
  }
});

/** Every JSON Schema embedded in the document (parameters, bodies, responses), with where it is. */
function embeddedSchemas(): { where: string; schema: unknown }[] {
  const out: { where: string; schema: unknown }[] = [];
  for (const { key, op } of operations) {
    for (const p of op.parameters ?? []) out.push({ where: `${key} parameter ${p.name}`, schema: p.schema });
    for (const [type, media] of Object.entries(op.requestBody?.content ?? {}))
      out.push({ where: `${key} body ${type}`, schema: media.schema });
    for (const [status, response] of Object.entries(op.responses))
      for (const [type, media] of Object.entries(response.content ?? {}))
        out.push({ where: `${key} ${status} ${type}`, schema: media.schema });
  }
  return out;
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const check = ajv.compile(OPENAPI_31_SCHEMA);
    expect(check(spec), JSON.stringify(check.errors, null, 2)).toBe(true);
    expect(spec.openapi).toBe('3.1.0');

    // Operation ids are unique; every tag used is declared.
    const ids = operations.map((o) => o.op.operationId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const declared = new Set((spec.tags ?? []).map((t) => t.name));
    for (const { key, op } of operations) {
      for (const tag of op.tags ?? [])
        expect(declared.has(tag), `${key} uses undeclared tag ${tag}`).toBe(true);
    }

    // Templated path parameters and declared path parameters match exactly.
    for (const { key, path, op } of operations) {
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      const declaredParams = (op.parameters ?? [])
        .filter((p) => p.in === 'path')
        .map((p) => p.name)
        .sort();
      expect(declaredParams, key).toEqual(templated);
    }

    // Every embedded schema is itself a valid JSON Schema 2020-12, and nothing refers to a missing component.
    for (const { where, schema } of embeddedSchemas()) {
      expect(schema, where).toBeTypeOf('object');
      expect(() => ajv.compile(schema as object), where).not.toThrow();
    }
    for (const [, ref] of JSON.stringify(spec).matchAll(/"\$ref":"([^"]+)"/g)) {
      const target = ref
        .replace(/^#\//, '')
        .split('/')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], spec);
      expect(target, `dangling $ref ${ref}`).toBeDefined();
    }
  });

  it('documents every route mounted under /api/v1, and nothing that is not mounted', async () => {
    const { app } = await testApp();
    const mounted = mountedRoutes(app)
      .filter((r) => r.url.startsWith('/api/v1/'))
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`)
      .filter((key) => !NOT_OPERATIONS.includes(key));
    const documented = operations.map((o) => o.key);
    const missing = mounted.filter((key) => !documented.includes(key));
    expect(missing, 'routes missing from the OpenAPI document').toEqual([]);
    expect(documented.filter((key) => !mounted.includes(key))).toEqual([]);
    expect(mounted.length).toBeGreaterThanOrEqual(REQUIRED_OPERATION_IDS.length);
  });

  it('declares request and response schemas on every operation (DESIGN rule 8)', () => {
    for (const { key, method, op } of operations) {
      const success = Object.keys(op.responses).filter((s) => /^2/.test(s));
      expect(success.length, `${key} has no success response`).toBeGreaterThan(0);
      // JSON, or CSV for exports (exportPointsLedger, exportSurveyResponses).
      for (const status of success) {
        const content = op.responses[status].content;
        expect(content?.['application/json']?.schema ?? content?.['text/csv']?.schema, key).toBeDefined();
      }
      expect(op.responses['4XX']?.content?.['application/json']?.schema, `${key} 4XX`).toMatchObject({
        required: expect.arrayContaining(['code', 'status', 'detail']) as unknown,
      });
      if (method === 'post' || method === 'patch' || method === 'put') {
        // JSON, or multipart for file uploads (uploadImage).
        const content = op.requestBody?.content;
        expect(
          content?.['application/json']?.schema ?? content?.['multipart/form-data']?.schema,
          `${key} body`,
        ).toBeDefined();
      }
    }
  });

  it('has the operation ids clients rely on', () => {
    const ids = operations.map((o) => o.op.operationId);
    for (const id of REQUIRED_OPERATION_IDS) expect(ids, id).toContain(id);
    const byId: Record<string, string> = Object.fromEntries(
      operations.map((o) => [o.op.operationId ?? '', o.key]),
    );
    expect(byId).toMatchObject({
      listCommunities: 'GET /api/v1/communities',
      createCommunity: 'POST /api/v1/communities',
      getCommunity: 'GET /api/v1/communities/{community}',
      updateCommunity: 'PATCH /api/v1/communities/{community}',
      joinCommunity: 'POST /api/v1/communities/{community}/members',
      listMembers: 'GET /api/v1/communities/{community}/members',
      getMember: 'GET /api/v1/communities/{community}/members/{memberId}',
      updateMemberRole: 'PATCH /api/v1/communities/{community}/members/{memberId}',
      getAccessLog: 'GET /api/v1/communities/{community}/access-log',
      listBoards: 'GET /api/v1/communities/{community}/boards',
      createBoard: 'POST /api/v1/communities/{community}/boards',
      listTopics: 'GET /api/v1/communities/{community}/boards/{board}/topics',
      createTopic: 'POST /api/v1/communities/{community}/boards/{board}/topics',
      getTopic: 'GET /api/v1/communities/{community}/topics/{topicId}',
      createReply: 'POST /api/v1/communities/{community}/topics/{topicId}/replies',
      acceptSolution: 'PUT /api/v1/communities/{community}/replies/{replyId}/solution',
      giveKudos: 'POST /api/v1/communities/{community}/kudos',
    });
  });
});

describe('the API reference page', () => {
  it('renders HTML listing every operation', async () => {
    const { app } = await testApp();
    const response = await app.inject({ method: 'GET', url: '/api/v1/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toMatch(/^<!doctype html>/i);
    expect(response.body).toContain('href="/api/v1/openapi.json"');
    for (const { op, path } of operations) {
      expect(response.body).toContain(`<code>${op.operationId}</code>`);
      expect(response.body).toContain(`<code>${path}</code>`);
    }
    for (const id of REQUIRED_OPERATION_IDS) expect(response.body).toContain(`<code>${id}</code>`);
  });
});
