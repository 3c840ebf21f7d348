import { beforeAll, describe, expect, it } from 'vitest';
import { codedSession } from '../../../../test/live-tools-fixtures.ts';
import { ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { listLiveCodes } from './list-live-codes.ts';
import { updateLiveCode } from './update-live-code.ts';

beforeAll(() => testApp(), 180_000);

/** A coded session and its moderator's way to change a code. */
async function codebook() {
  const f = await codedSession();
  const update = (codeId: string, input: unknown, actor = f.ctx) =>
    updateLiveCode({ ctx: actor, ...f.where, codeId, input });
  return { ...f, update };
}

describe('updateLiveCode', () => {
  it('rejects bad input and a name already in the codebook, with the field paths', async () => {
    const { price, update } = await codebook();
    const cases: [unknown, string, string][] = [
      [{}, '', 'validation.invalidFormat'],
      [{ name: '  ' }, '/name', 'validation.required'],
      [{ colour: 'red' }, '/colour', 'validation.colorFormat'],
      [{ name: 'x'.repeat(61) }, '/name', 'validation.tooLong'],
      [{ name: ' Comfort ' }, '/name', 'live.code.nameTaken'],
    ];
    for (const [input, path, key] of cases) {
      const error = await expectAppError(update(price.id, input), 'validation_failed');
      expect(error.fields[0]).toMatchObject({ path, key });
    }
  });

  it('reports unknown codes and sessions as not found and refuses participants', async () => {
    const { community, session, price, update, alice, guest, moderator } = await codebook();
    await expectAppError(update(newId(), { name: 'Cost' }), 'not_found');
    await expectAppError(
      updateLiveCode({
        ctx: await ctxFor(moderator.user),
        community: community.slug,
        sessionId: newId(),
        codeId: price.id,
        input: { name: 'Cost' },
      }),
      'not_found',
    );
    await expectAppError(update(price.id, { name: 'Cost' }, await ctxFor(guest.user)), 'not_found');
    await expectAppError(update(price.id, { name: 'Cost' }, await ctxFor(alice.user)), 'forbidden');
    expect(session.id).toBeTruthy();
  });

  it('lets moderators and observers rename and recolour a code that keeps its excerpts', async () => {
    const { community, price, update, observer, ctx, where } = await codebook();
    const renamed = await update(price.id, { name: ' Cost ', colour: '#AA0000' });
    expect(renamed).toMatchObject({ id: price.id, name: 'Cost', colour: '#aa0000' });
    expect(renamed.excerpts.map((x) => x.quote)).toEqual(['Too dear, comfy']);
    await update(price.id, { name: 'Value' }, await ctxFor(observer.user));
    const { items } = await listLiveCodes({ ctx, ...where });
    expect(items.map((c) => [c.name, c.colour, c.excerpts.length])).toEqual([
      ['Comfort', '#118833', 0],
      ['Value', '#aa0000', 1],
    ]);
    const events = (await outboxEventsOf(community.id)).map((e) => e.type);
    expect(events.filter((e) => e === 'live_code.updated')).toHaveLength(2);
  });
});
