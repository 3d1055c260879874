import type { PersonRef } from '@patchbay/shared';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A comment's words with the people it named marked ("@Sam Reyes" stands out). */
export function MentionText({ body, mentions }: { body: string; mentions: readonly PersonRef[] }) {
  if (mentions.length === 0) return <>{body}</>;
  const names = mentions.flatMap((m) => [m.name, m.name.split(/\s+/)[0] ?? m.name]).sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(@(?:${names.map(escape).join('|')}))(?![\\p{L}\\p{N}])`, 'giu');
  const parts = body.split(pattern);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <mark key={i} className="comment__mention">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </>
  );
}
