import { beforeAll, describe, expect, it } from 'vitest';
import { liveCommunity } from '../../../../test/live-fixtures.ts';
import { seedRoomMessage } from '../../../../test/live-tools-fixtures.ts';
import { ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { createLiveCode } from './create-live-code.ts';
import { exportLiveSessionTranscript } from './export-live-session-transcript.ts';
import { getLiveSessionTranscript } from './get-live-session-transcript.ts';
import { tagLiveExcerpt } from './tag-live-excerpt.ts';
import { untagLiveExcerpt } from './untag-live-excerpt.ts';
import type { TranscriptDto } from '../live.schemas.ts';

beforeAll(() => testApp(), 180_000);

/** A session with a participant's message, a system entry and a code of its codebook. */
async function coded() {
  const f = await liveCommunity();
  const said = await seedRoomMessage(f.session, {
    authorMemberId: f.alice.memberId,
    body: 'Too expensive, but comfy',
  });
  const end = await seedRoomMessage(f.session, {
    authorMemberId: null,
    body: 'Thanks',
    kind: 'end',
    role: 'system',
  });
  const ctx = await ctxFor(f.moderator.user);
  const code = await createLiveCode({
    ctx,
    community: f.community.slug,
    sessionId: f.session.id,
    input: { name: 'Price', colour: '#cc3300' },
  });
  const tag = (input: unknown, actor = ctx) =>
    tagLiveExcerpt({ ctx: actor, community: f.community.slug, sessionId: f.session.id, input });
  return { ...f, said, end, code, ctx, tag };
}

describe('tagLiveExcerpt and untagLiveExcerpt', () => {
  it('rejects bad input, unknown codes, uncodable entries and spans outside the text', async () => {
    const { code, said, end, tag, community } = await coded();
    const cases: [unknown, string, string][] = [
      [{ codeId: code.id }, '/seq', 'validation.required'],
      [{ codeId: code.id, seq: said, start: 1 }, '/end', 'validation.required'],
      [{ codeId: newId(), seq: said }, '/codeId', 'validation.invalidChoice'],
      [{ codeId: code.id, seq: end }, '/seq', 'live.code.notCodable'],
      [{ codeId: code.id, seq: 999 }, '/seq', 'live.code.notCodable'],
      [{ codeId: code.id, seq: said, start: 5, end: 5 }, '/end', 'live.code.badSpan'],
      [{ codeId: code.id, seq: said, start: 0, end: 400 }, '/end', 'live.code.badSpan'],
      [{ codeId: code.id, seq: said, start: 3, end: 4 }, '/end', 'live.code.badSpan'],
    ];
    for (const [input, path, key] of cases) {
      const error = await expectAppError(tag(input), 'validation_failed', path);
      expect(error.fields[0].key).toBe(key);
    }
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual(['live_code.created']);
  });

  it('reports unknown sessions as not found and refuses participants', async () => {
    const { community, code, said, alice, moderator, tag, session } = await coded();
    await expectAppError(
      tagLiveExcerpt({
        ctx: await ctxFor(moderator.user),
        community: community.slug,
        sessionId: newId(),
        input: { codeId: code.id, seq: said },
      }),
      'not_found',
    );
    const participant = await ctxFor(alice.user);
    await expectAppError(tag({ codeId: code.id, seq: said }, participant), 'forbidden');
    await expectAppError(
      untagLiveExcerpt({
        ctx: participant,
        community: community.slug,
        sessionId: session.id,
        excerptId: newId(),
      }),
      'forbidden',
    );
  });

  it('tags a message and a span, once each, shows them in the transcript and exports, and untags', async () => {
    const { community, session, code, said, tag, ctx, observer } = await coded();
    const whole = await tag({ codeId: code.id, seq: said });
    expect(whole.excerpts.map(({ seq, start, end, quote }) => ({ seq, start, end, quote }))).toEqual([
      { seq: said, start: null, end: null, quote: 'Too expensive, but comfy' },
    ]);
    // The participant's pseudonym, as the transcript names them.
    expect(whole.excerpts[0].author).toMatch(/^p/);
    const span = await tag({ codeId: code.id, seq: said, start: 0, end: 13 }, await ctxFor(observer.user));
    expect(span.excerpts.map((x) => x.quote)).toEqual(['Too expensive, but comfy', 'Too expensive']);
    // The same excerpt again changes nothing.
    expect((await tag({ codeId: code.id, seq: said, start: 0, end: 13 })).excerpts).toHaveLength(2);
    const args = { ctx, community: community.slug, sessionId: session.id };
    const transcript = await getLiveSessionTranscript(args);
    expect(transcript.codes.map((c) => [c.name, c.excerpts.length])).toEqual([['Price', 2]]);
    const csv = (await exportLiveSessionTranscript({ ...args, query: { format: 'csv' } })).content;
    expect(csv.split('\r\n')[0]).toMatch(/,text,codes$/);
    expect(csv).toContain('Too expensive, but comfy",Price\r\n');
    const md = (await exportLiveSessionTranscript({ ...args, query: { format: 'markdown' } })).content;
    expect(md).toContain('Too expensive, but comfy — `Price`');
    expect(md).toContain('### Price (2)');
    expect(md).toContain('> Too expensive —');
    const json = JSON.parse(
      (await exportLiveSessionTranscript({ ...args, query: { format: 'json' } })).content,
    ) as TranscriptDto;
    expect(json.codes[0].excerpts[1].quote).toBe('Too expensive');
    await expectAppError(untagLiveExcerpt({ ...args, excerptId: newId() }), 'not_found');
    await untagLiveExcerpt({ ...args, excerptId: span.excerpts[1].id });
    expect((await getLiveSessionTranscript(args)).codes[0].excerpts.map((x) => x.quote)).toEqual([
      'Too expensive, but comfy',
    ]);
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual([
      'live_code.created',
      'live_excerpt.tagged',
      'live_excerpt.tagged',
      'live_excerpt.untagged',
    ]);
  });
});
