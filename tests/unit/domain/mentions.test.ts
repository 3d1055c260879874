import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MENTION_QUERY, mentionableOn, mentionedIn, mentionSpans } from '@patchbay/shared/domain/mentions';

const SAM = { id: 'sam', name: 'Sam Reyes' };
const SAMANTHA = { id: 'samantha', name: 'Samantha Cole' };
const LENA = { id: 'lena', name: 'Lena Park' };
const LENA_B = { id: 'lena-b', name: 'Lena Berg' };
const RENE = { id: 'rene', name: 'René Dubois' };

describe('who a comment names', () => {
  it.each<[string, string, Array<{ id: string; name: string }>, string[]]>([
    ['a full name', '@Sam Reyes can you check ch 12?', [SAM, LENA], ['sam']],
    ['a unique first name', 'ask @sam', [SAM, LENA], ['sam']],
    ['a shared first name is not enough', 'ask @Lena', [LENA, LENA_B], []],
    ['but the full name is', 'ask @Lena Berg', [LENA, LENA_B], ['lena-b']],
    ['a longer name is not a shorter one', '@Samantha knows', [SAM, { id: 'x', name: 'Sam' }], []],
    ['two people, in the order named', '@Lena Park then @Sam Reyes', [SAM, LENA], ['lena', 'sam']],
    ['one person named twice, once', '@Sam and again @Sam Reyes', [SAM, SAMANTHA], ['sam']],
    ['punctuation ends a name', 'thanks @Sam Reyes, and @Lena.', [SAM, LENA], ['sam', 'lena']],
    ['accents and any case', '@rené DUBOIS please', [RENE], ['rene']],
    ['no @, no mention', 'Sam Reyes should know', [SAM], []],
    ['an address is not a mention', 'send the stems to mix@sam.studio', [SAM], []],
    ['in brackets it is', 'thanks (@Sam Reyes)', [SAM], ['sam']],
  ])('%s', (_, body, people, ids) => {
    expect(mentionedIn(body, people)).toEqual(ids);
  });

  it('only ever names people from the list, each once', () => {
    const person = fc.record({ id: fc.uuid(), name: fc.string({ minLength: 1, maxLength: 20 }) });
    fc.assert(
      fc.property(fc.array(person, { maxLength: 6 }), fc.string({ maxLength: 120 }), (people, body) => {
        const ids = mentionedIn(body, people);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(people.some((p) => p.id === id)).toBe(true);
        expect(body.includes('@') || ids.length === 0).toBe(true);
      }),
    );
  });

  it('names anyone whose full name follows an @ and ends there', () => {
    const name = fc.stringMatching(/^[A-Z][a-z]{1,8} [A-Z][a-z]{1,8}$/);
    fc.assert(
      fc.property(name, fc.constantFrom(' ', ', ', '. ', '!', ''), fc.string({ maxLength: 30 }), (full, after, rest) => {
        const body = `hey @${full}${after}${after === '' ? '' : rest}`;
        expect(mentionedIn(body, [{ id: 'p', name: full }])).toEqual(['p']);
      }),
    );
  });
});

describe('where a comment names them (what the comment shows marked)', () => {
  const marked = (body: string, people: Array<{ id: string; name: string }>) => mentionSpans(body, people).map((s) => [s.id, body.normalize('NFC').slice(s.start, s.end)]);
  it.each<[string, string, Array<{ id: string; name: string }>, string[][]]>([
    ['the words as written', 'ask @SAM reyes and @Lena', [SAM, LENA], [['sam', '@SAM reyes'], ['lena', '@Lena']]],
    ['not a shared first name', '@Lena or @Lena Berg', [LENA, LENA_B], [['lena-b', '@Lena Berg']]],
    ['not after a letter', 'x@Sam Reyes', [SAM], []],
    ['a letter longer in lower case does not shift the marks', 'İİ @Sam Reyes', [SAM], [['sam', '@Sam Reyes']]],
    ['decomposed accents are read as composed', '@Rene\u0301 Dubois', [RENE], [['rene', '@René Dubois']]],
  ])('%s', (_, body, people, spans) => {
    expect(marked(body, people)).toEqual(spans);
  });

  it('marks exactly the people mentionedIn names, within the body', () => {
    const person = fc.record({ id: fc.constantFrom('a', 'b', 'c'), name: fc.constantFrom('Sam Reyes', 'Sam', 'Lena Park', 'İlke Su', 'Zoë') });
    const word = fc.constantFrom('@Sam', '@sam reyes', '@Lena Park', '@İlke', '@zoë', 'İ', ' ', '(', 'x', ',');
    fc.assert(
      fc.property(fc.array(person, { maxLength: 4 }), fc.array(word, { maxLength: 12 }), (people, words) => {
        const body = words.join('');
        const spans = mentionSpans(body, people);
        expect([...new Set(spans.map((s) => s.id))]).toEqual(mentionedIn(body, people));
        for (const s of spans) expect(body.normalize('NFC').charAt(s.start)).toBe('@');
      }),
    );
  });
});

describe('the name being typed after an @ (the composer suggests for it)', () => {
  it.each<[string, string | null]>([
    ['ask @Sa', 'Sa'],
    ['@', ''],
    ['thanks (@Le', 'Le'],
    ['mix@sa', null],
    ['@Sam done', null],
  ])('%s', (text, query) => {
    expect(MENTION_QUERY.exec(text)?.[1] ?? null).toBe(query);
  });
});

describe('who a comment on a board can name', () => {
  const people = [
    { id: 'maya', name: 'Maya', accessRole: 'PRODUCER' as const },
    { id: 'sam', name: 'Sam', accessRole: 'ENGINEER' as const },
    { id: 'lena', name: 'Lena', accessRole: 'ENGINEER' as const },
    { id: 'theo', name: 'Theo', accessRole: 'ASSISTANT_ENGINEER' as const },
    { id: 'ada', name: 'Ada', accessRole: 'GUEST' as const },
  ];
  it.each<[string, { producerId: string | null; engineerId: string | null; assignees: string[] }, string[]]>([
    ['producers always; the session engineer', { producerId: null, engineerId: 'sam', assignees: [] }, ['maya', 'sam']],
    ['an assistant with a task there', { producerId: null, engineerId: null, assignees: ['theo'] }, ['maya', 'theo']],
    ['never a guest, even with a task', { producerId: null, engineerId: null, assignees: ['ada'] }, ['maya']],
  ])('%s', (_, board, ids) => {
    expect(mentionableOn(people, { leadProducerId: null, ...board, assigneeIds: new Set(board.assignees) }).map((p) => p.id)).toEqual(ids);
  });
});
