/** The longest voucher code accepted (the column's CHECK). */
export const MAX_CODE_LENGTH = 200;
/** The most rows one import may hold. */
export const MAX_IMPORT_ROWS = 10_000;

/** One row of a voucher file: its line (from 1), its code, and why it is refused (null: it is good). */
export interface VoucherRow {
  line: number;
  code: string;
  error: 'empty' | 'tooLong' | 'duplicateInFile' | null;
}

/** The first field of a CSV line: quoted (`"a,b"`, `""` for a quote) or up to the first comma or semicolon. */
function firstField(line: string): string {
  const trimmed = line.trim();
  if (trimmed.startsWith('"')) {
    let out = '';
    for (let i = 1; i < trimmed.length; i++) {
      const ch = trimmed[i];
      if (ch === '"') {
        if (trimmed[i + 1] === '"') {
          out += '"';
          i++;
          continue;
        }
        return out.trim();
      }
      out += ch;
    }
    return out.trim();
  }
  return trimmed.split(/[,;]/, 1)[0].trim();
}

/**
 * Reads a voucher file: one code per line, in its first CSV column; blank lines are ignored and a first
 * line reading `code` is a header. Each row says what is wrong with it on its own (empty, too long, a
 * duplicate of an earlier row); codes already imported are the database's to say.
 */
export function parseVoucherCsv(text: string): VoucherRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const rows: VoucherRow[] = [];
  const seen = new Set<string>();
  lines.forEach((raw, index) => {
    if (raw.trim() === '') return;
    const code = firstField(raw);
    if (index === 0 && code.toLowerCase() === 'code') return;
    let error: VoucherRow['error'] = null;
    if (code === '') error = 'empty';
    else if (code.length > MAX_CODE_LENGTH) error = 'tooLong';
    else if (seen.has(code)) error = 'duplicateInFile';
    seen.add(code);
    rows.push({ line: index + 1, code, error });
  });
  return rows;
}
