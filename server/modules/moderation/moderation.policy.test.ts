import { describe, expect, it } from 'vitest';
import type { Actor, MembershipFacts } from '../../platform/authz/actor.ts';
import type { CommunityRole, MembershipStatus } from '../../platform/db/schema.ts';
import { flagPolicy, moderationPolicy } from './moderation.policy.ts';

const actor = (isPlatformAdmin = false): Actor => ({
  userId: 'u',
  email: 'u@example.test',
  name: 'U',
  emailVerified: true,
  isPlatformAdmin,
  locale: null,
});
const member = (role: CommunityRole, status: MembershipStatus = 'active'): MembershipFacts => ({
  id: `m-${role}`,
  role,
  status,
  pseudonym: role,
});
const community = { id: 'c', visibility: 'public', join_policy: 'open' } as const;

describe('moderationPolicy', () => {
  it('lets active moderators, admins and platform admins moderate; only admins manage settings', () => {
    const rows: [string, Actor, MembershipFacts | null, boolean, boolean][] = [
      ['member', actor(), member('member'), false, false],
      ['expert', actor(), member('expert'), false, false],
      ['observer', actor(), member('observer'), false, false],
      ['moderator', actor(), member('moderator'), true, false],
      ['suspended moderator', actor(), member('moderator', 'suspended'), false, false],
      ['admin', actor(), member('admin'), true, true],
      ['platform admin', actor(true), null, true, true],
      ['outsider', actor(), null, false, false],
    ];
    for (const [label, who, membership, moderate, settings] of rows) {
      const resource = { community, membership };
      expect([label, moderationPolicy.moderateContent(who, resource)]).toEqual([label, moderate]);
      expect([label, moderationPolicy.manageSupportSettings(who, resource)]).toEqual([label, settings]);
    }
    expect(moderationPolicy.moderateContent(null, { community, membership: null })).toBe(false);
  });
});

describe('flagPolicy', () => {
  it('lets participants flag others’ published posts, never their own, never as observers', () => {
    const post = (authorId: string, status = 'published') => ({ authorId, status });
    const flag = (
      membership: MembershipFacts | null,
      p: { authorId: string; status: string },
      who = actor(),
    ) => flagPolicy.flag(who, { community, membership, post: p });
    for (const role of ['member', 'expert', 'moderator', 'admin'] as const) {
      expect(flag(member(role), post('someone'))).toBe(true);
      expect(flag(member(role), post(`m-${role}`))).toBe(false);
      expect(flag(member(role), post('someone', 'pending'))).toBe(false);
      expect(flag(member(role), post('someone', 'hidden'))).toBe(false);
    }
    expect(flag(member('observer'), post('someone'))).toBe(false);
    expect(flag(member('member', 'suspended'), post('someone'))).toBe(false);
    expect(flag(null, post('someone'), actor(true))).toBe(false);
  });
});
