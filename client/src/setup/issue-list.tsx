import type { SetupIssue } from '@patchbay/shared/domain/setup-rules';

/** What the setup rules say about one line: errors first, each in words with what to do. */
export function IssueList({ issues, id }: { issues: readonly SetupIssue[] | undefined; id?: string }) {
  if (!issues || issues.length === 0) return null;
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <ul className="issue-list" id={id}>
      {sorted.map((issue) => (
        <li key={`${issue.code}:${issue.gearId ?? ''}`} className={`issue issue--${issue.severity}`}>
          <span className="issue__mark" aria-hidden="true">
            {issue.severity === 'error' ? '!' : '⚠'}
          </span>
          <span className="visually-hidden">{issue.severity === 'error' ? 'Error: ' : 'Warning: '}</span>
          {issue.message}
        </li>
      ))}
    </ul>
  );
}
