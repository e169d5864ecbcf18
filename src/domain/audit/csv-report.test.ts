import { audit, clean, messy, NOW, threat } from './audit-fixtures';
import { CSV_COLUMNS, toCsv } from './csv-report';
import { suppress } from './suppression';

/** A strict RFC 4180 reader, to check the writer by reading its output back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else {
        quoted = false;
        if (i + 1 < text.length && text[i + 1] !== ',' && text[i + 1] !== '\r')
          throw new Error(`text after a closing quote at ${i}`);
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '"' || c === '\n' || c === '\r')
      throw new Error(`bare ${JSON.stringify(c)} in an unquoted field at ${i}`);
    else field += c;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length > 0) throw new Error('the last record has no CRLF');
  return rows;
}

const carol = { accountId: '712020:carol', now: NOW };

describe('toCsv', () => {
  it('writes a header and one record per finding, suppressed ones included', () => {
    const result = audit(messy());
    const rows = parseCsv(toCsv(result));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1).map((r) => r[2])).toEqual(result.findings.map((f) => f.id));
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });

  it('quotes commas, quotes, CR and LF and reads back to the same values', () => {
    const base = clean();
    const tricky = threat('T-4', { title: 'Card "data", stolen' });
    const why = 'Accepted, see "risk log":\r\nline two\nline three';
    const shape = { ...base, threats: [...base.threats, tricky], modelProblems: ['Shard 2,\r\n"broken".'] };
    const findingId = 'threat-without-story:T-4';
    // As stored: suppress() stores line breaks as LF, but one saved earlier (or by hand) may hold CRLF.
    const result = audit({ ...shape, suppressions: [{ findingId, why, by: carol.accountId, at: NOW }] });
    const rows = parseCsv(toCsv(result));
    const record = rows.find((r) => r[2] === findingId)!;
    const finding = result.findings.find((f) => f.id === findingId)!;
    expect(record).toEqual([
      'critical',
      'threat-without-story',
      findingId,
      finding.message,
      '',
      'T-4',
      '',
      '',
      'Link to a story',
      'yes',
      '712020:carol',
      why,
    ]);
    expect(finding.message).toContain('T-4 "Card "data", stolen"');
    expect(rows.find((r) => r[1] === 'model-unreadable')?.[3]).toContain('Shard 2,\r\n"broken".');
  });

  it('keeps user text from becoming a spreadsheet formula', () => {
    const base = clean();
    const shape = { ...base, threats: [...base.threats, threat('T-4')] };
    const result = audit({
      ...shape,
      suppressions: suppress([], 'threat-without-story:T-4', '=HYPERLINK("http://evil","click")', carol),
    });
    const record = parseCsv(toCsv(result)).find((r) => r[2] === 'threat-without-story:T-4');
    expect(record?.[11]).toBe(`'=HYPERLINK("http://evil","click")`);
  });

  // Found by an attacker's review: a title or reason written through the REST API with terminal
  // escapes or a right-to-left override reached the CSV (and `without audit --format csv`) raw.
  it('makes control and bidi characters of user text spaces, keeping the reason’s line breaks', () => {
    const base = clean();
    const tricky = threat('T-4', { title: 'Card\u001b]0;pwned\u0007 data\u202egnp.exe' });
    const why = 'Accepted\u001b[2J\u200f,\tsee log\r\nline two\rfake\nline three';
    const findingId = 'threat-without-story:T-4';
    const result = audit({
      ...base,
      threats: [...base.threats, tricky],
      suppressions: [{ findingId, why, by: carol.accountId, at: NOW }],
    });
    const csv = toCsv(result);
    // Only CR and LF may remain, as line breaks (the records' CRLF, the reason's own).
    expect(csv).not.toMatch(
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/,
    );
    const record = parseCsv(csv).find((r) => r[2] === findingId)!;
    expect(record[3]).toContain('T-4 "Card ]0;pwned data gnp.exe"');
    expect(record[11]).toBe('Accepted [2J , see log\r\nline two fake\nline three');
  });

  it('keeps a formula hidden behind a control character or whitespace from running', () => {
    const base = clean();
    const shape = { ...base, threats: [...base.threats, threat('T-4')] };
    for (const why of ['\u001b=HYPERLINK("http://evil")', '\t=1+1', ' @SUM(A1)', '\r-2+3']) {
      const findingId = 'threat-without-story:T-4';
      const result = audit({ ...shape, suppressions: [{ findingId, why, by: carol.accountId, at: NOW }] });
      const record = parseCsv(toCsv(result)).find((r) => r[2] === findingId);
      expect(record?.[11]).toMatch(/^' ?[=@-]/);
    }
  });
});
