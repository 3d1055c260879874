import type { ReactNode } from 'react';

/**
 * A table that may scroll sideways on a narrow screen: a named region that takes keyboard focus,
 * so it can be scrolled with the arrow keys (and screen readers say what it holds).
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- axe scrollable-region-focusable: a region that scrolls must take focus
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
