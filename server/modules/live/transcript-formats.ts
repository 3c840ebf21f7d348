import type { TranscriptDto } from './live.schemas.ts';

/** A CSV field: quoted when needed, formula-looking values defused (a leading quote). */
function csvField(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The room as CSV (one row per entry; the backroom is not in it). */
export function transcriptCsv(t: TranscriptDto): string {
  const head = [
    'seq',
    'at',
    'kind',
    'author',
    'private_with',
    'item_id',
    'choice',
    'reply_to',
    'deleted',
    'text',
  ];
  const rows = t.room.map((e) =>
    [
      e.seq,
      e.at,
      e.kind,
      e.author,
      e.privateWith,
      e.itemId,
      e.choice?.join('; ') ?? null,
      e.replyToSeq,
      e.deleted,
      e.body,
    ]
      .map(csvField)
      .join(','),
  );
  return `${[head.join(','), ...rows].join('\r\n')}\r\n`;
}

const mdText = (text: string | null) =>
  (text ?? '').replace(/([\\`*_[\]#<>|])/g, '\\$1').replace(/\n/g, '  \n');

/** The transcript as Markdown: the room with guide-item headings, the answers per question, the backroom. */
export function transcriptMarkdown(t: TranscriptDto): string {
  const out = [`# ${mdText(t.session.title)}`, '', `Started: ${t.session.startsAt}`, '', '## Room', ''];
  for (const e of t.room) {
    if (e.kind === 'item') out.push('', `### ${mdText(e.body)}`, '');
    else if (e.kind === 'deletion' || e.kind === 'reveal' || e.kind === 'end')
      out.push(`- _${e.kind}_ (${e.at})`);
    else {
      const who = e.author ?? '—';
      const extra = [e.privateWith ? `private with ${e.privateWith}` : '', e.deleted ? 'deleted' : '']
        .filter(Boolean)
        .join(', ');
      const choice = e.choice ? `[${e.choice.join(', ')}] ` : '';
      out.push(`- **${mdText(who)}**${extra ? ` _(${extra})_` : ''}: ${choice}${mdText(e.body)}`);
    }
  }
  out.push('', '## Answers per question', '');
  for (const q of t.questions) {
    out.push(`### ${mdText(q.body)}`, '');
    for (const a of q.answers)
      out.push(
        `- **${mdText(a.author ?? '—')}**: ${a.choice ? `[${a.choice.join(', ')}] ` : ''}${mdText(a.body)}`,
      );
    out.push('');
  }
  out.push('## Backroom (confidential)', '');
  for (const b of t.backroom) out.push(`- **${mdText(b.author ?? '—')}** (${b.kind}): ${mdText(b.body)}`);
  return `${out.join('\n')}\n`;
}
