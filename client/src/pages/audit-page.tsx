import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useApi } from '../api/api-context';
import { queryKeys } from '../api/queries';
import type { AuditEntry, AuditQuery } from '../api/types';
import { useMe, usePermissions } from '../auth/auth-context';
import { NoAccess } from '../components/no-access';
import { PageError, PageLoading } from '../components/page-state';
import { RULE_LABELS } from '@patchbay/shared/domain/routing-reasons';
import { describeUserAgent, formatInstant } from '../lib/format';
import { StudioTabs } from './studio-page';
import '../studio/studio.css';
import { TableWrap } from '../components/table-wrap';

const LIMITS = [50, 100, 200, 500] as const;

/** How the log says what happened (anything not listed: "gear.created" → "Gear created"). */
const ACTION_LABELS: Record<string, string> = {
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Sign-in failed (wrong password)',
  'auth.sign_out': 'Signed out',
  'auth.password_changed': 'Changed their password',
  'auth.session_revoked': 'Signed a browser out',
  'member.signed_out_everywhere': 'Signed out everywhere',
  'member.access_changed': 'Access changed',
  'task.routed': 'Task routed',
  'task.assigned_by_hand': 'Task assigned by hand',
  'session.booked_from_template': 'Session booked from a template',
  'calendar_feed.revoked': 'Calendar feed turned off',
  calendar_feed: 'Calendar feed',
};

/** "task.assigned" → "Task assigned". */
export function actionLabel(action: string): string {
  const known = ACTION_LABELS[action];
  if (known) return known;
  const text = action.replaceAll('.', ' ').replaceAll('_', ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const ruleLabel = (rule: string): string => (RULE_LABELS as Readonly<Record<string, string>>)[rule] ?? words(rule);

/** What each detail is called in the log (keys the server writes; anything else is shown as written). */
const DETAIL_LABELS: Record<string, string> = {
  userAgent: 'Browser',
  assignee: 'Assigned to',
  rule: 'Decided by',
  reason: 'Why',
  warnings: 'Warnings',
  fields: 'Changed',
  from: 'From',
  to: 'To',
  accessRole: 'Access',
  projectIds: 'Projects',
  sessions: 'Sign-ins ended',
  unassignedTasks: 'Tasks left unassigned',
  label: 'Label',
  linesKept: 'Setup lines keeping the label',
  name: 'Name',
  email: 'Email',
  roles: 'Roles',
  hold: 'Hold',
  by: 'Started by',
  existingAccount: 'Had an account already',
  fromSession: 'From session',
};

/** "session_staff" → "Session staff"; known routing rules by their names. */
function words(value: string): string {
  const text = value.replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
}

function detailText(key: string, value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (key === 'userAgent' && typeof value === 'string') return describeUserAgent(value);
  if (key === 'rule' && typeof value === 'string') return ruleLabel(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (key === 'projectIds' && Array.isArray(value)) return `${value.length} project${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'string') return ['from', 'to', 'accessRole', 'hold', 'by'].includes(key) ? words(value) : value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' && key !== 'fields' ? words(v) : detailText(key, v))).join(', ');
  return JSON.stringify(value);
}

function Details({ details }: { details: AuditEntry['details'] }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return <span className="data-table__none">–</span>;
  return (
    <dl className="audit-details">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{DETAIL_LABELS[key] ?? key}</dt>
          <dd>{detailText(key, value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The studio's audit log: sign-ins, assignments, membership and permission changes. */
export function AuditPage() {
  const api = useApi();
  const me = useMe();
  const permissions = usePermissions();
  const [params, setParams] = useSearchParams();
  const entityType = params.get('entityType') ?? '';
  const limitParam = Number(params.get('limit'));
  const limit = (LIMITS as readonly number[]).includes(limitParam) ? limitParam : 100;
  const query: AuditQuery = { limit, ...(entityType ? { entityType } : {}) };
  const allowed = permissions.can('audit.view');
  const audit = useQuery({ queryKey: queryKeys.audit(query), queryFn: ({ signal }) => api.listAudit(query, signal), enabled: allowed, placeholderData: (prev) => prev });

  if (!allowed) return <NoAccess what="the audit log" />;
  const entries = audit.data ?? [];
  const types = [...new Set([...entries.map((e) => e.entityType), ...(entityType ? [entityType] : [])])].sort();
  const setParam = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <div className="studio-page">
      <title>Audit log · Studio · Patchbay</title>
      <div className="page-heading">
        <div>
          <h1 className="page-heading__title">Audit log</h1>
          <p className="page-heading__sub">Who did what at {me.studio.name}: sign-ins, assignments, membership and access changes. Newest first.</p>
        </div>
      </div>
      <StudioTabs />
      <div className="audit-filters">
        <div className="field">
          <label className="field__label" htmlFor="audit-type">
            About
          </label>
          <select id="audit-type" className="input input--compact" value={entityType} onChange={(e) => setParam('entityType', e.target.value)}>
            <option value="">Everything</option>
            {types.map((t) => (
              <option key={t} value={t}>
                {actionLabel(t)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="audit-limit">
            Show
          </label>
          <select id="audit-limit" className="input input--compact" value={limit} onChange={(e) => setParam('limit', e.target.value === '100' ? '' : e.target.value)}>
            {LIMITS.map((n) => (
              <option key={n} value={n}>
                Last {n}
              </option>
            ))}
          </select>
        </div>
      </div>
      {audit.isPending ? (
        <PageLoading label="Loading the audit log…" />
      ) : audit.isError && !audit.data ? (
        <PageError title="Couldn't load the audit log" error={audit.error} />
      ) : entries.length === 0 ? (
        <p className="data-table__none">Nothing recorded{entityType ? ' about this' : ''} yet.</p>
      ) : (
        <TableWrap label="Audit entries">
          <table className="data-table data-table--audit" aria-busy={audit.isFetching}>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">About</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {[...entries]
                .sort((a, b) => b.at.localeCompare(a.at))
                .map((e) => (
                  <tr key={e.id}>
                    <td className="data-table__mono data-table__nowrap" data-label="When">
                      <time dateTime={e.at}>{formatInstant(e.at, me.studio.timezone)}</time>
                    </td>
                    <td data-label="Who">{e.actor?.name ?? <span className="data-table__none">System</span>}</td>
                    <th scope="row" data-label="What">
                      {actionLabel(e.action)}
                    </th>
                    <td data-label="About">
                      <span className="data-table__primary">{e.entityName ?? actionLabel(e.entityType)}</span>
                      {e.entityName ? <span className="data-table__secondary">{actionLabel(e.entityType)}</span> : null}
                    </td>
                    <td data-label="Details">
                      <Details details={e.details} />
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </div>
  );
}
