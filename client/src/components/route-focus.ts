import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/** How long to wait for a page (a lazy chunk, its first data) to show its heading. */
const WAIT_MS = 5000;
const EVERY_MS = 50;

const pageHeading = () => document.querySelector<HTMLElement>('#main h1');

/**
 * After a navigation, focus goes to the new page's heading (`#main h1`) so keyboard and screen
 * reader users start at the top of what they opened — unless focus is already somewhere on the
 * page (a field the page focused, a tab of the same page): it moves only when it was left on
 * nothing, on an element the navigation removed, or in the header's menus. The page being left
 * may stay on screen while the next one loads, so the heading must be another one than the last
 * page's; a navigation within one page (its heading stays) moves nothing.
 */
export function useFocusHeadingOnNavigation(): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  /** The path this hook last handled (StrictMode runs an effect twice for one path). */
  const handled = useRef<string | null>(null);
  /** The heading of the page shown before this navigation. */
  const shown = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (handled.current === pathname) return;
    handled.current = pathname;
    const initial = first.current;
    first.current = false;
    const previous = initial ? null : shown.current;
    const until = Date.now() + WAIT_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const lost = () => {
      const active = document.activeElement;
      return !active || active === document.body || !active.isConnected || active.closest('.app-header') !== null;
    };
    const find = () => {
      const heading = pageHeading();
      if (heading && heading !== previous) {
        shown.current = heading;
        // The first page of a visit keeps the browser's own start.
        if (initial || !lost()) return;
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus();
        return;
      }
      if (Date.now() < until) timer = setTimeout(find, EVERY_MS);
    };
    timer = setTimeout(find, 0);
    return () => clearTimeout(timer);
  }, [pathname]);
}
