import { beforeAll, describe, expect, it } from 'vitest';
import { liveCommunity, seedStimulus } from '../../../../test/live-fixtures.ts';
import { auditRowsOf, ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { exportLiveSessionGuide } from './export-live-session-guide.ts';
import { importLiveSessionGuide } from './import-live-session-guide.ts';
import { updateLiveSessionGuide } from './update-live-session-guide.ts';

beforeAll(() => testApp(), 180_000);

const file = {
  format: 'cercle.live-guide',
  version: 1,
  sections: [
    {
      title: 'Warm-up',
      plannedMinutes: 10,
      items: [
        { kind: 'question', questionType: 'open', body: 'How do you ride?' },
        { kind: 'question', questionType: 'single', body: 'Winter?', options: ['Yes', 'No'], blind: true },
      ],
    },
    { title: 'Close', plannedMinutes: 5, items: [{ kind: 'note', body: 'Thank them' }] },
  ],
};

const titles = (guide: { title: string; items: { body: string; state: string }[] }[]) =>
  guide.map((s) => [s.title, s.items.map((i) => `${i.body}:${i.state}`)]);

describe('importLiveSessionGuide', () => {
  it('rejects bad files with a path per item', async () => {
    const { community, moderator, session } = await liveCommunity();
    const ctx = await ctxFor(moderator.user);
    const bad = (guide: unknown, mode = 'append') => ({
      ctx,
      community: community.slug,
      sessionId: session.id,
      input: { mode, guide },
    });
    const cases: [unknown, string, string][] = [
      [bad(file, 'merge'), '/mode', 'validation.invalidChoice'],
      [bad({ ...file, format: 'other' }), '/guide/format', 'live.import.notGuideFile'],
      [bad({ ...file, version: 2 }), '/guide/version', 'live.import.version'],
      [
        bad({ ...file, sections: [{ title: 'A', plannedMinutes: 5, items: [{ kind: 'probe', body: '' }] }] }),
        '/guide/sections/0/items/0/body',
        'validation.required',
      ],
      [
        bad({
          ...file,
          sections: [{ title: 'A', plannedMinutes: 5, items: [{ kind: 'question', body: 'Q' }] }],
        }),
        '/guide/sections/0/items/0/questionType',
        'validation.required',
      ],
      [
        bad({
          ...file,
          sections: [
            { title: 'A', plannedMinutes: 5, items: [{ kind: 'stimulus', body: 'S', mediaId: newId() }] },
          ],
        }),
        '/guide/sections/0/items/0/mediaId',
        'live.import.foreignMedia',
      ],
      [
        bad({
          ...file,
          sections: [{ title: 'A', plannedMinutes: 5, items: [{ id: newId(), kind: 'note', body: 'N' }] }],
        }),
        '/guide/sections/0/items/0/id',
        'validation.unknownField',
      ],
    ];
    for (const [args, path, key] of cases) {
      const error = await expectAppError(importLiveSessionGuide(args as never), 'validation_failed', path);
      expect(error.fields.find((f) => f.path === path)?.key).toBe(key);
    }
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('reports unknown sessions as not found and refuses observers and participants', async () => {
    const { community, moderator, observer, alice, session } = await liveCommunity();
    const input = { mode: 'append', guide: file };
    await expectAppError(
      importLiveSessionGuide({
        ctx: await ctxFor(moderator.user),
        community: community.slug,
        sessionId: newId(),
        input,
      }),
      'not_found',
    );
    for (const user of [observer.user, alice.user])
      await expectAppError(
        importLiveSessionGuide({
          ctx: await ctxFor(user),
          community: community.slug,
          sessionId: session.id,
          input,
        }),
        'forbidden',
      );
  });

  it('appends, replaces, round-trips, and never touches items already sent', async () => {
    const { kernel } = await testApp();
    const { community, moderator, session } = await liveCommunity();
    const ctx = await ctxFor(moderator.user);
    const args = (mode: string, guide: unknown) => ({
      ctx,
      community: community.slug,
      sessionId: session.id,
      input: { mode, guide },
    });
    const { mediaId } = await seedStimulus(session);
    const first = await importLiveSessionGuide(args('append', file));
    expect(titles(first)).toEqual([
      ['Stimuli', ['Look at this bike:queued']],
      ['Warm-up', ['How do you ride?:queued', 'Winter?:queued']],
      ['Close', ['Thank them:queued']],
    ]);
    // Export → replace gives the same guide back, stimulus file included.
    const exported = await exportLiveSessionGuide({ ctx, community: community.slug, sessionId: session.id });
    expect(exported.sections[0].items[0]).toMatchObject({ kind: 'stimulus', mediaId });
    const again = await importLiveSessionGuide(args('replace', JSON.parse(JSON.stringify(exported))));
    const strip = (g: typeof first) =>
      g.map((s) => ({ ...s, id: '', items: s.items.map((i) => ({ ...i, id: '' })) }));
    expect(strip(again)).toEqual(strip(first));
    expect(await exportLiveSessionGuide({ ctx, community: community.slug, sessionId: session.id })).toEqual(
      exported,
    );
    // Once an item was sent, replacing is refused and appending keeps it where it was.
    await kernel.db
      .updateTable('live_guide_items')
      .set({ state: 'sent', sent_at: new Date() })
      .where('id', '=', again[1].items[0].id)
      .execute();
    await expectAppError(importLiveSessionGuide(args('replace', file)), 'conflict');
    const appended = await importLiveSessionGuide(args('append', { ...file, sections: [file.sections[1]] }));
    expect(titles(appended)).toEqual([
      ['Stimuli', ['Look at this bike:queued']],
      ['Warm-up', ['How do you ride?:sent', 'Winter?:queued']],
      ['Close', ['Thank them:queued']],
      ['Close', ['Thank them:queued']],
    ]);
    expect(
      (await outboxEventsOf(community.id)).map((e) => [
        e.type,
        (e.payload as { imported?: string }).imported,
      ]),
    ).toEqual([
      ['live_session.guide_updated', 'append'],
      ['live_session.guide_updated', 'replace'],
      ['live_session.guide_updated', 'append'],
    ]);
    expect((await auditRowsOf(community.id)).map((r) => r.action)).toEqual([
      'live_session.guide_import',
      'live_session.guide_import',
      'live_session.guide_import',
    ]);
    // The guide editor's own update still sees the appended sections as ordinary ones.
    const editable = await updateLiveSessionGuide({
      ctx,
      community: community.slug,
      sessionId: session.id,
      input: {
        sections: appended.slice(0, 2).map((s) => ({
          id: s.id,
          title: s.title,
          plannedMinutes: s.plannedMinutes,
          items: s.items
            .filter((i) => i.state === 'sent' || i.kind === 'stimulus')
            .map((i) => ({
              id: i.id,
              kind: i.kind as 'note',
              ...(i.questionType ? { questionType: i.questionType as 'open' } : {}),
              body: i.body,
              ...(i.media ? { mediaId: i.media.id } : {}),
            })),
        })),
      },
    });
    expect(titles(editable)).toEqual([
      ['Stimuli', ['Look at this bike:queued']],
      ['Warm-up', ['How do you ride?:sent']],
    ]);
  });
});
