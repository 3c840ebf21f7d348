import { describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, freshCommunity, plainUser } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { checkPseudonym } from './check-pseudonym.ts';
import { joinCommunity } from './join-community.ts';

describe('checkPseudonym', () => {
  it('answers invalid (never an error) for a malformed pseudonym', async () => {
    const community = await freshCommunity();
    const ctx = await ctxFor(null);
    for (const pseudonym of ['ab', 'with space', 'x'.repeat(31), '<script>']) {
      expect(await checkPseudonym({ ctx, community: community.id, pseudonym })).toEqual({
        pseudonym,
        valid: false,
        available: false,
      });
    }
  });

  it('reports an unknown community, or a hidden one to outsiders, as not found', async () => {
    await expectAppError(
      checkPseudonym({ ctx: await ctxFor(null), community: newId(), pseudonym: 'abc' }),
      'not_found',
    );
    const hidden = await freshCommunity({ visibility: 'hidden' });
    for (const viewer of [null, await plainUser()]) {
      await expectAppError(
        checkPseudonym({ ctx: await ctxFor(viewer), community: hidden.slug, pseudonym: 'abc' }),
        'not_found',
      );
    }
  });

  it('tells a pseudonym is taken regardless of case and accents, and free otherwise', async () => {
    const community = await freshCommunity({ visibility: 'private' });
    await joinCommunity({
      ctx: await ctxFor(await plainUser()),
      community: community.id,
      input: { pseudonym: 'Éloïse' },
    });
    const ctx = await ctxFor(null);
    expect(await checkPseudonym({ ctx, community: community.slug, pseudonym: ' ELOISE ' })).toEqual({
      pseudonym: 'ELOISE',
      valid: true,
      available: false,
    });
    expect(await checkPseudonym({ ctx, community: community.id, pseudonym: 'Éloïse.2' })).toEqual({
      pseudonym: 'Éloïse.2',
      valid: true,
      available: true,
    });
    const elsewhere = await freshCommunity();
    expect((await checkPseudonym({ ctx, community: elsewhere.id, pseudonym: 'eloise' })).available).toBe(
      true,
    );
  });
});
