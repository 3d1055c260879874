import type { Task, TaskAssignment } from '@patchbay/shared';
import { RULE_LABELS } from '@patchbay/shared/domain/routing-reasons';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api-context';
import { errorMessage } from '../api/client';
import { queryKeys } from '../api/queries';
import { formatInstant } from '../lib/format';

function ruleLabel(rule: string): string | null {
  if (rule === 'manual' || !rule) return null;
  return (RULE_LABELS as Readonly<Record<string, string>>)[rule] ?? rule.replaceAll('_', ' ');
}

function Entry({ entry, timeZone }: { entry: TaskAssignment; timeZone: string }) {
  const to = entry.assignee?.name ?? 'nobody';
  const rule = ruleLabel(entry.rule);
  return (
    <li className={`history__entry${entry.manual ? ' history__entry--manual' : ''}`}>
      <p className="history__head">
        <span className="history__what">{entry.manual ? `By hand → ${to}` : `Routed → ${to}`}</span>
        <span className="history__meta">
          {entry.manual ? `by ${entry.by?.name ?? 'someone'}` : entry.by ? `re-routed by ${entry.by.name}` : 'by Patchbay'} ·{' '}
          <time dateTime={entry.at}>{formatInstant(entry.at, timeZone)}</time>
        </span>
      </p>
      {rule ? <p className="history__rule">Rule: {rule}</p> : null}
      {entry.reason ? <p className="history__reason">{entry.reason}</p> : null}
      {entry.warnings.length > 0 ? (
        <ul className="history__warnings" aria-label="Rules overridden">
          {entry.warnings.map((w, i) => (
            <li key={`${w.code}-${i}`}>
              <span aria-hidden="true">⚠ </span>
              {w.message}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** Who the task went to over time: routed or by hand, by whom, why, and what was overridden. */
export function AssignmentHistory({ task, timeZone, id }: { task: Task; timeZone: string; id: string }) {
  const api = useApi();
  const history = useQuery({
    queryKey: queryKeys.assignments(task.id, task.version),
    queryFn: ({ signal }) => api.listAssignments(task.id, signal),
    staleTime: 30_000,
    placeholderData: (previous) => previous,
  });
  const entries = [...(history.data ?? [])].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <div className="history" id={id}>
      {history.isPending ? (
        <p className="history__note">Loading the history…</p>
      ) : history.isError && !history.data ? (
        <p className="history__note history__note--error">Couldn’t load the history: {errorMessage(history.error)}</p>
      ) : entries.length === 0 ? (
        <p className="history__note">No assignments yet.</p>
      ) : (
        <ol className="history__list" aria-label={`Assignment history of “${task.title}”, newest first`}>
          {entries.map((entry) => (
            <Entry key={entry.id} entry={entry} timeZone={timeZone} />
          ))}
        </ol>
      )}
    </div>
  );
}
