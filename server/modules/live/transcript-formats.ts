import type { TranscriptDto } from './live.schemas.ts';

/** A CSV field: quoted when needed, formula-looking values defused (a leading quote). */
function csvField(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The names of the codes tagged on each room entry, by sequence number (a span counts for its entry). */
function codesBySeq(t: TranscriptDto): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const code of t.codes)
    for (const x of code.excerpts) {
      const names = out.get(x.seq) ?? [];
      if (!names.includes(code.name)) names.push(code.name);
      out.set(x.seq, names);
    }
  return out;
}

/** The room as CSV (one row per entry, with its codes; the backroom is not in it). */
export function transcriptCsv(t: TranscriptDto): string {
  const codes = codesBySeq(t);
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
    'codes',
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
      codes.get(e.seq)?.join('; ') ?? null,
    ]
      .map(csvField)
      .join(','),
  );
  return `${[head.join(','), ...rows].join('\r\n')}\r\n`;
}

const mdText = (text: string | null) =>
  (text ?? '').replace(/([\\`*_[\]#<>|])/g, '\\$1').replace(/\n/g, '  \n');

/**
 * The transcript as Markdown: the room with guide-item headings (each entry followed by its codes), the
 * answers per question, the excerpts per code, the backroom.
 */
export function transcriptMarkdown(t: TranscriptDto): string {
  const codes = codesBySeq(t);
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
      const tags = codes
        .get(e.seq)
        ?.map((name) => `\`${name.replace(/`/g, "'")}\``)
        .join(' ');
      out.push(
        `- **${mdText(who)}**${extra ? ` _(${extra})_` : ''}: ${choice}${mdText(e.body)}${tags ? ` — ${tags}` : ''}`,
      );
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
  out.push('## Codes', '');
  for (const code of t.codes) {
    out.push(`### ${mdText(code.name)} (${code.excerpts.length})`, '');
    for (const x of code.excerpts)
      out.push(`- > ${mdText(x.quote)} — **${mdText(x.author ?? '—')}** (#${x.seq})`);
    out.push('');
  }
  out.push('## Backroom (confidential)', '');
  for (const b of t.backroom) out.push(`- **${mdText(b.author ?? '—')}** (${b.kind}): ${mdText(b.body)}`);
  return `${out.join('\n')}\n`;
}
