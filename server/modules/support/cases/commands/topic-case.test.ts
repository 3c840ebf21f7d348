import { beforeAll, describe, expect, it } from 'vitest';
import { caseCommunity, seedCase } from '../../../../../test/case-fixtures.ts';
import { ctxFor, plainUser, testApp } from '../../../../../test/helpers.ts';
import { getTopic } from '../../commands/get-topic.ts';

// Migrating the test database can be slow on a busy machine: do it before the first test's clock starts.
beforeAll(() => testApp(), 180_000);

describe('a topic’s case as getTopic shows it (topicCaseFor)', () => {
  it('shows the case to the asker and case workers only, and who may escalate or open it', async () => {
    const { community, member, other, observer, agent, moderator, topic } = await caseCommunity();
    const view = async (user: typeof member.user | null) =>
      getTopic({ ctx: await ctxFor(user), community: community.slug, topicId: topic.id });

    // Before any case: the asker and moderators may escalate; nobody else.
    expect((await view(member.user)).abilities).toMatchObject({ escalate: true, workCase: false });
    expect((await view(moderator.user)).abilities).toMatchObject({ escalate: true, workCase: false });
    for (const user of [other.user, observer.user, agent.user, null]) {
      expect((await view(user)).abilities).toMatchObject({ escalate: false, workCase: false });
    }

    const found = await seedCase(topic, { status: 'open' });
    const asker = await view(member.user);
    expect(asker.case).toEqual({
      id: found.id,
      status: 'open',
      statusLabel: 'In progress',
      openedAt: found.opened_at.toISOString(),
    });
    expect(asker.abilities).toMatchObject({ escalate: false, workCase: false });
    for (const user of [agent.user, moderator.user, await plainUser({ platformAdmin: true })]) {
      const seen = await view(user);
      expect(seen.case?.status).toBe('open');
      expect(seen.abilities).toMatchObject({ escalate: false, workCase: true });
    }
    // Other members, observers without the ability and visitors never see that a case exists.
    for (const user of [other.user, observer.user, null, await plainUser()]) {
      expect((await view(user)).case).toBeNull();
    }
  });
});
