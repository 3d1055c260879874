import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportInputListCsv, neutraliseCell, parseInputListCsv, type CsvInputLine } from '../../../shared/src/domain/index';

const GEAR = [
  { id: 'g-u87-1', label: 'U87 #1', make: 'Neumann', model: 'U87 Ai' },
  { id: 'g-sm57', label: 'Shure SM57', make: 'Shure', model: 'SM57' },
  { id: 'g-4038-1', label: 'Coles 4038 #1', make: 'Coles', model: '4038' },
  { id: 'g-4038-2', label: 'Coles 4038 #2', make: 'Coles', model: '4038' },
];

const good = [
  'Ch,Source,Mic,Stand,Pre,48V,Pad,HPF,Phase,Insert,Notes',
  '1,Kick In,Shure SM57,short stand,Neve 1073 #1,off,,,normal,,',
  '2,Snare Bottom,shure  sm57,short stand,Neve 1073 #2,no,−10 dB,80 Hz,flipped,1176,"under the snare, facing up"',
  '3,Room L,U87 #1,tall boom,Console ch 3,48V,0,,,,',
  '4,Guide Vox,SM58 (band’s own),,Console ch 4,,,100,,,',
].join('\r\n');

describe('reading an input list from CSV', () => {
  it('reads common spellings of the columns, matches inventory gear and keeps the rest as free text', () => {
    const { lines, errors } = parseInputListCsv(good, GEAR);
    expect(errors).toEqual([]);
    expect(lines).toEqual([
      { line: 2, channel: 1, source: 'Kick In', gearId: 'g-sm57', gearText: '', stand: 'short stand', preamp: 'Neve 1073 #1', phantom: false, padDb: null, highPassHz: null, polarity: false, insert: '', notes: '' },
      { line: 3, channel: 2, source: 'Snare Bottom', gearId: 'g-sm57', gearText: '', stand: 'short stand', preamp: 'Neve 1073 #2', phantom: false, padDb: 10, highPassHz: 80, polarity: true, insert: '1176', notes: 'under the snare, facing up' },
      { line: 4, channel: 3, source: 'Room L', gearId: 'g-u87-1', gearText: '', stand: 'tall boom', preamp: 'Console ch 3', phantom: true, padDb: 0, highPassHz: null, polarity: false, insert: '', notes: '' },
      { line: 5, channel: 4, source: 'Guide Vox', gearId: null, gearText: 'SM58 (band’s own)', stand: '', preamp: 'Console ch 4', phantom: false, padDb: null, highPassHz: 100, polarity: false, insert: '', notes: '' },
    ]);
  });

  it('takes semicolons (European spreadsheets), a byte-order mark and blank lines', () => {
    const { lines, errors } = parseInputListCsv('\uFEFFChannel;Source;Mic / DI\n\n1;Kick In;Shure SM57\n\n2;Snare;SM57\n', GEAR);
    expect(errors).toEqual([]);
    expect(lines.map((l) => [l.line, l.channel, l.source, l.gearId])).toEqual([[3, 1, 'Kick In', 'g-sm57'], [5, 2, 'Snare', null]]);
    // "SM57" alone names no item: it stays free text rather than guessing.
    expect(lines[1]?.gearText).toBe('SM57');
  });

  it('matches "make model" only when it names exactly one item', () => {
    const { lines } = parseInputListCsv('Source,Mic\nA,Neumann U87 Ai\nB,Coles 4038\n', GEAR);
    expect(lines.map((l) => [l.gearId, l.gearText])).toEqual([['g-u87-1', ''], [null, 'Coles 4038']]);
  });

  it('reports every bad row with its line, column and reason, and imports nothing', () => {
    const csv = [
      'Channel,Source,Phantom,Pad (dB),High-pass (Hz),Polarity',
      '1,Kick In,maybe,,,',
      'one,Snare,,,,',
      '3,,,,,',
      '4,Hat,,-100,,',
      '5,Tom,,,5 kHz,',
      '1,Kick again,,,,sideways',
      '7,Fine,,,,',
    ].join('\n');
    const { lines, errors } = parseInputListCsv(csv, GEAR);
    expect(lines).toEqual([]);
    expect(errors).toEqual([
      { line: 2, column: 'Phantom', message: '"maybe" is not on or off' },
      { line: 3, column: 'Channel', message: '"one" is not a channel number from 1 to 999' },
      { line: 4, column: 'Source', message: 'name what is plugged in (e.g. "Kick In")' },
      { line: 5, column: 'Pad (dB)', message: '"-100" is not a pad in dB (0 to 60)' },
      { line: 6, column: 'High-pass (Hz)', message: '"5 kHz" is not a high-pass frequency in Hz (10 to 2000)' },
      { line: 7, column: 'Channel', message: 'channel 1 is also on line 2' },
      { line: 7, column: 'Polarity', message: '"sideways" is not normal or flipped' },
    ]);
  });

  it.each([
    ['an empty file', '', 'the file has no header row and no lines'],
    ['only blank lines', '\n\n  \n', 'the file has no header row and no lines'],
    ['no Source column', 'Channel,Mic\n1,SM57', 'the header row needs a "Source" column (found: "Channel", "Mic")'],
    ['a header and nothing else', 'Channel,Source\n', 'the file has a header row but no lines'],
  ])('refuses %s', (_name, csv, message) => {
    const { lines, errors } = parseInputListCsv(csv, GEAR);
    expect(lines).toEqual([]);
    expect(errors).toEqual([{ line: 1, column: null, message }]);
  });

  it('refuses text the database cannot store and over-long cells', () => {
    const { errors } = parseInputListCsv(`Source,Notes\nKick\u0000In,\nSnare,${'x'.repeat(1001)}\n`, GEAR);
    expect(errors).toEqual([
      { line: 2, column: 'Source', message: 'contains control characters or broken unicode' },
      { line: 3, column: 'Notes', message: 'at most 1000 characters (this one has 1001)' },
    ]);
  });

  it('reports a broken quote instead of guessing', () => {
    const { lines, errors } = parseInputListCsv('Source,Notes\n"Kick In,unclosed\n', GEAR);
    expect(lines).toEqual([]);
    expect(errors.some((e) => e.message.startsWith('unreadable row'))).toBe(true);
  });

  it('never throws, whatever the file', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '1', ',', ';', '"', '\n', '\r', ' ', '=', 'Source', 'Channel', '\t', 'é', '\u0000') , maxLength: 200 }), (csv) => {
        const result = parseInputListCsv(csv, GEAR);
        // All or nothing: either no errors and lines, or errors and no lines.
        expect(result.errors.length === 0 || result.lines.length === 0).toBe(true);
      }),
    );
  });
});

describe('writing an input list as CSV', () => {
  it('neutralises cells a spreadsheet would run as a formula, but not plain numbers', () => {
    expect(['=SUM(A1:A9)', '+1+1', '-cmd', '@import', '\tx', '-10', '+48', '3.5', 'Kick In', ''].map(neutraliseCell)).toEqual([
      "'=SUM(A1:A9)", "'+1+1", "'-cmd", "'@import", "'\tx", '-10', '+48', '3.5', 'Kick In', '',
    ]);
  });

  it('writes a header, every cell quoted, a byte-order mark and CRLF', () => {
    const csv = exportInputListCsv(
      [{ channel: 1, source: 'Kick In', gearId: 'g-sm57', gearText: '', stand: 'short', preamp: '1073 #1', phantom: false, padDb: 10, highPassHz: 80, polarity: true, insert: '', notes: '=HYPERLINK("http://evil")' }],
      new Map([['g-sm57', 'Shure SM57']]),
    );
    expect(csv).toBe(
      '\uFEFF"Channel","Source","Mic / DI","Stand","Preamp","Phantom","Pad (dB)","High-pass (Hz)","Polarity","Insert","Notes"\r\n' +
        '"1","Kick In","Shure SM57","short","1073 #1","off","10","80","flipped","","\'=HYPERLINK(""http://evil"")"\r\n',
    );
  });

  it('reads back what it wrote', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'B', ' ', ',', '"', '\n', '=', '+', '-', '@', 'ü', '–', ';', "'"), minLength: 0, maxLength: 12 }).map((s) => s.trim());
    const lineArb = fc.record({
      channel: fc.option(fc.integer({ min: 1, max: 999 }), { nil: null }),
      source: text.filter((s) => s.length > 0),
      gear: fc.constantFrom(null, 'g-sm57', 'g-u87-1'),
      gearText: text,
      stand: text,
      preamp: text,
      phantom: fc.boolean(),
      padDb: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
      highPassHz: fc.option(fc.integer({ min: 10, max: 2000 }), { nil: null }),
      polarity: fc.boolean(),
      insert: text,
      notes: text,
    });
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 10 }), (raw) => {
        // Channels are unique in a good list: a repeated one becomes "no channel".
        const seen = new Set<number>();
        const lines: CsvInputLine[] = raw.map(({ gear, ...l }) => {
          const channel = l.channel !== null && !seen.has(l.channel) ? l.channel : null;
          if (channel !== null) seen.add(channel);
          return { ...l, channel, gearId: gear, gearText: gear ? '' : l.gearText };
        });
        const labels = new Map(GEAR.map((g) => [g.id, g.label]));
        const parsed = parseInputListCsv(exportInputListCsv(lines, labels), GEAR);
        // An empty list writes a header only, which reads back as "no lines".
        const expectedErrors = lines.length === 0 ? ['the file has a header row but no lines'] : [];
        expect(parsed.errors.map((e) => e.message)).toEqual(expectedErrors);
        expect(parsed.lines.map(({ line: _line, ...l }) => l)).toEqual(lines);
      }),
    );
  });
});
