import { beforeAll, describe, expect, it } from 'vitest';
import { caseCommunity } from '../../../../../test/case-fixtures.ts';
import {
  auditRowsOf,
  ctxFor,
  expectAppError,
  outboxEventsOf,
  plainUser,
  testApp,
} from '../../../../../test/helpers.ts';
import { newId } from '../../../../platform/db/ids.ts';
import { listCases } from './list-cases.ts';
import { setSupportAgent } from './set-support-agent.ts';

// Migrating the test database can be slow on a busy machine: do it before the first test's clock starts.
beforeAll(() => testApp(), 180_000);

describe('setSupportAgent', () => {
  it('rejects bad input with the field paths', async () => {
    const { community, admin, observer } = await caseCommunity();
    const ctx = await ctxFor(admin.user);
    for (const [input, path] of [
      [{}, '/agent'],
      [{ agent: 'yes' }, '/agent'],
      [{ agent: true, role: 'admin' }, '/role'],
    ] as [unknown, string][]) {
      await expectAppError(
        setSupportAgent({ ctx, community: community.slug, memberId: observer.memberId, input }),
        'validation_failed',
        path,
      );
    }
  });

  it('reports unknown members and members of other communities as not found', async () => {
    const { community, admin, foreignAgent } = await caseCommunity();
    const ctx = await ctxFor(admin.user);
    for (const memberId of ['nope', newId(), foreignAgent.memberId]) {
      await expectAppError(
        setSupportAgent({ ctx, community: community.slug, memberId, input: { agent: true } }),
        'not_found',
      );
    }
  });

  it('refuses everyone but community admins and platform admins', async () => {
    const { community, member, expert, moderator, observer, agent } = await caseCommunity();
    await expectAppError(
      setSupportAgent({
        ctx: await ctxFor(null),
        community: community.slug,
        memberId: observer.memberId,
        input: { agent: true },
      }),
      'unauthenticated',
    );
    for (const person of [member, expert, moderator, observer, agent]) {
      await expectAppError(
        setSupportAgent({
          ctx: await ctxFor(person.user),
          community: community.slug,
          memberId: observer.memberId,
          input: { agent: true },
        }),
        'forbidden',
      );
    }
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('grants and revokes the ability: events, audit, and the observer then works the queue', async () => {
    const { community, admin, observer } = await caseCommunity();
    const observerCtx = await ctxFor(observer.user);
    await expectAppError(listCases({ ctx: observerCtx, community: community.slug, query: {} }), 'forbidden');
    const ctx = await ctxFor(admin.user);
    const granted = await setSupportAgent({
      ctx,
      community: community.slug,
      memberId: observer.memberId,
      input: { agent: true },
    });
    expect(granted).toEqual({ memberId: observer.memberId, supportAgent: true });
    expect((await listCases({ ctx: observerCtx, community: community.slug, query: {} })).items).toEqual([]);
    await setSupportAgent({
      ctx,
      community: community.slug,
      memberId: observer.memberId,
      input: { agent: true },
    });
    const root = await plainUser({ platformAdmin: true });
    await setSupportAgent({
      ctx: await ctxFor(root),
      community: community.slug,
      memberId: observer.memberId,
      input: { agent: false },
    });
    await expectAppError(listCases({ ctx: observerCtx, community: community.slug, query: {} }), 'forbidden');
    expect(await outboxEventsOf(community.id)).toEqual([
      {
        type: 'support_agent.granted',
        actor: admin.user.userId,
        payload: { communityId: community.id, memberId: observer.memberId },
      },
      {
        type: 'support_agent.revoked',
        actor: root.userId,
        payload: { communityId: community.id, memberId: observer.memberId },
      },
    ]);
    expect((await auditRowsOf(community.id)).map((r) => r.action)).toEqual([
      'member.support_agent',
      'member.support_agent',
    ]);
  });
});
