import { beforeAll, describe, expect, it } from 'vitest';
import { liveCommunity } from '../../../../test/live-fixtures.ts';
import { auditRowsOf, ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { updateLiveSessionGuide } from './update-live-session-guide.ts';

beforeAll(() => testApp(), 180_000);

const guide = {
  sections: [
    {
      title: 'Warm-up',
      plannedMinutes: 10,
      items: [
        { kind: 'question', questionType: 'open', body: 'How do you use your bike?' },
        { kind: 'note', body: 'Keep it light' },
      ],
    },
    {
      title: 'Winter',
      plannedMinutes: 20,
      items: [
        {
          kind: 'question',
          questionType: 'single',
          body: 'Do you ride in winter?',
          options: ['Yes', 'No'],
          blind: true,
        },
        { kind: 'probe', body: 'What stops you?' },
      ],
    },
  ],
};

describe('updateLiveSessionGuide', () => {
  it('rejects bad input with the field paths', async () => {
    const { community, moderator, session } = await liveCommunity();
    const ctx = await ctxFor(moderator.user);
    const cases: [unknown, string][] = [
      [{ sections: [{ title: '', plannedMinutes: 5, items: [] }] }, '/sections/0/title'],
      [
        { sections: [{ title: 'A', plannedMinutes: 5, items: [{ kind: 'question', body: 'Q' }] }] },
        '/sections/0/items/0/questionType',
      ],
      [
        { sections: [{ title: 'A', plannedMinutes: 5, items: [{ kind: 'probe', body: 'P', blind: true }] }] },
        '/sections/0/items/0/kind',
      ],
      [
        {
          sections: [
            {
              title: 'A',
              plannedMinutes: 5,
              items: [{ kind: 'question', questionType: 'single', body: 'Q', options: ['x'] }],
            },
          ],
        },
        '/sections/0/items/0/options',
      ],
      [{ sections: [{ id: newId(), title: 'A', plannedMinutes: 5, items: [] }] }, '/sections/0/id'],
    ];
    for (const [input, path] of cases) {
      await expectAppError(
        updateLiveSessionGuide({ ctx, community: community.slug, sessionId: session.id, input }),
        'validation_failed',
        path,
      );
    }
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('reports unknown sessions as not found and refuses observers and participants', async () => {
    const { community, moderator, observer, alice, session } = await liveCommunity();
    await expectAppError(
      updateLiveSessionGuide({
        ctx: await ctxFor(moderator.user),
        community: community.slug,
        sessionId: newId(),
        input: guide,
      }),
      'not_found',
    );
    for (const user of [observer.user, alice.user]) {
      await expectAppError(
        updateLiveSessionGuide({
          ctx: await ctxFor(user),
          community: community.slug,
          sessionId: session.id,
          input: guide,
        }),
        'forbidden',
      );
    }
  });

  it('saves, reorders across sections, keeps sent items unchanged, and emits events', async () => {
    const { kernel } = await testApp();
    const { community, moderator, session } = await liveCommunity();
    const ctx = await ctxFor(moderator.user);
    const saved = await updateLiveSessionGuide({
      ctx,
      community: community.slug,
      sessionId: session.id,
      input: guide,
    });
    expect(saved.map((s) => [s.title, s.items.map((i) => i.body)])).toEqual([
      ['Warm-up', ['How do you use your bike?', 'Keep it light']],
      ['Winter', ['Do you ride in winter?', 'What stops you?']],
    ]);
    expect(saved[1].items[0]).toMatchObject({
      blind: true,
      options: ['Yes', 'No'],
      state: 'queued',
      questionType: 'single',
    });
    // The first question was sent; the moderator swaps the sections, moves the probe to the first one and
    // drops the note.
    const sent = saved[0].items[0];
    await kernel.db
      .updateTable('live_guide_items')
      .set({ state: 'sent', sent_at: new Date() })
      .where('id', '=', sent.id)
      .execute();
    const asInput = (i: (typeof saved)[number]['items'][number]) => ({
      id: i.id,
      kind: i.kind as 'question',
      ...(i.questionType ? { questionType: i.questionType as 'open' } : {}),
      body: i.body,
      ...(i.options.length ? { options: i.options } : {}),
      ...(i.blind ? { blind: true } : {}),
    });
    const reordered = await updateLiveSessionGuide({
      ctx,
      community: community.slug,
      sessionId: session.id,
      input: {
        sections: [
          { id: saved[1].id, title: 'Winter', plannedMinutes: 25, items: [asInput(saved[1].items[0])] },
          {
            id: saved[0].id,
            title: 'Warm-up',
            plannedMinutes: 10,
            items: [asInput(saved[1].items[1]), asInput(sent)],
          },
        ],
      },
    });
    expect(reordered.map((s) => [s.title, s.plannedMinutes, s.items.map((i) => [i.body, i.state])])).toEqual([
      ['Winter', 25, [['Do you ride in winter?', 'queued']]],
      [
        'Warm-up',
        10,
        [
          ['What stops you?', 'queued'],
          ['How do you use your bike?', 'sent'],
        ],
      ],
    ]);
    // A sent item can neither change nor go.
    await expectAppError(
      updateLiveSessionGuide({
        ctx,
        community: community.slug,
        sessionId: session.id,
        input: {
          sections: [
            {
              id: saved[0].id,
              title: 'Warm-up',
              plannedMinutes: 10,
              items: [{ ...asInput(sent), body: 'Changed' }],
            },
          ],
        },
      }),
      'validation_failed',
      '/sections/0/items/0/body',
    );
    await expectAppError(
      updateLiveSessionGuide({
        ctx,
        community: community.slug,
        sessionId: session.id,
        input: { sections: [] },
      }),
      'validation_failed',
      '/sections',
    );
    const events = await outboxEventsOf(community.id);
    expect(events.map((e) => e.type)).toEqual(['live_session.guide_updated', 'live_session.guide_updated']);
    expect((await auditRowsOf(community.id)).map((r) => r.action)).toEqual([
      'live_session.guide_update',
      'live_session.guide_update',
    ]);
  });
});
