import { beforeAll, describe, expect, it } from 'vitest';
import { caseCommunity } from '../../../../../test/case-fixtures.ts';
import { ctxFor, expectAppError, plainUser, testApp } from '../../../../../test/helpers.ts';
import { newId } from '../../../../platform/db/ids.ts';
import { getSupportAgent } from './get-support-agent.ts';

// Migrating the test database can be slow on a busy machine: do it before the first test's clock starts.
beforeAll(() => testApp(), 180_000);

describe('getSupportAgent', () => {
  it('reports unknown members and members of other communities as not found', async () => {
    const { community, admin, foreignAgent } = await caseCommunity();
    const ctx = await ctxFor(admin.user);
    for (const memberId of ['nope', newId(), foreignAgent.memberId]) {
      await expectAppError(getSupportAgent({ ctx, community: community.slug, memberId }), 'not_found');
    }
  });

  it('refuses everyone but community admins and platform admins', async () => {
    const { community, member, moderator, agent } = await caseCommunity();
    await expectAppError(
      getSupportAgent({ ctx: await ctxFor(null), community: community.slug, memberId: agent.memberId }),
      'unauthenticated',
    );
    for (const person of [member, moderator, agent]) {
      await expectAppError(
        getSupportAgent({
          ctx: await ctxFor(person.user),
          community: community.slug,
          memberId: agent.memberId,
        }),
        'forbidden',
      );
    }
  });

  it('tells community and platform admins whether a member is an agent', async () => {
    const { community, admin, agent, observer } = await caseCommunity();
    const ctx = await ctxFor(admin.user);
    expect(await getSupportAgent({ ctx, community: community.slug, memberId: agent.memberId })).toEqual({
      memberId: agent.memberId,
      supportAgent: true,
    });
    const root = await ctxFor(await plainUser({ platformAdmin: true }));
    expect(
      await getSupportAgent({ ctx: root, community: community.slug, memberId: observer.memberId }),
    ).toEqual({
      memberId: observer.memberId,
      supportAgent: false,
    });
  });
});
