import { Link, NavLink } from 'react-router';
import { useStudio } from '../api/queries';
import './app-header.css';

function Logo() {
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
  const studio = useStudio();
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link to="/" className="app-header__brand">
          <Logo />
          <span>Patchbay</span>
        </Link>
        {studio.data ? <span className="app-header__studio">{studio.data.name}</span> : null}
        <nav className="app-header__nav" aria-label="Main">
          <NavLink to="/" end className="app-header__link">
            Sessions
          </NavLink>
        </nav>
      </div>
    </header>
  );
}
