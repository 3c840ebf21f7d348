import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../server/platform/db/ids.ts';
import {
  addMember,
  freshCommunity,
  mountedRoutes,
  nextIp,
  plainUser,
  signedInUser,
  testApp,
  type TestUser,
} from './helpers.ts';
import { seedBoard, seedReply, seedTopic } from './support-fixtures.ts';

/** The columns of the table, in order. */
const ROLES = [
  'anonymous',
  'nonMember',
  'member',
  'expert',
  'moderator',
  'observer',
  'communityAdmin',
  'platformAdmin',
] as const;
type Role = (typeof ROLES)[number];
/** Expected statuses, one per role, in the order of ROLES. */
type Row = readonly [number, number, number, number, number, number, number, number];

/** What one cell needs: the community under test and a member of it to act upon. */
interface Fixture {
  community: { id: string; slug: string };
  targetMemberId: string;
}

interface Case {
  /** Statuses on a private community (or for routes that concern no community). */
  expect: Row;
  /** Statuses on a hidden community: required for every community-scoped route. */
  hidden?: Row;
  request(fixture: Fixture): Promise<Omit<InjectOptions, 'method' | 'headers'>>;
}

const C = (f: Fixture) => `/api/v1/communities/${f.community.slug}`;
const M = (f: Fixture) => `${C(f)}/members/${f.targetMemberId}`;

/** A fresh public questions board, a question asked by the target member and their own reply to it. */
async function supportTarget(f: Fixture) {
  const board = await seedBoard(f.community.id);
  const topic = await seedTopic(board, f.targetMemberId);
  const reply = await seedReply(topic, f.targetMemberId);
  return { board, topic, reply };
}

//                                 anon nonM  mem  exp  mod  obs  cAdm pAdm
const TABLE: Record<string, Case> = {
  'GET /api/v1/communities': {
    expect: [200, 200, 200, 200, 200, 200, 200, 200],
    request: async () => ({ url: '/api/v1/communities?limit=1' }),
  },
  'POST /api/v1/communities': {
    expect: [401, 403, 403, 403, 403, 403, 403, 201],
    request: async () => ({
      url: '/api/v1/communities',
      payload: { name: 'Table', slug: `t-${newId().slice(-12)}` },
    }),
  },
  'GET /api/v1/communities/:community': {
    expect: [200, 200, 200, 200, 200, 200, 200, 200],
    hidden: [404, 404, 200, 200, 200, 200, 200, 200],
    request: async (f) => ({ url: C(f) }),
  },
  'PATCH /api/v1/communities/:community': {
    expect: [401, 403, 403, 403, 403, 403, 200, 200],
    hidden: [404, 404, 403, 403, 403, 403, 200, 200],
    request: async (f) => ({ url: C(f), payload: { description: 'Changed by the table' } }),
  },
  'POST /api/v1/communities/:community/members': {
    expect: [401, 201, 409, 409, 409, 409, 409, 201],
    // A hidden community takes members by invitation only, so even a platform admin cannot just join.
    hidden: [404, 404, 409, 409, 409, 409, 409, 403],
    request: async (f) => ({ url: `${C(f)}/members`, payload: { pseudonym: `j-${newId().slice(-10)}` } }),
  },
  'GET /api/v1/communities/:community/members': {
    expect: [401, 403, 200, 200, 200, 200, 200, 200],
    hidden: [404, 404, 200, 200, 200, 200, 200, 200],
    request: async (f) => ({ url: `${C(f)}/members` }),
  },
  'GET /api/v1/communities/:community/members/:memberId': {
    expect: [401, 403, 200, 200, 200, 200, 200, 200],
    hidden: [404, 404, 200, 200, 200, 200, 200, 200],
    request: async (f) => ({ url: M(f) }),
  },
  'PATCH /api/v1/communities/:community/members/:memberId': {
    expect: [401, 403, 403, 403, 403, 403, 200, 200],
    hidden: [404, 404, 403, 403, 403, 403, 200, 200],
    request: async (f) => ({ url: M(f), payload: { role: 'expert' } }),
  },
  'GET /api/v1/communities/:community/members/:memberId/identity': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({ url: `${M(f)}/identity` }),
  },
  'GET /api/v1/communities/:community/pseudonym-availability': {
    expect: [200, 200, 200, 200, 200, 200, 200, 200],
    hidden: [404, 404, 200, 200, 200, 200, 200, 200],
    request: async (f) => ({ url: `${C(f)}/pseudonym-availability?pseudonym=free-name` }),
  },
  'GET /api/v1/communities/:community/access-log': {
    expect: [401, 403, 403, 403, 403, 403, 200, 200],
    hidden: [404, 404, 403, 403, 403, 403, 200, 200],
    request: async (f) => ({ url: `${C(f)}/access-log` }),
  },
  'POST /api/v1/communities/:community/invitations': {
    expect: [401, 403, 403, 403, 201, 403, 201, 201],
    hidden: [404, 404, 403, 403, 201, 403, 201, 201],
    request: async (f) => ({ url: `${C(f)}/invitations`, payload: {} }),
  },
  // Peer support. A private or hidden community's boards are its content: outsiders are told to sign in
  // or refused on the board list, and find nothing inside (404). Observers read but never post; a
  // platform admin who is not a member has no pseudonym to write under, but moderates (solutions).
  'GET /api/v1/communities/:community/boards': {
    expect: [401, 403, 200, 200, 200, 200, 200, 200],
    hidden: [404, 404, 200, 200, 200, 200, 200, 200],
    request: async (f) => {
      await seedBoard(f.community.id, { visibility: 'staff' });
      return { url: `${C(f)}/boards` };
    },
  },
  'POST /api/v1/communities/:community/boards': {
    expect: [401, 403, 403, 403, 201, 403, 201, 201],
    hidden: [404, 404, 403, 403, 201, 403, 201, 201],
    request: async (f) => ({
      url: `${C(f)}/boards`,
      payload: { title: 'Table board', slug: `b-${newId().slice(-12)}`, kind: 'questions' },
    }),
  },
  'GET /api/v1/communities/:community/boards/:board/topics': {
    expect: [404, 404, 200, 200, 200, 200, 200, 200],
    hidden: [404, 404, 200, 200, 200, 200, 200, 200],
    request: async (f) => ({ url: `${C(f)}/boards/${(await supportTarget(f)).board.slug}/topics` }),
  },
  'POST /api/v1/communities/:community/boards/:board/topics': {
    expect: [404, 404, 201, 201, 201, 403, 201, 403],
    hidden: [404, 404, 201, 201, 201, 403, 201, 403],
    request: async (f) => ({
      url: `${C(f)}/boards/${(await seedBoard(f.community.id)).slug}/topics`,
      payload: { title: 'A question from the table', body: 'Does this work?' },
    }),
  },
  'GET /api/v1/communities/:community/topics/:topicId': {
    expect: [404, 404, 200, 200, 200, 200, 200, 200],
    hidden: [404, 404, 200, 200, 200, 200, 200, 200],
    request: async (f) => ({ url: `${C(f)}/topics/${(await supportTarget(f)).topic.id}` }),
  },
  'POST /api/v1/communities/:community/topics/:topicId/replies': {
    expect: [404, 404, 201, 201, 201, 403, 201, 403],
    hidden: [404, 404, 201, 201, 201, 403, 201, 403],
    request: async (f) => ({
      url: `${C(f)}/topics/${(await supportTarget(f)).topic.id}/replies`,
      payload: { body: 'A reply from the table.' },
    }),
  },
  // Only the asker (here the target member) or staff accept a solution.
  'PUT /api/v1/communities/:community/replies/:replyId/solution': {
    expect: [404, 404, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({
      url: `${C(f)}/replies/${(await supportTarget(f)).reply.id}/solution`,
      payload: { accepted: true },
    }),
  },
  'POST /api/v1/communities/:community/kudos': {
    expect: [404, 404, 201, 201, 201, 403, 201, 403],
    hidden: [404, 404, 201, 201, 201, 403, 201, 403],
    request: async (f) => ({
      url: `${C(f)}/kudos`,
      payload: { targetType: 'reply', targetId: (await supportTarget(f)).reply.id },
    }),
  },
  'GET /api/v1/me': {
    expect: [401, 200, 200, 200, 200, 200, 200, 200],
    request: async () => ({ url: '/api/v1/me' }),
  },
  'PATCH /api/v1/me': {
    expect: [401, 200, 200, 200, 200, 200, 200, 200],
    request: async () => ({ url: '/api/v1/me', payload: { locale: 'en' } }),
  },
  // The one-time set-up token authenticates, not the session: an unknown token is gone for everyone.
  'POST /api/v1/setup': {
    expect: [410, 410, 410, 410, 410, 410, 410, 410],
    request: async () => ({
      url: '/api/v1/setup',
      payload: {
        token: 'x'.repeat(32),
        name: 'Nobody',
        email: 'nobody@example.test',
        password: 'a-long-password-1',
      },
    }),
  },
  'GET /api/v1/admin/mail': {
    expect: [401, 403, 403, 403, 403, 403, 403, 200],
    request: async () => ({ url: '/api/v1/admin/mail?limit=1' }),
  },
  'GET /api/v1/openapi.json': {
    expect: [200, 200, 200, 200, 200, 200, 200, 200],
    request: async () => ({ url: '/api/v1/openapi.json' }),
  },
  'GET /api/v1/docs': {
    expect: [200, 200, 200, 200, 200, 200, 200, 200],
    request: async () => ({ url: '/api/v1/docs' }),
  },
};

const COMMUNITY_ROLES = {
  member: 'member',
  expert: 'expert',
  moderator: 'moderator',
  observer: 'observer',
  communityAdmin: 'admin',
} as const;

let users: Record<Exclude<Role, 'anonymous'>, TestUser>;
const anonymousHeaders = { 'x-forwarded-for': nextIp() };

beforeAll(async () => {
  users = {
    nonMember: await signedInUser(),
    member: await signedInUser(),
    expert: await signedInUser(),
    moderator: await signedInUser(),
    observer: await signedInUser(),
    communityAdmin: await signedInUser(),
    platformAdmin: await signedInUser({ platformAdmin: true }),
  };
});

/** A fresh community with one user per community role and one more ordinary member to act upon. */
async function fixture(visibility: 'private' | 'hidden'): Promise<Fixture> {
  const community = await freshCommunity({ visibility });
  for (const [role, communityRole] of Object.entries(COMMUNITY_ROLES)) {
    await addMember(community.id, users[role as keyof typeof COMMUNITY_ROLES].userId, communityRole);
  }
  const targetMemberId = await addMember(community.id, (await plainUser()).userId);
  return { community, targetMemberId };
}

async function statuses(method: string, testCase: Case, visibility: 'private' | 'hidden'): Promise<Row> {
  const { app } = await testApp();
  const f = await fixture(visibility);
  const out: number[] = [];
  for (const role of ROLES) {
    const headers = role === 'anonymous' ? anonymousHeaders : users[role].headers;
    const request = await testCase.request(f);
    const response = await app.inject({ ...request, method: method as 'GET', headers });
    out.push(response.statusCode);
  }
  return out as unknown as Row;
}

describe('authorization table over every /api/v1 route', () => {
  it('has expectations for exactly the mounted routes', async () => {
    const { app } = await testApp();
    const mounted = mountedRoutes(app)
      .filter((r) => r.url.startsWith('/api/v1/'))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(mounted).toEqual(Object.keys(TABLE).sort());
    for (const [key, testCase] of Object.entries(TABLE)) {
      expect(!!testCase.hidden, `${key}: a community-scoped route needs hidden expectations`).toBe(
        key.includes(':community'),
      );
    }
  });

  for (const [key, testCase] of Object.entries(TABLE)) {
    const [method] = key.split(' ') as [string];
    it(`${key}${testCase.hidden ? ' on a private community' : ''}`, async () => {
      expect(await statuses(method, testCase, 'private')).toEqual(testCase.expect);
    });
    if (testCase.hidden) {
      it(`${key} on a hidden community`, async () => {
        expect(await statuses(method, testCase, 'hidden')).toEqual(testCase.hidden);
      });
    }
  }
});
