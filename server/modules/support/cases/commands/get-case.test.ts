import { beforeAll, describe, expect, it } from 'vitest';
import { caseCommunity, seedCase } from '../../../../../test/case-fixtures.ts';
import { ctxFor, expectAppError, plainUser, testApp } from '../../../../../test/helpers.ts';
import { seedTopic } from '../../../../../test/support-fixtures.ts';
import { newId } from '../../../../platform/db/ids.ts';
import { getCase } from './get-case.ts';
import { updateCase } from './update-case.ts';

// Migrating the test database can be slow on a busy machine: do it before the first test's clock starts.
beforeAll(() => testApp(), 180_000);

describe('getCase', () => {
  it('reports unknown and foreign cases as not found', async () => {
    const { community, agent, elsewhere } = await caseCommunity();
    const foreign = await seedCase(await seedTopic(elsewhere.board, elsewhere.member.memberId));
    const ctx = await ctxFor(agent.user);
    for (const caseId of ['nope', newId(), foreign.id]) {
      await expectAppError(getCase({ ctx, community: community.slug, caseId }), 'not_found');
    }
  });

  it('refuses the asker, other members, observers without the ability and other communities’ agents', async () => {
    const { community, member, other, expert, observer, foreignAgent, topic } = await caseCommunity();
    const found = await seedCase(topic);
    await expectAppError(
      getCase({ ctx: await ctxFor(null), community: community.slug, caseId: found.id }),
      'unauthenticated',
    );
    for (const person of [member, other, expert, observer, foreignAgent, { user: await plainUser() }]) {
      await expectAppError(
        getCase({ ctx: await ctxFor(person.user), community: community.slug, caseId: found.id }),
        'forbidden',
      );
    }
  });

  it('shows the question, internal notes, history, assignable workers and abilities to an agent', async () => {
    const { community, admin, moderator, agent, topic } = await caseCommunity();
    const found = await seedCase(topic);
    await updateCase({
      ctx: await ctxFor(moderator.user),
      community: community.slug,
      caseId: found.id,
      input: { note: 'Internal only' },
    });
    const detail = await getCase({
      ctx: await ctxFor(agent.user),
      community: community.slug,
      caseId: found.id,
    });
    expect(detail).toMatchObject({
      id: found.id,
      status: 'new',
      openedBy: 'auto',
      topic: { id: topic.id, title: 'My bike squeaks' },
      notes: [{ body: 'Internal only', author: { id: moderator.memberId } }],
      history: [{ kind: 'note_added', actor: { id: moderator.memberId } }],
      abilities: { work: true, answer: true, manageAgents: false },
    });
    expect(detail.topicBodyHtml).toContain('<strong>answer</strong>');
    expect(detail.agents.map((a) => a.id).sort()).toEqual(
      [admin.memberId, moderator.memberId, agent.memberId].sort(),
    );
  });
});
