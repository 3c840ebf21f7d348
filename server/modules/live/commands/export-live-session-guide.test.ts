import { beforeAll, describe, expect, it } from 'vitest';
import { liveCommunity } from '../../../../test/live-fixtures.ts';
import { ctxFor, expectAppError, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { exportLiveSessionGuide } from './export-live-session-guide.ts';
import { updateLiveSessionGuide } from './update-live-session-guide.ts';

beforeAll(() => testApp(), 180_000);

describe('exportLiveSessionGuide', () => {
  it('reports unknown sessions as not found, refuses observers and participants, and writes the guide file', async () => {
    const { community, moderator, observer, alice, session } = await liveCommunity();
    const ctx = await ctxFor(moderator.user);
    await expectAppError(
      exportLiveSessionGuide({ ctx, community: community.slug, sessionId: newId() }),
      'not_found',
    );
    for (const user of [observer.user, alice.user])
      await expectAppError(
        exportLiveSessionGuide({ ctx: await ctxFor(user), community: community.slug, sessionId: session.id }),
        'forbidden',
      );
    await updateLiveSessionGuide({
      ctx,
      community: community.slug,
      sessionId: session.id,
      input: {
        sections: [
          {
            title: 'One',
            plannedMinutes: 5,
            items: [
              { kind: 'question', questionType: 'multiple', body: 'Which?', options: ['a', 'b'] },
              { kind: 'probe', body: 'Why?' },
            ],
          },
        ],
      },
    });
    expect(await exportLiveSessionGuide({ ctx, community: community.slug, sessionId: session.id })).toEqual({
      format: 'cercle.live-guide',
      version: 1,
      title: 'How you ride',
      sections: [
        {
          title: 'One',
          plannedMinutes: 5,
          items: [
            { kind: 'question', questionType: 'multiple', body: 'Which?', options: ['a', 'b'] },
            { kind: 'probe', body: 'Why?' },
          ],
        },
      ],
    });
  });
});
