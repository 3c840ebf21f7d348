import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditRowsOf,
  ctxFor,
  expectAppError,
  outboxEventsOf,
  testApp,
  type TestUser,
} from '../../../../test/helpers.ts';
import {
  researchCommunity,
  seedAttribute,
  seedSegment,
  seedValue,
} from '../../../../test/research-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { createSegment } from './create-segment.ts';
import { getSegmentSize, previewSegmentSize } from './get-segment-size.ts';
import { listSegments } from './list-segments.ts';

beforeAll(() => testApp(), 180_000);

async function withProfiles() {
  const f = await researchCommunity();
  const { id } = f.community;
  const age = await seedAttribute(id, { key: 'age', kind: 'number', visibility: 'observer_visible' });
  const city = await seedAttribute(id, { key: 'city', kind: 'text', visibility: 'member_editable' });
  const sports = await seedAttribute(id, {
    key: 'sports',
    kind: 'multiple_choice',
    visibility: 'member_editable',
    options: [
      { value: 'run', label: 'Running' },
      { value: 'ride', label: 'Cycling' },
    ],
  });
  await seedValue(id, age.id, f.member.memberId, 41);
  await seedValue(id, age.id, f.other.memberId, 25);
  await seedValue(id, city.id, f.member.memberId, 'Lyon');
  await seedValue(id, sports.id, f.other.memberId, ['ride', 'run']);
  return { ...f, age, city, sports };
}

describe('createSegment, listSegments, getSegmentSize, previewSegmentSize', () => {
  it('rejects bad filters with the field paths', async () => {
    const f = await withProfiles();
    const ctx = await ctxFor(f.admin.user);
    const cases: [unknown, string][] = [
      [{ name: '', filter: { match: 'all', conditions: [] } }, '/name'],
      [{ name: 'x', filter: { match: 'some', conditions: [] } }, '/filter/match'],
      [
        {
          name: 'x',
          filter: {
            match: 'all',
            conditions: [{ type: 'attribute', attributeId: newId(), op: 'eq', value: 1 }],
          },
        },
        '/filter/conditions/0/attributeId',
      ],
      [
        {
          name: 'x',
          filter: {
            match: 'all',
            conditions: [{ type: 'attribute', attributeId: f.age.id, op: 'contains', value: 'x' }],
          },
        },
        '/filter/conditions/0/op',
      ],
      [
        {
          name: 'x',
          filter: {
            match: 'all',
            conditions: [{ type: 'attribute', attributeId: f.age.id, op: 'gt', value: 'old' }],
          },
        },
        '/filter/conditions/0/value',
      ],
      [
        {
          name: 'x',
          filter: { match: 'all', conditions: [{ type: 'joined', op: 'after', date: '2024-13-01' }] },
        },
        '',
      ],
    ];
    for (const [input, path] of cases)
      await expectAppError(
        createSegment({ ctx, community: f.community.slug, input }),
        'validation_failed',
        path || undefined,
      );
    expect(await outboxEventsOf(f.community.id)).toEqual([]);
  });

  it('reports unknown communities and segments as not found', async () => {
    const f = await withProfiles();
    const ctx = await ctxFor(f.admin.user);
    await expectAppError(listSegments({ ctx, community: 'nope' }), 'not_found');
    for (const segmentId of ['nope', newId()])
      await expectAppError(getSegmentSize({ ctx, community: f.community.slug, segmentId }), 'not_found');
  });

  it('refuses observers and members (observers only list segments, see below)', async () => {
    const f = await withProfiles();
    const input = { name: 'All', filter: { match: 'all', conditions: [] } };
    for (const p of [f.observer, f.member, f.outsider]) {
      const ctx = await ctxFor(p.user);
      await expectAppError(createSegment({ ctx, community: f.community.slug, input }), 'forbidden');
      if (p !== f.observer)
        await expectAppError(listSegments({ ctx, community: f.community.slug }), 'forbidden');
      await expectAppError(
        previewSegmentSize({ ctx, community: f.community.slug, input: { filter: input.filter } }),
        'forbidden',
      );
    }
  });

  it('counts members live over attributes, roles, status, dates and activity, and saves segments', async () => {
    const f = await withProfiles();
    const ctx = await ctxFor(f.moderator.user);
    const size = async (match: 'all' | 'any', conditions: unknown[]) =>
      (
        await previewSegmentSize({
          ctx,
          community: f.community.slug,
          input: { filter: { match, conditions } },
        })
      ).size;
    expect(await size('all', [])).toBe(5);
    expect(await size('all', [{ type: 'role', in: ['member'] }])).toBe(2);
    expect(await size('all', [{ type: 'attribute', attributeId: f.age.id, op: 'gte', value: 30 }])).toBe(1);
    expect(
      await size('any', [
        { type: 'attribute', attributeId: f.age.id, op: 'lt', value: 30 },
        { type: 'attribute', attributeId: f.city.id, op: 'contains', value: 'ly' },
      ]),
    ).toBe(2);
    expect(
      await size('all', [{ type: 'attribute', attributeId: f.sports.id, op: 'any_of', value: ['run'] }]),
    ).toBe(1);
    expect(await size('all', [{ type: 'attribute', attributeId: f.city.id, op: 'not_set' }])).toBe(4);
    expect(await size('all', [{ type: 'status', in: ['suspended'] }])).toBe(0);
    expect(await size('all', [{ type: 'joined', op: 'after', date: '2000-01-01' }])).toBe(5);
    expect(await size('all', [{ type: 'activity', op: 'inactive_for', days: 30 }])).toBe(5);
    const { kernel } = await testApp();
    await kernel.db
      .updateTable('memberships')
      .set({ reliability_score: 40 })
      .where('id', '=', f.member.memberId)
      .execute();
    await kernel.db
      .updateTable('memberships')
      .set({ reliability_score: 90 })
      .where('id', '=', f.other.memberId)
      .execute();
    expect(await size('all', [{ type: 'reliability', op: 'lt', score: 50 }])).toBe(1);
    expect(await size('all', [{ type: 'reliability', op: 'gte', score: 40 }])).toBe(2);

    const saved = await createSegment({
      ctx,
      community: f.community.slug,
      input: {
        name: ' Over 30 ',
        filter: {
          match: 'all',
          conditions: [{ type: 'attribute', attributeId: f.age.id, op: 'gt', value: 30 }],
        },
      },
    });
    expect(saved).toMatchObject({ name: 'Over 30', size: 1 });
    expect(await getSegmentSize({ ctx, community: f.community.slug, segmentId: saved.id })).toEqual({
      size: 1,
    });
    expect(
      (await listSegments({ ctx, community: f.community.slug })).items.map((s) => [s.name, s.size]),
    ).toEqual([['Over 30', 1]]);
    const events = await outboxEventsOf(f.community.id);
    expect(events.map((e) => e.type)).toEqual(['segment.created']);
    expect(events[0].payload).toEqual({ communityId: f.community.id, segmentId: saved.id });
    expect((await auditRowsOf(f.community.id)).map((r) => r.action)).toEqual(['segment.create']);
    await expectAppError(
      createSegment({
        ctx,
        community: f.community.slug,
        input: { name: 'Over 30', filter: { match: 'all', conditions: [] } },
      }),
      'validation_failed',
      '/name',
    );
  });

  it('counts every segment in one list, and shows observers only those over observer-visible attributes', async () => {
    const f = await withProfiles();
    const byAge = await seedSegment(
      f.community.id,
      { match: 'all', conditions: [{ type: 'attribute', attributeId: f.age.id, op: 'gte', value: 30 }] },
      'A by age',
    );
    await seedSegment(
      f.community.id,
      { match: 'all', conditions: [{ type: 'attribute', attributeId: f.city.id, op: 'is_set' }] },
      'B by city',
    );
    await seedSegment(
      f.community.id,
      { match: 'all', conditions: [{ type: 'role', in: ['member'] }] },
      'C members',
    );
    await seedSegment(
      f.community.id,
      { match: 'all', conditions: [{ type: 'reliability', op: 'lt', score: 50 }] },
      'D unreliable',
    );
    const sizes = async (p: { user: TestUser }) =>
      (await listSegments({ ctx: await ctxFor(p.user), community: f.community.slug })).items.map((s) => [
        s.name,
        s.size,
      ]);
    expect(await sizes(f.moderator)).toEqual([
      ['A by age', 1],
      ['B by city', 1],
      ['C members', 2],
      ['D unreliable', 0],
    ]);
    expect(await sizes(f.observer)).toEqual([
      ['A by age', 1],
      ['C members', 2],
    ]);
    expect(byAge.name).toBe('A by age');
  });
});
