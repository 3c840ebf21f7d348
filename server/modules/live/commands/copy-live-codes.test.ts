import { beforeAll, describe, expect, it } from 'vitest';
import { liveCommunity, seedSession } from '../../../../test/live-fixtures.ts';
import { ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { copyLiveCodes } from './copy-live-codes.ts';
import { createLiveCode } from './create-live-code.ts';

beforeAll(() => testApp(), 180_000);

/** A session with codes "Price" and "Comfort", and a second session of the same staff with "Price" only. */
async function twoSessions() {
  const f = await liveCommunity();
  const ctx = await ctxFor(f.moderator.user);
  const earlier = await seedSession(f.community.id, {
    status: 'ended',
    staff: [
      [f.moderator.memberId, 'moderator'],
      [f.observer.memberId, 'observer'],
    ],
  });
  const code = (sessionId: string, name: string, colour: string) =>
    createLiveCode({ ctx, community: f.community.slug, sessionId, input: { name, colour } });
  await code(earlier.id, 'Price', '#cc3300');
  await code(earlier.id, 'Comfort', '#118833');
  await code(f.session.id, 'Price', '#0000ff');
  const copy = (fromSessionId: string, actor = ctx, sessionId = f.session.id) =>
    copyLiveCodes({ ctx: actor, community: f.community.slug, sessionId, input: { fromSessionId } });
  return { ...f, ctx, earlier, copy };
}

describe('copyLiveCodes', () => {
  it('rejects bad input, the same session and sessions the actor may not read', async () => {
    const { community, session, copy, observer, foreign, elsewhere } = await twoSessions();
    await expectAppError(copy('nope'), 'validation_failed', '/fromSessionId');
    const same = await expectAppError(copy(session.id), 'validation_failed', '/fromSessionId');
    expect(same.fields[0].key).toBe('live.code.sameSession');
    const unknown = await expectAppError(copy(newId()), 'validation_failed', '/fromSessionId');
    expect(unknown.fields[0].key).toBe('validation.invalidChoice');
    // A session of another community is not a choice either.
    const abroad = await seedSession(elsewhere.id, { staff: [[foreign.memberId, 'moderator']] });
    await expectAppError(copy(abroad.id), 'validation_failed', '/fromSessionId');
    // An observer of this session who is not on the other one cannot read it: not a choice for them.
    const other = await seedSession(community.id, {});
    const refused = await expectAppError(
      copy(other.id, await ctxFor(observer.user)),
      'validation_failed',
      '/fromSessionId',
    );
    expect(refused.fields[0].key).toBe('validation.invalidChoice');
  });

  it('refuses participants and staff off the session', async () => {
    const { earlier, copy, alice, guest } = await twoSessions();
    await expectAppError(copy(earlier.id, await ctxFor(alice.user)), 'forbidden');
    await expectAppError(copy(earlier.id, await ctxFor(guest.user)), 'not_found');
  });

  it('copies the names and colours missing from the codebook, and says how many', async () => {
    const { community, earlier, copy, observer } = await twoSessions();
    const first = await copy(earlier.id, await ctxFor(observer.user));
    expect(first.copied).toBe(1);
    expect(first.items.map((c) => [c.name, c.colour, c.excerpts.length])).toEqual([
      ['Comfort', '#118833', 0],
      ['Price', '#0000ff', 0],
    ]);
    expect((await copy(earlier.id)).copied).toBe(0);
    const copied = (await outboxEventsOf(community.id)).filter((e) => e.type === 'live_code.copied');
    expect(copied).toHaveLength(1);
  });
});
