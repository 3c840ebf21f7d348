import type { Insertable } from 'kysely';
import { newId } from '../server/platform/db/ids.ts';
import type { CaseRow, CaseTable } from '../server/platform/db/schema.ts';
import { addMember, plainUser, testApp } from './helpers.ts';
import { seedTopic, supportCommunity, type Person } from './support-fixtures.ts';

/** Grants the support-agent ability directly. */
export async function makeAgent(memberId: string): Promise<void> {
  const { kernel } = await testApp();
  await kernel.db
    .updateTable('memberships')
    .set({ support_agent: true })
    .where('id', '=', memberId)
    .execute();
}

/**
 * A support community (see `supportCommunity`) plus `agent`, an observer with the support-agent ability,
 * a question asked by `member`, and `foreignAgent`, an agent of another community.
 */
export async function caseCommunity(overrides: Parameters<typeof supportCommunity>[0] = {}) {
  const fixture = await supportCommunity(overrides);
  const agentUser = await plainUser();
  const agent: Person = {
    user: agentUser,
    memberId: await addMember(fixture.community.id, agentUser.userId, 'observer'),
  };
  await makeAgent(agent.memberId);
  const elsewhere = await supportCommunity();
  const foreignUser = await plainUser();
  const foreignAgent: Person = {
    user: foreignUser,
    memberId: await addMember(elsewhere.community.id, foreignUser.userId, 'observer'),
  };
  await makeAgent(foreignAgent.memberId);
  const topic = await seedTopic(fixture.board, fixture.member.memberId, { title: 'My bike squeaks' });
  return { ...fixture, agent, foreignAgent, elsewhere, topic };
}

/** Inserts a case directly for a topic (status `new` unless told). */
export async function seedCase(
  topic: { id: string; community_id: string },
  values: Partial<Insertable<CaseTable>> = {},
): Promise<CaseRow> {
  const { kernel } = await testApp();
  return kernel.db
    .insertInto('cases')
    .values({
      id: newId(),
      community_id: topic.community_id,
      topic_id: topic.id,
      opened_by: 'auto',
      ...values,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The stored row of a case. */
export async function caseRow(caseId: string): Promise<CaseRow> {
  const { kernel } = await testApp();
  return kernel.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
}

/** The emails stored for an address, oldest first. */
export async function mailsTo(address: string) {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('mail_messages')
    .select(['kind', 'subject', 'text_body', 'locale'])
    .where('to_address', '=', address)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
