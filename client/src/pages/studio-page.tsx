import type { Studio } from '@patchbay/shared';
import type { ReactNode } from 'react';
import { Navigate, NavLink, useParams } from 'react-router';
import { useStudio } from '../api/queries';
import type { Permissions } from '../auth/auth-context';
import { useMe, usePermissions } from '../auth/auth-context';
import { NoAccess } from '../components/no-access';
import { PageError, PageLoading } from '../components/page-state';
import { GearTab } from '../studio/gear-tab';
import { KindsTab } from '../studio/kinds-tab';
import { TemplatesTab } from '../studio/templates-tab';
import { MembersTab } from '../studio/members-tab';
import { ProjectsTab } from '../studio/projects-tab';
import { RoomsTab } from '../studio/rooms-tab';
import { SessionsTab } from '../studio/sessions-tab';
import '../studio/studio.css';

interface Tab {
  key: string;
  label: string;
  allowed: (p: Permissions) => boolean;
  render: (studio: Studio) => ReactNode;
}

export const STUDIO_TABS: readonly Tab[] = [
  { key: 'rooms', label: 'Rooms', allowed: (p) => p.can('catalog.manage'), render: (studio) => <RoomsTab studio={studio} /> },
  { key: 'gear', label: 'Gear', allowed: (p) => p.can('catalog.manage'), render: (studio) => <GearTab studio={studio} /> },
  { key: 'members', label: 'Members', allowed: (p) => p.can('members.manage'), render: (studio) => <MembersTab studio={studio} /> },
  { key: 'projects', label: 'Projects', allowed: (p) => p.can('projects.create') || p.can('projects.edit'), render: (studio) => <ProjectsTab studio={studio} /> },
  { key: 'kinds', label: 'Task kinds', allowed: (p) => p.can('catalog.manage'), render: () => <KindsTab /> },
  { key: 'templates', label: 'Templates', allowed: (p) => p.can('templates.manage'), render: () => <TemplatesTab /> },
  { key: 'sessions', label: 'Sessions', allowed: (p) => p.can('sessions.create') || p.can('sessions.edit'), render: (studio) => <SessionsTab studio={studio} /> },
];

/** The sections of the studio set-up the member may open, as links (the audit log is its own page). */
export function StudioTabs() {
  const permissions = usePermissions();
  const tabs = STUDIO_TABS.filter((t) => t.allowed(permissions));
  return (
    <nav className="studio-tabs" aria-label="Studio sections">
      {tabs.map((t) => (
        <NavLink key={t.key} to={`/studio/${t.key}`} className="studio-tabs__tab">
          {t.label}
        </NavLink>
      ))}
      {permissions.can('audit.view') ? (
        <NavLink to="/studio/audit" className="studio-tabs__tab">
          Audit log
        </NavLink>
      ) : null}
    </nav>
  );
}

/** The studio's set-up, one tab per part; each tab only for the roles that may change it. */
export function StudioPage() {
  const { tab } = useParams();
  const me = useMe();
  const permissions = usePermissions();
  const tabs = STUDIO_TABS.filter((t) => t.allowed(permissions));
  const canAudit = permissions.can('audit.view');
  const studio = useStudio({ enabled: tabs.length > 0 });

  if (tabs.length === 0) return canAudit ? <Navigate to="/studio/audit" replace /> : <NoAccess what="the studio set-up" />;
  const current = tabs.find((t) => t.key === tab);
  if (!current) return <Navigate to={`/studio/${tabs[0]!.key}`} replace />;

  return (
    <div className="studio-page">
      <title>{`${current.label} · Studio · Patchbay`}</title>
      <div className="page-heading">
        <div>
          <h1 className="page-heading__title">Studio</h1>
          <p className="page-heading__sub">
            {me.studio.name} · {me.studio.timezone.replaceAll('_', ' ')}
          </p>
        </div>
      </div>
      <StudioTabs />
      <section className="studio-page__panel" aria-labelledby="studio-tab-heading">
        <h2 className="visually-hidden" id="studio-tab-heading">
          {current.label}
        </h2>
        {studio.isPending ? (
          <PageLoading label="Loading the studio…" />
        ) : studio.isError ? (
          <PageError
            title="Couldn't load the studio"
            error={studio.error}
            action={
              <button type="button" className="button" onClick={() => void studio.refetch()}>
                Try again
              </button>
            }
          />
        ) : (
          current.render(studio.data)
        )}
      </section>
    </div>
  );
}
