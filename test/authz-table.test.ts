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
import { tinyPng } from './image-fixtures.ts';
import { seedBoard, seedReply, seedTopic } from './support-fixtures.ts';
import { seedCase } from './case-fixtures.ts';
import { seedAward, seedBadge, seedPointsFlag } from './points-fixtures.ts';
import { giveEveryonePoints, seedRedemption, seedReward, seedVoucher } from './reward-fixtures.ts';
import { seedSession, seedStimulus } from './live-fixtures.ts';
import { seedRoomMessage } from './live-tools-fixtures.ts';
import { POLL, seedSegment, seedSurvey } from './research-fixtures.ts';
import { seedStimulusDefinition } from './stimulus-fixtures.ts';
import { applyBody, SCREENER, seedApplication, seedCampaign } from './recruitment-fixtures.ts';
import { setStage } from './panel-fixtures.ts';

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

/** A live session of the community; its invited participants are the community's plain members. */
async function liveTarget(f: Fixture) {
  const { kernel } = await testApp();
  const members = await kernel.db
    .selectFrom('memberships')
    .select('id')
    .where('community_id', '=', f.community.id)
    .where('role', '=', 'member')
    .execute();
  const session = await seedSession(f.community.id, { participants: members.map((m) => m.id) });
  return `${C(f)}/live-sessions/${session.id}`;
}

/** A live session whose plain members are in the room, with a stimulus sent to it: its media URL. */
async function liveMediaTarget(f: Fixture) {
  const url = await liveTarget(f);
  const sessionId = url.slice(url.lastIndexOf('/') + 1);
  const { kernel } = await testApp();
  await kernel.db
    .updateTable('live_participants')
    .set({ attendance: 'admitted', joined_at: new Date(), admitted_at: new Date() })
    .where('session_id', '=', sessionId)
    .execute();
  const { mediaId } = await seedStimulus({ id: sessionId, community_id: f.community.id }, { sent: true });
  return `${url}/media/${mediaId}`;
}

/** A probe of the community's library: its URL. */
async function liveProbeTarget(f: Fixture) {
  const { kernel } = await testApp();
  const id = newId();
  await kernel.db
    .insertInto('live_probes')
    .values({ id, community_id: f.community.id, body: 'Why?', tags: '[]', created_by: null })
    .execute();
  return `${C(f)}/live-probes/${id}`;
}

/** A live session with a participant's message, a code and an excerpt tagged with it. */
async function liveCodingTarget(f: Fixture) {
  const url = await liveTarget(f);
  const session = { id: url.slice(url.lastIndexOf('/') + 1), community_id: f.community.id };
  const seq = await seedRoomMessage(session, { authorMemberId: f.targetMemberId, body: 'Too dear' });
  const { kernel } = await testApp();
  const codeId = newId();
  const excerptId = newId();
  await kernel.db
    .insertInto('live_codes')
    .values({ id: codeId, ...sessionKeys(session), name: 'Price', colour: '#cc3300', created_by: null })
    .execute();
  const message = await kernel.db
    .selectFrom('live_messages')
    .select('id')
    .where('session_id', '=', session.id)
    .where('seq', '=', seq)
    .executeTakeFirstOrThrow();
  await kernel.db
    .insertInto('live_excerpts')
    .values({
      id: excerptId,
      ...sessionKeys(session),
      code_id: codeId,
      message_id: message.id,
      span_start: null,
      span_end: null,
      quote: 'Too dear',
      created_by: null,
    })
    .execute();
  return { url, seq, codeId, excerptId };
}
const sessionKeys = (s: { id: string; community_id: string }) => ({
  session_id: s.id,
  community_id: s.community_id,
});

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
  // H1b moderation. Flags: like kudos, participants who read the post (not observers, not a platform
  // admin without a pseudonym). The queue and actions: moderators and admins; settings: admins.
  'POST /api/v1/communities/:community/flags': {
    expect: [404, 404, 201, 201, 201, 403, 201, 403],
    hidden: [404, 404, 201, 201, 201, 403, 201, 403],
    request: async (f) => ({
      url: `${C(f)}/flags`,
      payload: { targetType: 'reply', targetId: (await supportTarget(f)).reply.id, reason: 'spam' },
    }),
  },
  'GET /api/v1/communities/:community/moderation/queue': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({ url: `${C(f)}/moderation/queue?filter=all` }),
  },
  'POST /api/v1/communities/:community/moderation/actions': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({
      url: `${C(f)}/moderation/actions`,
      payload: { targetType: 'reply', targetId: (await supportTarget(f)).reply.id, action: 'hide' },
    }),
  },
  'GET /api/v1/communities/:community/support-settings': {
    expect: [401, 403, 403, 403, 403, 403, 200, 200],
    hidden: [404, 404, 403, 403, 403, 403, 200, 200],
    request: async (f) => ({ url: `${C(f)}/support-settings` }),
  },
  'PUT /api/v1/communities/:community/support-settings': {
    expect: [401, 403, 403, 403, 403, 403, 200, 200],
    hidden: [404, 404, 403, 403, 403, 403, 200, 200],
    request: async (f) => ({ url: `${C(f)}/support-settings`, payload: { burstPosts: 4 } }),
  },
  // Points, ranks, badges, leaderboards. Members read the rules and hold points of their own (a platform
  // admin, without a membership, holds none); moderators and admins manage points and award badges;
  // admins configure rules, ranks and badges. Each settling request gets a fresh award, flag or badge.
  'GET /api/v1/communities/:community/points/rules': {
    expect: [401, 403, 200, 200, 200, 200, 200, 200],
    hidden: [404, 404, 200, 200, 200, 200, 200, 200],
    request: async (f) => ({ url: `${C(f)}/points/rules` }),
  },
  'PUT /api/v1/communities/:community/points/rules': {
    expect: [401, 403, 403, 403, 403, 403, 200, 200],
    hidden: [404, 404, 403, 403, 403, 403, 200, 200],
    request: async (f) => ({
      url: `${C(f)}/points/rules`,
      payload: { rules: [{ action: 'reply.posted', points: 3, dailyCap: null, enabled: true }] },
    }),
  },
  'GET /api/v1/communities/:community/points/balance': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({ url: `${C(f)}/points/balance?memberId=${f.targetMemberId}` }),
  },
  'GET /api/v1/communities/:community/points/ledger': {
    expect: [401, 403, 200, 200, 200, 200, 200, 403],
    hidden: [404, 404, 200, 200, 200, 200, 200, 403],
    request: async (f) => ({ url: `${C(f)}/points/ledger?status=pending` }),
  },
  'GET /api/v1/communities/:community/points/ledger.csv': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({ url: `${C(f)}/points/ledger.csv` }),
  },
  'POST /api/v1/communities/:community/points/adjustments': {
    expect: [401, 403, 403, 403, 201, 403, 201, 201],
    hidden: [404, 404, 403, 403, 201, 403, 201, 201],
    request: async (f) => ({
      url: `${C(f)}/points/adjustments`,
      payload: { memberId: f.targetMemberId, points: 5, reason: 'Table' },
    }),
  },
  'GET /api/v1/communities/:community/points/pending': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({ url: `${C(f)}/points/pending` }),
  },
  'POST /api/v1/communities/:community/points/awards/:awardId/release': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => {
      const award = await seedAward(f.community.id, f.targetMemberId);
      return { url: `${C(f)}/points/awards/${award!.id}/release`, payload: {} };
    },
  },
  'POST /api/v1/communities/:community/points/awards/:awardId/deny': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => {
      const award = await seedAward(f.community.id, f.targetMemberId);
      return { url: `${C(f)}/points/awards/${award!.id}/deny`, payload: { reason: 'Table' } };
    },
  },
  'PUT /api/v1/communities/:community/points/preferences': {
    expect: [401, 403, 200, 200, 200, 200, 200, 403],
    hidden: [404, 404, 200, 200, 200, 200, 200, 403],
    request: async (f) => ({ url: `${C(f)}/points/preferences`, payload: { leaderboardOptOut: true } }),
  },
  'GET /api/v1/communities/:community/points/flags': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({ url: `${C(f)}/points/flags?state=all` }),
  },
  'POST /api/v1/communities/:community/points/flags/:flagId/resolve': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({
      url: `${C(f)}/points/flags/${await seedPointsFlag(f.community.id, f.targetMemberId)}/resolve`,
      payload: {},
    }),
  },
  'GET /api/v1/communities/:community/ranks': {
    expect: [401, 403, 200, 200, 200, 200, 200, 200],
    hidden: [404, 404, 200, 200, 200, 200, 200, 200],
    request: async (f) => ({ url: `${C(f)}/ranks` }),
  },
  'PUT /api/v1/communities/:community/ranks': {
    expect: [401, 403, 403, 403, 403, 403, 200, 200],
    hidden: [404, 404, 403, 403, 403, 403, 200, 200],
    request: async (f) => ({
      url: `${C(f)}/ranks`,
      payload: {
        ranks: [
          {
            name: 'One',
            minPoints: 0,
            minSolutions: 0,
            minKudos: 0,
            minTenureDays: 0,
            skipsPremoderation: false,
          },
          {
            name: 'Two',
            minPoints: 10,
            minSolutions: 0,
            minKudos: 0,
            minTenureDays: 0,
            skipsPremoderation: true,
          },
        ],
      },
    }),
  },
  'GET /api/v1/communities/:community/badges': {
    expect: [401, 403, 200, 200, 200, 200, 200, 200],
    hidden: [404, 404, 200, 200, 200, 200, 200, 200],
    request: async (f) => ({ url: `${C(f)}/badges` }),
  },
  'POST /api/v1/communities/:community/badges': {
    expect: [401, 403, 403, 403, 403, 403, 201, 201],
    hidden: [404, 404, 403, 403, 403, 403, 201, 201],
    request: async (f) => ({ url: `${C(f)}/badges`, payload: { name: `Badge ${newId().slice(-10)}` } }),
  },
  'POST /api/v1/communities/:community/badges/:badgeId/awards': {
    expect: [401, 403, 403, 403, 201, 403, 201, 201],
    hidden: [404, 404, 403, 403, 201, 403, 201, 201],
    request: async (f) => {
      const { badgeId } = await seedBadge(f.community.id);
      return { url: `${C(f)}/badges/${badgeId}/awards`, payload: { memberId: f.targetMemberId } };
    },
  },
  'POST /api/v1/communities/:community/member-badges/:memberBadgeId/revoke': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => {
      const { memberBadgeId } = await seedBadge(f.community.id, f.targetMemberId);
      return { url: `${C(f)}/member-badges/${memberBadgeId}/revoke`, payload: { reason: 'Table' } };
    },
  },
  'GET /api/v1/communities/:community/members/:memberId/badges': {
    expect: [401, 403, 200, 200, 200, 200, 200, 200],
    hidden: [404, 404, 200, 200, 200, 200, 200, 200],
    request: async (f) => ({ url: `${M(f)}/badges` }),
  },
  'GET /api/v1/communities/:community/leaderboard': {
    expect: [401, 403, 200, 200, 200, 200, 200, 200],
    hidden: [404, 404, 200, 200, 200, 200, 200, 200],
    request: async (f) => ({ url: `${C(f)}/leaderboard?period=all` }),
  },
  // H3 support cases. The target member asked the question; moderators and admins work cases by role
  // (observers only with the support-agent ability); a platform admin works cases but, without a
  // membership, posts no official answer and has no questions of their own.
  'POST /api/v1/communities/:community/topics/:topicId/escalate': {
    expect: [404, 404, 403, 403, 201, 403, 201, 201],
    hidden: [404, 404, 403, 403, 201, 403, 201, 201],
    request: async (f) => ({
      url: `${C(f)}/topics/${(await supportTarget(f)).topic.id}/escalate`,
      payload: {},
    }),
  },
  'GET /api/v1/communities/:community/cases': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({ url: `${C(f)}/cases?status=new` }),
  },
  'GET /api/v1/communities/:community/cases/:caseId': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({ url: `${C(f)}/cases/${(await seedCase((await supportTarget(f)).topic)).id}` }),
  },
  'PATCH /api/v1/communities/:community/cases/:caseId': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({
      url: `${C(f)}/cases/${(await seedCase((await supportTarget(f)).topic)).id}`,
      payload: { status: 'open' },
    }),
  },
  'POST /api/v1/communities/:community/cases/:caseId/answer': {
    expect: [401, 403, 403, 403, 201, 403, 201, 403],
    hidden: [404, 404, 403, 403, 201, 403, 201, 403],
    request: async (f) => ({
      url: `${C(f)}/cases/${(await seedCase((await supportTarget(f)).topic)).id}/answer`,
      payload: { body: 'An official answer from the table.' },
    }),
  },
  'PUT /api/v1/communities/:community/members/:memberId/support-agent': {
    expect: [401, 403, 403, 403, 403, 403, 200, 200],
    hidden: [404, 404, 403, 403, 403, 403, 200, 200],
    request: async (f) => ({ url: `${M(f)}/support-agent`, payload: { agent: true } }),
  },
  'GET /api/v1/communities/:community/members/:memberId/support-agent': {
    expect: [401, 403, 403, 403, 403, 403, 200, 200],
    hidden: [404, 404, 403, 403, 403, 403, 200, 200],
    request: async (f) => ({ url: `${M(f)}/support-agent` }),
  },
  'GET /api/v1/communities/:community/me/topics': {
    expect: [401, 403, 200, 200, 200, 200, 200, 403],
    hidden: [404, 404, 200, 200, 200, 200, 200, 403],
    request: async (f) => ({ url: `${C(f)}/me/topics` }),
  },
  // Images: members who write upload (a platform admin who is not a member has no pseudonym to post under).
  'POST /api/v1/communities/:community/uploads': {
    expect: [401, 403, 201, 201, 201, 403, 201, 403],
    hidden: [404, 404, 201, 201, 201, 403, 201, 403],
    request: async (f) => {
      const payload = new FormData();
      payload.append('file', new Blob([new Uint8Array(tinyPng())], { type: 'image/png' }), 'table.png');
      return { url: `${C(f)}/uploads`, payload };
    },
  },
  'GET /api/v1/communities/:community/boards/:board/contributors': {
    expect: [404, 404, 200, 200, 200, 200, 200, 200],
    hidden: [404, 404, 200, 200, 200, 200, 200, 200],
    request: async (f) => ({ url: `${C(f)}/boards/${(await supportTarget(f)).board.slug}/contributors` }),
  },
  // Editing and arranging posts: the target member wrote the topic and the reply, so other members may
  // not change them; staff may (a platform admin too, recorded without pseudonym). Anyone who reads a
  // post reads its edit history.
  'PATCH /api/v1/communities/:community/topics/:topicId': {
    expect: [404, 404, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({
      url: `${C(f)}/topics/${(await supportTarget(f)).topic.id}`,
      payload: { title: 'Retitled by the table', pinned: true },
    }),
  },
  'DELETE /api/v1/communities/:community/topics/:topicId': {
    expect: [404, 404, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({ url: `${C(f)}/topics/${(await supportTarget(f)).topic.id}` }),
  },
  'POST /api/v1/communities/:community/topics/:topicId/merge': {
    expect: [404, 404, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({
      url: `${C(f)}/topics/${(await supportTarget(f)).topic.id}/merge`,
      payload: { targetTopicId: (await supportTarget(f)).topic.id },
    }),
  },
  'GET /api/v1/communities/:community/topics/:topicId/revisions': {
    expect: [404, 404, 200, 200, 200, 200, 200, 200],
    hidden: [404, 404, 200, 200, 200, 200, 200, 200],
    request: async (f) => ({ url: `${C(f)}/topics/${(await supportTarget(f)).topic.id}/revisions` }),
  },
  'PATCH /api/v1/communities/:community/replies/:replyId': {
    expect: [404, 404, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({
      url: `${C(f)}/replies/${(await supportTarget(f)).reply.id}`,
      payload: { body: 'Edited by the table.' },
    }),
  },
  'DELETE /api/v1/communities/:community/replies/:replyId': {
    expect: [404, 404, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({ url: `${C(f)}/replies/${(await supportTarget(f)).reply.id}` }),
  },
  'GET /api/v1/communities/:community/replies/:replyId/revisions': {
    expect: [404, 404, 200, 200, 200, 200, 200, 200],
    hidden: [404, 404, 200, 200, 200, 200, 200, 200],
    request: async (f) => ({ url: `${C(f)}/replies/${(await supportTarget(f)).reply.id}/revisions` }),
  },
  // Search: a private community's content is searched by its members only (like its board list); the
  // target member opened their own solved question from the ask form. Observers and a platform admin
  // without a pseudonym never ask, so they record no deflection; staff and observers read the stats.
  'GET /api/v1/communities/:community/search': {
    expect: [401, 403, 200, 200, 200, 200, 200, 200],
    hidden: [404, 404, 200, 200, 200, 200, 200, 200],
    request: async (f) => ({ url: `${C(f)}/search?q=question&solved=false` }),
  },
  'GET /api/v1/communities/:community/topics/similar': {
    expect: [401, 403, 200, 200, 200, 200, 200, 200],
    hidden: [404, 404, 200, 200, 200, 200, 200, 200],
    request: async (f) => ({ url: `${C(f)}/topics/similar?title=${encodeURIComponent('Écran noir')}` }),
  },
  'POST /api/v1/communities/:community/deflections': {
    expect: [404, 404, 201, 201, 201, 403, 201, 403],
    hidden: [404, 404, 201, 201, 201, 403, 201, 403],
    request: async (f) => ({
      url: `${C(f)}/deflections`,
      payload: { topicId: (await supportTarget(f)).topic.id, title: 'Écran noir' },
    }),
  },
  'GET /api/v1/communities/:community/deflections/stats': {
    expect: [401, 403, 403, 403, 200, 200, 200, 200],
    hidden: [404, 404, 403, 403, 200, 200, 200, 200],
    request: async (f) => ({ url: `${C(f)}/deflections/stats` }),
  },
  // Insight panel (issue 5). Staff (moderators, admins, platform admins) define attributes and segments;
  // observers list the segments over observer-visible attributes (to filter results), read
  // observer-visible profile values and every survey's results, never respond; members see
  // the attributes they fill and answer the published surveys they are targeted by (a survey they may not
  // see is not found).
  'GET /api/v1/communities/:community/profile-attributes': {
    expect: [401, 403, 200, 200, 200, 200, 200, 200],
    hidden: [404, 404, 200, 200, 200, 200, 200, 200],
    request: async (f) => ({ url: `${C(f)}/profile-attributes` }),
  },
  'POST /api/v1/communities/:community/profile-attributes': {
    expect: [401, 403, 403, 403, 201, 403, 201, 201],
    hidden: [404, 404, 403, 403, 201, 403, 201, 201],
    request: async (f) => ({
      url: `${C(f)}/profile-attributes`,
      payload: { key: `k_${newId().slice(-8)}`, label: 'City', kind: 'text', visibility: 'member_editable' },
    }),
  },
  'GET /api/v1/communities/:community/members/:memberId/profile': {
    expect: [401, 403, 403, 403, 200, 200, 200, 200],
    hidden: [404, 404, 403, 403, 200, 200, 200, 200],
    request: async (f) => ({ url: `${M(f)}/profile` }),
  },
  'PUT /api/v1/communities/:community/members/:memberId/profile': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({ url: `${M(f)}/profile`, payload: { values: {} } }),
  },
  'GET /api/v1/communities/:community/segments': {
    expect: [401, 403, 403, 403, 200, 200, 200, 200],
    hidden: [404, 404, 403, 403, 200, 200, 200, 200],
    request: async (f) => ({ url: `${C(f)}/segments` }),
  },
  'POST /api/v1/communities/:community/segments': {
    expect: [401, 403, 403, 403, 201, 403, 201, 201],
    hidden: [404, 404, 403, 403, 201, 403, 201, 201],
    request: async (f) => ({
      url: `${C(f)}/segments`,
      payload: {
        name: `Segment ${newId()}`,
        filter: { match: 'all', conditions: [{ type: 'role', in: ['member'] }] },
      },
    }),
  },
  'POST /api/v1/communities/:community/segments/size': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({
      url: `${C(f)}/segments/size`,
      payload: { filter: { match: 'any', conditions: [] } },
    }),
  },
  'GET /api/v1/communities/:community/segments/:segmentId/size': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({
      url: `${C(f)}/segments/${(await seedSegment(f.community.id, { match: 'all', conditions: [] })).id}/size`,
    }),
  },
  'GET /api/v1/communities/:community/surveys': {
    expect: [401, 403, 200, 200, 200, 200, 200, 200],
    hidden: [404, 404, 200, 200, 200, 200, 200, 200],
    request: async (f) => ({ url: `${C(f)}/surveys` }),
  },
  'POST /api/v1/communities/:community/surveys': {
    expect: [401, 403, 403, 403, 201, 403, 201, 201],
    hidden: [404, 404, 403, 403, 201, 403, 201, 201],
    request: async (f) => ({
      url: `${C(f)}/surveys`,
      payload: { kind: 'poll', title: 'Colour', definition: POLL },
    }),
  },
  'GET /api/v1/communities/:community/surveys/:surveyId': {
    expect: [404, 404, 200, 200, 200, 200, 200, 200],
    hidden: [404, 404, 200, 200, 200, 200, 200, 200],
    request: async (f) => ({ url: `${C(f)}/surveys/${(await seedSurvey(f.community.id)).id}` }),
  },
  'PATCH /api/v1/communities/:community/surveys/:surveyId': {
    expect: [404, 404, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({
      url: `${C(f)}/surveys/${(await seedSurvey(f.community.id)).id}`,
      payload: { title: 'Retitled' },
    }),
  },
  'PUT /api/v1/communities/:community/surveys/:surveyId/response': {
    expect: [404, 404, 200, 200, 200, 403, 200, 403],
    hidden: [404, 404, 200, 200, 200, 403, 200, 403],
    request: async (f) => ({
      url: `${C(f)}/surveys/${(await seedSurvey(f.community.id)).id}/response`,
      payload: { pageId: 'p1', answers: { owns: 'yes' } },
    }),
  },
  'POST /api/v1/communities/:community/surveys/:surveyId/response': {
    expect: [404, 404, 200, 200, 200, 403, 200, 403],
    hidden: [404, 404, 200, 200, 200, 403, 200, 403],
    request: async (f) => ({
      url: `${C(f)}/surveys/${(await seedSurvey(f.community.id, { kind: 'poll', definition: POLL })).id}/response`,
      payload: { pageId: 'p1', answers: { color: 'red' } },
    }),
  },
  'GET /api/v1/communities/:community/surveys/:surveyId/results': {
    expect: [404, 404, 403, 403, 200, 200, 200, 200],
    hidden: [404, 404, 403, 403, 200, 200, 200, 200],
    request: async (f) => ({ url: `${C(f)}/surveys/${(await seedSurvey(f.community.id)).id}/results` }),
  },
  'GET /api/v1/communities/:community/surveys/:surveyId/export': {
    expect: [404, 404, 403, 403, 200, 200, 200, 200],
    hidden: [404, 404, 403, 403, 200, 200, 200, 200],
    request: async (f) => ({ url: `${C(f)}/surveys/${(await seedSurvey(f.community.id)).id}/export` }),
  },
  // Stimulus files of surveys: research staff upload them; staff and observers fetch any, members those a
  // published survey they are targeted by shows.
  'POST /api/v1/communities/:community/survey-media': {
    expect: [401, 403, 403, 403, 201, 403, 201, 201],
    hidden: [404, 404, 403, 403, 201, 403, 201, 201],
    request: async (f) => {
      const payload = new FormData();
      payload.append('file', new Blob([new Uint8Array(tinyPng())], { type: 'image/png' }), 'pack.png');
      return { url: `${C(f)}/survey-media`, payload };
    },
  },
  'GET /api/v1/communities/:community/survey-media/:mediaId': {
    expect: [404, 404, 200, 200, 200, 200, 200, 200],
    hidden: [404, 404, 200, 200, 200, 200, 200, 200],
    request: async (f) => {
      const { definition, media } = await seedStimulusDefinition(f.community.id);
      await seedSurvey(f.community.id, { definition });
      return { url: `${C(f)}/survey-media/${media.image}` };
    },
  },
  // Panel quality (issue 5, points 6–8): reliability, ratings, flagged members, probation and health are
  // staff's (moderators, admins, platform admins), never observers' or members'; only admins change the
  // panel settings.
  'GET /api/v1/communities/:community/members/:memberId/reliability': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({ url: `${M(f)}/reliability` }),
  },
  'POST /api/v1/communities/:community/members/:memberId/ratings': {
    expect: [401, 403, 403, 403, 201, 403, 201, 201],
    hidden: [404, 404, 403, 403, 201, 403, 201, 201],
    request: async (f) => ({ url: `${M(f)}/ratings`, payload: { rating: 4, note: 'Thoughtful answers' } }),
  },
  'GET /api/v1/communities/:community/panel/flagged': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({ url: `${C(f)}/panel/flagged` }),
  },
  'GET /api/v1/communities/:community/panel/probation': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({ url: `${C(f)}/panel/probation` }),
  },
  'POST /api/v1/communities/:community/members/:memberId/probation': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => {
      await setStage(f.targetMemberId, 'probation', new Date());
      return { url: `${M(f)}/probation`, payload: { decision: 'confirm' } };
    },
  },
  'GET /api/v1/communities/:community/panel/settings': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({ url: `${C(f)}/panel/settings` }),
  },
  'PATCH /api/v1/communities/:community/panel/settings': {
    expect: [401, 403, 403, 403, 403, 403, 200, 200],
    hidden: [404, 404, 403, 403, 403, 403, 200, 200],
    request: async (f) => ({ url: `${C(f)}/panel/settings`, payload: { probationDays: 21 } }),
  },
  'GET /api/v1/communities/:community/panel/health': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({ url: `${C(f)}/panel/health` }),
  },
  // Rewards catalogue. Whoever reads the community sees its catalogue; moderators and admins (and platform
  // admins) run it and its redemption queue; members and experts redeem with their points (staff roles do
  // not); only the redeemer (the target member here) cancels their own request.
  'GET /api/v1/communities/:community/rewards': {
    expect: [401, 403, 200, 200, 200, 200, 200, 200],
    hidden: [404, 404, 200, 200, 200, 200, 200, 200],
    request: async (f) => {
      await seedReward(f.community.id);
      return { url: `${C(f)}/rewards` };
    },
  },
  'POST /api/v1/communities/:community/rewards': {
    expect: [401, 403, 403, 403, 201, 403, 201, 201],
    hidden: [404, 404, 403, 403, 201, 403, 201, 201],
    request: async (f) => ({
      url: `${C(f)}/rewards`,
      payload: { kind: 'gift', title: 'Table mug', cost: 100 },
    }),
  },
  'GET /api/v1/communities/:community/rewards/:rewardId': {
    expect: [401, 403, 200, 200, 200, 200, 200, 200],
    hidden: [404, 404, 200, 200, 200, 200, 200, 200],
    request: async (f) => ({ url: `${C(f)}/rewards/${(await seedReward(f.community.id)).id}` }),
  },
  'PATCH /api/v1/communities/:community/rewards/:rewardId': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({
      url: `${C(f)}/rewards/${(await seedReward(f.community.id)).id}`,
      payload: { cost: 150 },
    }),
  },
  'POST /api/v1/communities/:community/rewards/:rewardId/voucher-codes': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({
      url: `${C(f)}/rewards/${(await seedVoucher(f.community.id, [])).id}/voucher-codes`,
      payload: { csv: 'code\nTABLE-1\nTABLE-2' },
    }),
  },
  'POST /api/v1/communities/:community/rewards/:rewardId/redemptions': {
    expect: [401, 403, 201, 201, 403, 403, 403, 403],
    hidden: [404, 404, 201, 201, 403, 403, 403, 403],
    request: async (f) => {
      await giveEveryonePoints(f.community.id, 100);
      const reward = await seedReward(f.community.id, { cost: 50 });
      return {
        url: `${C(f)}/rewards/${reward.id}/redemptions`,
        payload: { shippingAddress: '1 rue de la Paix' },
      };
    },
  },
  'GET /api/v1/communities/:community/redemptions': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => {
      await seedRedemption(f.community.id, f.targetMemberId);
      return { url: `${C(f)}/redemptions?status=requested` };
    },
  },
  'GET /api/v1/communities/:community/me/redemptions': {
    expect: [401, 403, 200, 200, 200, 200, 200, 403],
    hidden: [404, 404, 200, 200, 200, 200, 200, 403],
    request: async (f) => ({ url: `${C(f)}/me/redemptions` }),
  },
  'POST /api/v1/communities/:community/redemptions/:redemptionId/decision': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({
      url: `${C(f)}/redemptions/${(await seedRedemption(f.community.id, f.targetMemberId)).id}/decision`,
      payload: { decision: 'approve' },
    }),
  },
  'POST /api/v1/communities/:community/redemptions/:redemptionId/fulfilment': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({
      url: `${C(f)}/redemptions/${(await seedRedemption(f.community.id, f.targetMemberId, 'approved')).id}/fulfilment`,
      payload: { note: 'Shipped by the table' },
    }),
  },
  'POST /api/v1/communities/:community/redemptions/:redemptionId/cancel': {
    expect: [401, 403, 403, 403, 403, 403, 403, 403],
    hidden: [404, 404, 403, 403, 403, 403, 403, 403],
    request: async (f) => ({
      url: `${C(f)}/redemptions/${(await seedRedemption(f.community.id, f.targetMemberId)).id}/cancel`,
      payload: {},
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
  // Notifications (H4). Active members who read a topic or board follow it (observers watch, so they may);
  // a platform admin who is not a member has no membership to follow with.
  'PUT /api/v1/communities/:community/topics/:topicId/follow': {
    expect: [404, 404, 200, 200, 200, 200, 200, 403],
    hidden: [404, 404, 200, 200, 200, 200, 200, 403],
    request: async (f) => ({
      url: `${C(f)}/topics/${(await supportTarget(f)).topic.id}/follow`,
      payload: { following: true },
    }),
  },
  'PUT /api/v1/communities/:community/boards/:board/follow': {
    expect: [404, 404, 200, 200, 200, 200, 200, 403],
    hidden: [404, 404, 200, 200, 200, 200, 200, 403],
    request: async (f) => ({
      url: `${C(f)}/boards/${(await supportTarget(f)).board.slug}/follow`,
      payload: { following: true },
    }),
  },
  'GET /api/v1/me/notifications': {
    expect: [401, 200, 200, 200, 200, 200, 200, 200],
    request: async () => ({ url: '/api/v1/me/notifications?limit=5' }),
  },
  'POST /api/v1/me/notifications/read': {
    expect: [401, 200, 200, 200, 200, 200, 200, 200],
    request: async () => ({ url: '/api/v1/me/notifications/read', payload: { all: true } }),
  },
  'GET /api/v1/me/email-preferences': {
    expect: [401, 200, 200, 200, 200, 200, 200, 200],
    request: async () => ({ url: '/api/v1/me/email-preferences' }),
  },
  'PATCH /api/v1/me/email-preferences': {
    expect: [401, 200, 200, 200, 200, 200, 200, 200],
    request: async () => ({ url: '/api/v1/me/email-preferences', payload: { topic: false } }),
  },
  // The signed token is the proof, not the session: a forged one is unknown to everyone.
  'POST /api/v1/unsubscribe': {
    expect: [404, 404, 404, 404, 404, 404, 404, 404],
    request: async () => ({ url: '/api/v1/unsubscribe', payload: { token: `${newId()}.reply.forged` } }),
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
  // Live sessions: community admins and moderators run them; community members see the ones they are
  // invited to (the table's plain member is); staff not on a session (the observer here) do not see it.
  'POST /api/v1/communities/:community/live-sessions': {
    expect: [401, 403, 403, 403, 201, 403, 201, 201],
    hidden: [404, 404, 403, 403, 201, 403, 201, 201],
    request: async (f) => ({
      url: `${C(f)}/live-sessions`,
      payload: { title: 'Table', startsAt: '2030-01-01T10:00:00Z', durationMinutes: 60 },
    }),
  },
  'GET /api/v1/communities/:community/live-sessions': {
    expect: [401, 403, 200, 200, 200, 200, 200, 200],
    hidden: [404, 404, 200, 200, 200, 200, 200, 200],
    request: async (f) => ({ url: `${C(f)}/live-sessions` }),
  },
  'GET /api/v1/communities/:community/live-sessions/:sessionId': {
    expect: [401, 404, 200, 404, 200, 404, 200, 200],
    hidden: [404, 404, 200, 404, 200, 404, 200, 200],
    request: async (f) => ({ url: await liveTarget(f) }),
  },
  'PATCH /api/v1/communities/:community/live-sessions/:sessionId': {
    expect: [401, 404, 403, 404, 200, 404, 200, 200],
    hidden: [404, 404, 403, 404, 200, 404, 200, 200],
    request: async (f) => ({ url: await liveTarget(f), payload: { title: 'Changed by the table' } }),
  },
  'PUT /api/v1/communities/:community/live-sessions/:sessionId/guide': {
    expect: [401, 404, 403, 404, 200, 404, 200, 200],
    hidden: [404, 404, 403, 404, 200, 404, 200, 200],
    request: async (f) => ({
      url: `${await liveTarget(f)}/guide`,
      payload: { sections: [{ title: 'One', plannedMinutes: 5, items: [{ kind: 'probe', body: 'Why?' }] }] },
    }),
  },
  'POST /api/v1/communities/:community/live-sessions/:sessionId/invitations': {
    expect: [401, 404, 403, 404, 200, 404, 200, 200],
    hidden: [404, 404, 403, 404, 200, 404, 200, 200],
    request: async (f) => ({
      url: `${await liveTarget(f)}/invitations`,
      payload: { memberIds: [f.targetMemberId] },
    }),
  },
  'PUT /api/v1/communities/:community/live-sessions/:sessionId/invitation': {
    expect: [401, 404, 200, 404, 403, 404, 403, 403],
    hidden: [404, 404, 200, 404, 403, 404, 403, 403],
    request: async (f) => ({ url: `${await liveTarget(f)}/invitation`, payload: { response: 'accepted' } }),
  },
  'POST /api/v1/communities/:community/live-sessions/:sessionId/media': {
    expect: [401, 404, 403, 404, 201, 404, 201, 201],
    hidden: [404, 404, 403, 404, 201, 404, 201, 201],
    request: async (f) => {
      const payload = new FormData();
      payload.append('file', new Blob([new Uint8Array(tinyPng())], { type: 'image/png' }), 'stimulus.png');
      return { url: `${await liveTarget(f)}/media`, payload };
    },
  },
  'GET /api/v1/communities/:community/live-sessions/:sessionId/media/:mediaId': {
    expect: [401, 404, 200, 404, 200, 404, 200, 200],
    hidden: [404, 404, 200, 404, 200, 404, 200, 200],
    request: async (f) => ({ url: await liveMediaTarget(f) }),
  },
  'GET /api/v1/communities/:community/live-sessions/:sessionId/transcript': {
    expect: [401, 404, 403, 404, 200, 404, 200, 200],
    hidden: [404, 404, 403, 404, 200, 404, 200, 200],
    request: async (f) => ({ url: `${await liveTarget(f)}/transcript` }),
  },
  'GET /api/v1/communities/:community/live-sessions/:sessionId/transcript/export': {
    expect: [401, 404, 403, 404, 200, 404, 200, 200],
    hidden: [404, 404, 403, 404, 200, 404, 200, 200],
    request: async (f) => ({ url: `${await liveTarget(f)}/transcript/export?format=csv` }),
  },
  // Live sessions' tools: the probe library belongs to the staff who prepare sessions; guide files to the
  // session's moderators; coding to its moderators and observers (never its participants).
  'GET /api/v1/communities/:community/live-probes': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({ url: `${C(f)}/live-probes?q=why` }),
  },
  'POST /api/v1/communities/:community/live-probes': {
    expect: [401, 403, 403, 403, 201, 403, 201, 201],
    hidden: [404, 404, 403, 403, 201, 403, 201, 201],
    request: async (f) => ({ url: `${C(f)}/live-probes`, payload: { body: 'Why?', tags: ['why'] } }),
  },
  'PATCH /api/v1/communities/:community/live-probes/:probeId': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({ url: await liveProbeTarget(f), payload: { body: 'How so?' } }),
  },
  'DELETE /api/v1/communities/:community/live-probes/:probeId': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({ url: await liveProbeTarget(f) }),
  },
  'GET /api/v1/communities/:community/live-sessions/:sessionId/guide/export': {
    expect: [401, 404, 403, 404, 200, 404, 200, 200],
    hidden: [404, 404, 403, 404, 200, 404, 200, 200],
    request: async (f) => ({ url: `${await liveTarget(f)}/guide/export` }),
  },
  'POST /api/v1/communities/:community/live-sessions/:sessionId/guide/import': {
    expect: [401, 404, 403, 404, 200, 404, 200, 200],
    hidden: [404, 404, 403, 404, 200, 404, 200, 200],
    request: async (f) => ({
      url: `${await liveTarget(f)}/guide/import`,
      payload: {
        mode: 'append',
        guide: {
          format: 'cercle.live-guide',
          version: 1,
          sections: [{ title: 'One', plannedMinutes: 5, items: [{ kind: 'probe', body: 'Why?' }] }],
        },
      },
    }),
  },
  'GET /api/v1/communities/:community/live-sessions/:sessionId/codes': {
    expect: [401, 404, 403, 404, 200, 404, 200, 200],
    hidden: [404, 404, 403, 404, 200, 404, 200, 200],
    request: async (f) => ({ url: `${(await liveCodingTarget(f)).url}/codes` }),
  },
  'POST /api/v1/communities/:community/live-sessions/:sessionId/codes': {
    expect: [401, 404, 403, 404, 201, 404, 201, 201],
    hidden: [404, 404, 403, 404, 201, 404, 201, 201],
    request: async (f) => ({
      url: `${await liveTarget(f)}/codes`,
      payload: { name: 'Comfort', colour: '#118833' },
    }),
  },
  'PATCH /api/v1/communities/:community/live-sessions/:sessionId/codes/:codeId': {
    expect: [401, 404, 403, 404, 200, 404, 200, 200],
    hidden: [404, 404, 403, 404, 200, 404, 200, 200],
    request: async (f) => {
      const { url, codeId } = await liveCodingTarget(f);
      return { url: `${url}/codes/${codeId}`, payload: { name: 'Cost' } };
    },
  },
  'DELETE /api/v1/communities/:community/live-sessions/:sessionId/codes/:codeId': {
    expect: [401, 404, 403, 404, 200, 404, 200, 200],
    hidden: [404, 404, 403, 404, 200, 404, 200, 200],
    request: async (f) => {
      const { url, codeId } = await liveCodingTarget(f);
      return { url: `${url}/codes/${codeId}?untag=true` };
    },
  },
  'POST /api/v1/communities/:community/live-sessions/:sessionId/codes/copy': {
    expect: [401, 404, 403, 404, 200, 404, 200, 200],
    hidden: [404, 404, 403, 404, 200, 404, 200, 200],
    request: async (f) => {
      const { url: from } = await liveCodingTarget(f);
      return {
        url: `${await liveTarget(f)}/codes/copy`,
        payload: { fromSessionId: from.slice(from.lastIndexOf('/') + 1) },
      };
    },
  },
  'POST /api/v1/communities/:community/live-sessions/:sessionId/excerpts': {
    expect: [401, 404, 403, 404, 200, 404, 200, 200],
    hidden: [404, 404, 403, 404, 200, 404, 200, 200],
    request: async (f) => {
      const { url, seq, codeId } = await liveCodingTarget(f);
      return { url: `${url}/excerpts`, payload: { codeId, seq, start: 0, end: 3 } };
    },
  },
  'DELETE /api/v1/communities/:community/live-sessions/:sessionId/excerpts/:excerptId': {
    expect: [401, 404, 403, 404, 200, 404, 200, 200],
    hidden: [404, 404, 403, 404, 200, 404, 200, 200],
    request: async (f) => {
      const { url, excerptId } = await liveCodingTarget(f);
      return { url: `${url}/excerpts/${excerptId}` };
    },
  },
  // Recruitment (issue 5). Staff run campaigns, import contacts, list and decide applications and publish the
  // consent texts; a campaign's public link is readable by anyone; applying needs an account (members
  // already in are refused); the links sent by email work once, from any browser.
  'GET /api/v1/communities/:community/campaigns': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({ url: `${C(f)}/campaigns` }),
  },
  'POST /api/v1/communities/:community/campaigns': {
    expect: [401, 403, 403, 403, 201, 403, 201, 201],
    hidden: [404, 404, 403, 403, 201, 403, 201, 201],
    request: async (f) => ({
      url: `${C(f)}/campaigns`,
      payload: { name: 'Spring', screener: SCREENER, target: 10 },
    }),
  },
  'GET /api/v1/communities/:community/campaigns/:campaignId': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({ url: `${C(f)}/campaigns/${(await seedCampaign(f.community.id)).id}` }),
  },
  'PUT /api/v1/communities/:community/campaigns/:campaignId': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({
      url: `${C(f)}/campaigns/${(await seedCampaign(f.community.id)).id}`,
      payload: { name: 'Spring, edited', screener: SCREENER, target: 12, open: false },
    }),
  },
  'GET /api/v1/communities/:community/campaigns/:campaignId/qr-code': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({ url: `${C(f)}/campaigns/${(await seedCampaign(f.community.id)).id}/qr-code` }),
  },
  'POST /api/v1/communities/:community/campaigns/:campaignId/contacts': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({
      url: `${C(f)}/campaigns/${(await seedCampaign(f.community.id)).id}/contacts`,
      payload: { csv: `email\nc-${newId()}@example.test`, mapping: { email: 'email' }, preview: true },
    }),
  },
  'GET /api/v1/communities/:community/applications': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({ url: `${C(f)}/applications?status=waitlisted` }),
  },
  'POST /api/v1/communities/:community/applications/:applicationId/decision': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => {
      const campaign = await seedCampaign(f.community.id);
      return {
        url: `${C(f)}/applications/${await seedApplication(f.community.id, campaign.id)}/decision`,
        payload: { decision: 'disqualify' },
      };
    },
  },
  'GET /api/v1/communities/:community/consent-texts': {
    expect: [401, 403, 403, 403, 200, 403, 200, 200],
    hidden: [404, 404, 403, 403, 200, 403, 200, 200],
    request: async (f) => ({ url: `${C(f)}/consent-texts` }),
  },
  'POST /api/v1/communities/:community/consent-texts': {
    expect: [401, 403, 403, 403, 201, 403, 201, 201],
    hidden: [404, 404, 403, 403, 201, 403, 201, 201],
    request: async (f) => {
      const text = { en: 'Yes', fr: 'Oui' };
      return {
        url: `${C(f)}/consent-texts`,
        payload: {
          participation: text,
          contact_email: text,
          contact_sms: text,
          quotes: text,
          client_viewing: text,
        },
      };
    },
  },
  'GET /api/v1/admin/sms': {
    expect: [401, 403, 403, 403, 403, 403, 403, 200],
    request: async () => ({ url: '/api/v1/admin/sms?limit=1' }),
  },
  'GET /api/v1/communities/:community/me/consents': {
    expect: [401, 403, 404, 404, 404, 404, 404, 403],
    hidden: [404, 404, 404, 404, 404, 404, 404, 403],
    request: async (f) => ({ url: `${C(f)}/me/consents` }),
  },
  'GET /api/v1/recruitment/:token': {
    expect: [200, 200, 200, 200, 200, 200, 200, 200],
    request: async (f) => ({ url: `/api/v1/recruitment/${(await seedCampaign(f.community.id)).token}` }),
  },
  'POST /api/v1/recruitment/:token/application': {
    expect: [401, 201, 409, 409, 409, 409, 409, 201],
    request: async (f) => ({
      url: `/api/v1/recruitment/${(await seedCampaign(f.community.id)).token}/application`,
      payload: applyBody(),
    }),
  },
  'GET /api/v1/recruitment/:token/application': {
    expect: [401, 404, 404, 404, 404, 404, 404, 404],
    request: async (f) => ({
      url: `/api/v1/recruitment/${(await seedCampaign(f.community.id)).token}/application`,
    }),
  },
  'POST /api/v1/recruitment/:token/application/phone-code': {
    expect: [401, 404, 404, 404, 404, 404, 404, 404],
    request: async (f) => ({
      url: `/api/v1/recruitment/${(await seedCampaign(f.community.id)).token}/application/phone-code`,
      payload: {},
    }),
  },
  'POST /api/v1/recruitment/:token/application/phone': {
    expect: [401, 404, 404, 404, 404, 404, 404, 404],
    request: async (f) => ({
      url: `/api/v1/recruitment/${(await seedCampaign(f.community.id)).token}/application/phone`,
      payload: { code: '123456' },
    }),
  },
  'POST /api/v1/recruitment/email-confirmations': {
    expect: [410, 410, 410, 410, 410, 410, 410, 410],
    request: async () => ({
      url: '/api/v1/recruitment/email-confirmations',
      payload: { token: `t-${newId()}` },
    }),
  },
  'POST /api/v1/recruitment/seat-offers': {
    expect: [410, 410, 410, 410, 410, 410, 410, 410],
    request: async () => ({ url: '/api/v1/recruitment/seat-offers', payload: { token: `t-${newId()}` } }),
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
