import { mentionSpans, type Mentionable, type PersonRef } from '@patchbay/shared';
import { Fragment } from 'react';
import './mention-text.css';

/**
 * A comment's words with the people it named marked ("@Sam Reyes" stands out), found by the rule
 * the server told them by. `people` are who else could be named (for "a first name no one else
 * has"); only those in `mentions` (the ones told) are marked.
 */
export function MentionText({ body, mentions, people = [] }: { body: string; mentions: readonly PersonRef[]; people?: readonly Mentionable[] }) {
  if (mentions.length === 0) return <>{body}</>;
  const told = new Set(mentions.map((m) => m.id));
  const text = body.normalize('NFC');
  const spans = mentionSpans(text, [...mentions, ...people.filter((p) => !told.has(p.id))]).filter((s) => told.has(s.id));
  const parts = spans.map((s, i) => ({ before: text.slice(i === 0 ? 0 : spans[i - 1]!.end, s.start), named: text.slice(s.start, s.end), at: s.start }));
  return (
    <>
      {parts.map((p) => (
        <Fragment key={p.at}>
          {p.before}
          <mark className="comment__mention">{p.named}</mark>
        </Fragment>
      ))}
      {text.slice(spans.at(-1)?.end ?? 0)}
    </>
  );
}
