import { beforeAll, describe, expect, it } from 'vitest';
import { codedSession } from '../../../../test/live-tools-fixtures.ts';
import { ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { deleteLiveCode } from './delete-live-code.ts';
import { listLiveCodes } from './list-live-codes.ts';
import { tagLiveExcerpt } from './tag-live-excerpt.ts';

beforeAll(() => testApp(), 180_000);

/** A coded session whose "Price" also tags a span of the message, and a way to delete codes. */
async function codebook() {
  const f = await codedSession();
  await tagLiveExcerpt({
    ctx: f.ctx,
    ...f.where,
    input: { codeId: f.price.id, seq: f.seq, start: 0, end: 8 },
  });
  const remove = (codeId: string, query: unknown = {}, actor = f.ctx) =>
    deleteLiveCode({ ctx: actor, ...f.where, codeId, query });
  return { ...f, spare: f.comfort, remove };
}

describe('deleteLiveCode', () => {
  it('rejects a bad confirmation, unknown codes, foreign staff and participants', async () => {
    const { price, remove, alice, guest } = await codebook();
    await expectAppError(remove(price.id, { untag: 'maybe' }), 'validation_failed', '/untag');
    await expectAppError(remove(newId(), { untag: true }), 'not_found');
    await expectAppError(remove(price.id, { untag: true }, await ctxFor(guest.user)), 'not_found');
    await expectAppError(remove(price.id, { untag: true }, await ctxFor(alice.user)), 'forbidden');
  });

  it('asks to confirm before a code in use leaves its excerpts, then untags them; unused codes go at once', async () => {
    const { community, price, spare, remove, observer, ctx, where } = await codebook();
    const refused = await expectAppError(remove(price.id), 'conflict');
    expect(refused.messageKey).toBe('live.code.inUse');
    expect((await listLiveCodes({ ctx, ...where })).items).toHaveLength(2);
    expect(await remove(spare.id, {}, await ctxFor(observer.user))).toEqual({
      id: spare.id,
      deleted: true,
      untagged: 0,
    });
    expect(await remove(price.id, { untag: true })).toEqual({ id: price.id, deleted: true, untagged: 2 });
    expect((await listLiveCodes({ ctx, ...where })).items).toEqual([]);
    const { kernel } = await testApp();
    const left = await kernel.db
      .selectFrom('live_excerpts')
      .select('id')
      .where('session_id', '=', where.sessionId)
      .execute();
    expect(left).toEqual([]);
    const deleted = (await outboxEventsOf(community.id)).filter((e) => e.type === 'live_code.deleted');
    expect(deleted.map((e) => (e.payload as { untagged: number }).untagged)).toEqual([0, 2]);
  });
});
