import { Link, NavLink } from 'react-router';
import { useMe, usePermissions } from '../auth/auth-context';
import { canSeeStudioAdmin } from '../auth/access';
import { UserMenu } from './user-menu';
import { MentionsLink } from '../comments/mentions-link';
import './app-header.css';

export function Logo() {
  // A patch point: two jacks joined by a cable.
  return (
    <svg className="app-header__logo" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <circle cx="6" cy="6" r="3.2" fill="none" stroke="currentColor" strokeWidth="2" />
      <circle cx="18" cy="18" r="3.2" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M8.5 8.5 C 12 12, 12 12, 15.5 15.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      <circle cx="18" cy="6" r="1.6" fill="currentColor" />
      <circle cx="6" cy="18" r="1.6" fill="currentColor" />
    </svg>
  );
}

export function AppHeader() {
  const me = useMe();
  const permissions = usePermissions();
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link to="/" className="app-header__brand">
          <Logo />
          <span>Patchbay</span>
        </Link>
        <span className="app-header__studio">{me.studio.name}</span>
        <nav className="app-header__nav" aria-label="Main">
          {me.member.accessRole === 'GUEST' ? (
            // A guest (the artist) has one page of their own; the team's pages are not for them.
            <NavLink to="/artist" className="app-header__link">
              Your sessions
            </NavLink>
          ) : (
            <>
              <NavLink to="/my-day" className="app-header__link">
                My day
              </NavLink>
              <NavLink to="/sessions" className="app-header__link">
                Sessions
              </NavLink>
              <NavLink to="/calendar" className="app-header__link">
                Calendar
              </NavLink>
            </>
          )}
          {permissions.can('workload.viewOwn') ? (
            <NavLink to="/workload" className="app-header__link">
              Workload
            </NavLink>
          ) : null}
          {canSeeStudioAdmin(permissions) ? (
            <NavLink to="/studio" className="app-header__link">
              Studio
            </NavLink>
          ) : null}
        </nav>
        {permissions.can('tasks.comment') ? <MentionsLink /> : null}
        <UserMenu />
      </div>
    </header>
  );
}
