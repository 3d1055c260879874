/**
 * Input lists as CSV, the way engineers keep them in spreadsheets (Papa Parse reads and writes).
 *
 * Reading is strict about values and lenient about layout: the first non-empty row names the
 * columns (in any order, common spellings accepted: "Ch", "Mic", "48V", "HPF", "Phase"…),
 * unknown columns are ignored, commas, semicolons or tabs separate cells, empty rows are
 * skipped. Every bad row is reported with its line number (line 1 is the header) and why;
 * nothing is returned as importable unless every row is good.
 *
 * Writing quotes every cell, starts with a byte-order mark (so spreadsheets read it as UTF-8),
 * and neutralises cells a spreadsheet would run as a formula (=, +, -, @, tab or CR first) by
 * prefixing an apostrophe, unless the cell is a plain number.
 */
import Papa from 'papaparse';
import { isStorableText } from '../api/common';
import { MAX_CHANNEL, MAX_SETUP_ITEMS, type ImportRowError } from '../api/setup';

export interface CsvGear {
  readonly id: string;
  readonly label: string;
  readonly make: string;
  readonly model: string;
}

/** An input line as the CSV holds it. */
export interface CsvInputLine {
  readonly channel: number | null;
  readonly source: string;
  readonly gearId: string | null;
  readonly gearText: string;
  readonly stand: string;
  readonly preamp: string;
  readonly phantom: boolean;
  readonly padDb: number | null;
  readonly highPassHz: number | null;
  readonly polarity: boolean;
  readonly insert: string;
  readonly notes: string;
}

export interface ParsedCsvLine extends CsvInputLine {
  /** Line of the file (1 is the header). */
  readonly line: number;
}

type Column = 'channel' | 'source' | 'gear' | 'stand' | 'preamp' | 'phantom' | 'pad' | 'highPass' | 'polarity' | 'insert' | 'notes';

/** The columns written, in order, with their headers. */
export const INPUT_CSV_COLUMNS: readonly { key: Column; header: string }[] = [
  { key: 'channel', header: 'Channel' },
  { key: 'source', header: 'Source' },
  { key: 'gear', header: 'Mic / DI' },
  { key: 'stand', header: 'Stand' },
  { key: 'preamp', header: 'Preamp' },
  { key: 'phantom', header: 'Phantom' },
  { key: 'pad', header: 'Pad (dB)' },
  { key: 'highPass', header: 'High-pass (Hz)' },
  { key: 'polarity', header: 'Polarity' },
  { key: 'insert', header: 'Insert' },
  { key: 'notes', header: 'Notes' },
];

const ALIASES: Readonly<Record<string, Column>> = {
  channel: 'channel', ch: 'channel', chan: 'channel', input: 'channel', in: 'channel', no: 'channel', number: 'channel',
  source: 'source', name: 'source', instrument: 'source', description: 'source',
  micdi: 'gear', mic: 'gear', di: 'gear', microphone: 'gear', gear: 'gear', micordi: 'gear',
  stand: 'stand', stands: 'stand',
  preamp: 'preamp', pre: 'preamp', preamps: 'preamp', consolechannel: 'preamp', console: 'preamp',
  phantom: 'phantom', '48v': 'phantom', phantompower: 'phantom', p48: 'phantom',
  paddb: 'pad', pad: 'pad',
  highpasshz: 'highPass', highpass: 'highPass', hpf: 'highPass', hp: 'highPass', lowcut: 'highPass',
  polarity: 'polarity', phase: 'polarity', 'ø': 'polarity', polarityflip: 'polarity',
  insert: 'insert', inserts: 'insert',
  notes: 'notes', note: 'notes', comments: 'notes', comment: 'notes',
};

const normalizeHeader = (h: string) => h.toLowerCase().replace(/[^a-z0-9ø]/g, '');

const TEXT_LIMITS: Readonly<Record<'source' | 'gear' | 'stand' | 'preamp' | 'insert' | 'notes', number>> = {
  source: 80, gear: 80, stand: 60, preamp: 60, insert: 80, notes: 1000,
};
const COLUMN_NAMES: Readonly<Record<Column, string>> = Object.fromEntries(INPUT_CSV_COLUMNS.map((c) => [c.key, c.header])) as Record<Column, string>;

const YES = new Set(['yes', 'y', 'on', 'true', '1', 'x', '✓', '✔', '48v', '+48v', '+48', 'p48']);
const NO = new Set(['', 'no', 'n', 'off', 'false', '0', '-', '–', '—']);
const FLIPPED = new Set(['flip', 'flipped', 'reversed', 'reverse', 'inverted', 'invert', 'yes', 'y', 'on', 'true', '1', 'x', '✓', '✔', 'ø', '180', '180°']);
const NORMAL = new Set(['', 'normal', 'no', 'n', 'off', 'false', '0', '-', '–', '—', '+']);

function parseBoolean(value: string, yes: ReadonlySet<string>, no: ReadonlySet<string>): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (no.has(v)) return false;
  if (yes.has(v)) return true;
  return undefined;
}

/** "−10 dB", "-10", "10dB", "10" → 10 (a pad is how much it takes off); blank → null. */
function parsePad(value: string): number | null | undefined {
  const v = value.trim().toLowerCase().replace(/\s+/g, '');
  if (v === '' || v === 'none' || v === 'off' || v === '0' || v === '-') return v === '0' ? 0 : null;
  const m = /^[-−–]?(\d{1,2})(db)?$/.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n <= 60 ? n : undefined;
}

/** "80 Hz", "80", "80hz" → 80; blank or "off" → null. */
function parseHighPass(value: string): number | null | undefined {
  const v = value.trim().toLowerCase().replace(/\s+/g, '');
  if (v === '' || v === 'off' || v === 'none' || v === '-' || v === 'no') return null;
  const m = /^(\d{2,4})(hz)?$/.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 10 && n <= 2000 ? n : undefined;
}

function gearIndex(gear: readonly CsvGear[]): Map<string, CsvGear> {
  const index = new Map<string, CsvGear>();
  const key = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const g of gear) index.set(key(g.label), g);
  // "make model" only where it names exactly one item.
  const byName = new Map<string, CsvGear[]>();
  for (const g of gear) {
    const name = key(`${g.make} ${g.model}`);
    if (name) byName.set(name, [...(byName.get(name) ?? []), g]);
  }
  for (const [name, list] of byName) if (list.length === 1 && !index.has(name)) index.set(name, list[0]!);
  return index;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The separator of the header row: the one it holds most often outside quotes (a comma when
 * none). Guessing from the header only keeps a cell full of semicolons from changing the guess.
 */
export function guessDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let seen = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (seen) break;
    } else if (!quoted) {
      if (counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
      if (ch.trim() !== '') seen = true;
    }
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

export interface CsvParseResult {
  lines: ParsedCsvLine[];
  errors: ImportRowError[];
}

/** Reads an input list; `errors` names every bad row (and problems with the file itself, line 1). */
export function parseInputListCsv(csv: string, gear: readonly CsvGear[] = []): CsvParseResult {
  const text = csv.replace(/^\uFEFF/, '');
  const errors: ImportRowError[] = [];
  const result = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter: guessDelimiter(text) });
  const rows = result.data;
  for (const e of result.errors) {
    // Papa's row index counts from 0; only quoting problems make a file unreadable.
    if (e.type === 'Quotes') errors.push({ line: (e.row ?? 0) + 1, column: null, message: `unreadable row: ${e.message.toLowerCase()}` });
  }

  const isEmpty = (row: readonly string[]) => row.every((cell) => cell.trim() === '');
  const headerIndex = rows.findIndex((row) => !isEmpty(row));
  if (headerIndex < 0) return { lines: [], errors: [{ line: 1, column: null, message: 'the file has no header row and no lines' }] };
  const header = rows[headerIndex]!;
  const columns = new Map<Column, number>();
  header.forEach((cell, i) => {
    const column = ALIASES[normalizeHeader(cell)];
    if (column && !columns.has(column)) columns.set(column, i);
  });
  const headerLine = headerIndex + 1;
  if (!columns.has('source')) {
    errors.push({ line: headerLine, column: null, message: `the header row needs a "Source" column (found: ${header.map((h) => `"${h.trim()}"`).join(', ') || 'nothing'})` });
    return { lines: [], errors };
  }

  // Too many lines is the file's one problem: say that rather than every line after the limit.
  const dataRows = rows.slice(headerIndex + 1).filter((row) => !isEmpty(row)).length;
  if (dataRows > MAX_SETUP_ITEMS) {
    return { lines: [], errors: [{ line: headerLine, column: null, message: `the file has ${dataRows} lines; an input list holds at most ${MAX_SETUP_ITEMS}` }] };
  }

  const index = gearIndex(gear);
  const lines: ParsedCsvLine[] = [];
  const channels = new Map<number, number>();
  for (let r = headerIndex + 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (isEmpty(row)) continue;
    const line = r + 1;
    const bad = (column: Column | null, message: string) => errors.push({ line, column: column ? COLUMN_NAMES[column] : null, message });
    const cell = (column: Column) => {
      const i = columns.get(column);
      // An apostrophe before a formula character is how exports neutralise it: take it off.
      return i === undefined ? '' : (row[i] ?? '').trim().replace(/^'(?='*[=+\-@\t\r])/, '');
    };
    let ok = true;
    const textOf = (column: keyof typeof TEXT_LIMITS): string => {
      const value = cell(column);
      if (value.length > TEXT_LIMITS[column]) {
        bad(column, `at most ${TEXT_LIMITS[column]} characters (this one has ${value.length})`);
        ok = false;
      } else if (!isStorableText(value)) {
        bad(column, 'contains control characters or broken unicode');
        ok = false;
      }
      return value;
    };

    let channel: number | null = null;
    const channelText = cell('channel');
    if (channelText !== '') {
      if (!/^\d+$/.test(channelText) || Number(channelText) < 1 || Number(channelText) > MAX_CHANNEL) {
        bad('channel', `"${channelText.slice(0, 20)}" is not a channel number from 1 to ${MAX_CHANNEL}`);
        ok = false;
      } else {
        channel = Number(channelText);
        const first = channels.get(channel);
        if (first !== undefined) {
          bad('channel', `channel ${channel} is also on line ${first}`);
          ok = false;
        } else channels.set(channel, line);
      }
    }
    const source = textOf('source');
    if (source === '') {
      bad('source', 'name what is plugged in (e.g. "Kick In")');
      ok = false;
    }
    const gearName = textOf('gear');
    const found = gearName ? index.get(gearName.toLowerCase().replace(/\s+/g, ' ')) : undefined;
    const stand = textOf('stand');
    const preamp = textOf('preamp');
    const insert = textOf('insert');
    const notes = textOf('notes');
    const phantom = parseBoolean(cell('phantom'), YES, NO);
    if (phantom === undefined) {
      bad('phantom', `"${cell('phantom').slice(0, 20)}" is not on or off`);
      ok = false;
    }
    const polarity = parseBoolean(cell('polarity'), FLIPPED, NORMAL);
    if (polarity === undefined) {
      bad('polarity', `"${cell('polarity').slice(0, 20)}" is not normal or flipped`);
      ok = false;
    }
    const padDb = parsePad(cell('pad'));
    if (padDb === undefined) {
      bad('pad', `"${cell('pad').slice(0, 20)}" is not a pad in dB (0 to 60)`);
      ok = false;
    }
    const highPassHz = parseHighPass(cell('highPass'));
    if (highPassHz === undefined) {
      bad('highPass', `"${cell('highPass').slice(0, 20)}" is not a high-pass frequency in Hz (10 to 2000)`);
      ok = false;
    }
    if (!ok) continue;
    lines.push({
      line,
      channel,
      source,
      gearId: found?.id ?? null,
      gearText: found ? '' : gearName,
      stand,
      preamp,
      phantom: phantom!,
      padDb: padDb ?? null,
      highPassHz: highPassHz ?? null,
      polarity: polarity!,
      insert,
      notes,
    });
  }
  if (dataRows === 0 && errors.length === 0) errors.push({ line: headerLine, column: null, message: 'the file has a header row but no lines' });
  errors.sort((a, b) => a.line - b.line);
  return { lines: errors.length ? [] : lines, errors };
}

/**
 * A cell a spreadsheet would run as a formula gets an apostrophe in front; plain numbers stay.
 * (A value that already starts with apostrophes before such a character gets one more, so
 * reading the file back gives exactly what was written.)
 */
export function neutraliseCell(value: string): string {
  if (/^[-+]?\d+(\.\d+)?$/.test(value)) return value;
  return /^'*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The input list as a CSV file (UTF-8 with a byte-order mark, CRLF, every cell quoted). */
export function exportInputListCsv(lines: readonly CsvInputLine[], gearLabels: ReadonlyMap<string, string> = new Map()): string {
  const rows = lines.map((l) => {
    const values: Record<Column, string> = {
      channel: l.channel === null ? '' : String(l.channel),
      source: l.source,
      gear: (l.gearId !== null ? gearLabels.get(l.gearId) : undefined) ?? l.gearText,
      stand: l.stand,
      preamp: l.preamp,
      phantom: l.phantom ? 'on' : 'off',
      pad: l.padDb === null ? '' : String(l.padDb),
      highPass: l.highPassHz === null ? '' : String(l.highPassHz),
      polarity: l.polarity ? 'flipped' : 'normal',
      insert: l.insert,
      notes: l.notes,
    };
    return INPUT_CSV_COLUMNS.map((c) => neutraliseCell(values[c.key]));
  });
  const body = Papa.unparse({ fields: INPUT_CSV_COLUMNS.map((c) => c.header), data: rows }, { quotes: true, newline: '\r\n' });
  return `\uFEFF${body}\r\n`;
}
