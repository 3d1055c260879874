import { NavLink } from 'react-router';
import './agenda-tabs.css';

/** Switch between My day and My week (links, so each view has its own address). */
export function AgendaTabs() {
  return (
    <nav className="agenda-tabs" aria-label="My day or my week">
      <NavLink to="/my-day" className="agenda-tabs__tab">
        Day
      </NavLink>
      <NavLink to="/my-week" className="agenda-tabs__tab">
        Week
      </NavLink>
    </nav>
  );
}
