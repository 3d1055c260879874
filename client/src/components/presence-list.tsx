import { ACCESS_ROLE_LABELS, type AccessRole } from '@patchbay/shared/domain/permissions';
import type { Viewer } from '../board/use-live-board';
import { initials } from '../lib/labels';
import './presence-list.css';

const SHOWN = 4;

function roleLabel(role: string): string {
  return (ACCESS_ROLE_LABELS as Readonly<Record<string, string>>)[role as AccessRole] ?? role;
}

function describe(viewer: Viewer): string {
  const tabs = viewer.connections > 1 ? `, ${viewer.connections} tabs` : '';
  return `${viewer.name} (${roleLabel(viewer.accessRole)}${tabs})`;
}

/**
 * Who else has this board open, live: initials with the name on hover or focus (also on a tap),
 * and how many. Nothing while that is not known (not connected).
 */
export function PresenceList({ viewers, meId }: { viewers: readonly Viewer[] | null; meId: string }) {
  if (viewers === null) return null;
  const others = viewers.filter((v) => v.memberId !== meId);
  const shown = others.slice(0, SHOWN);
  const rest = others.slice(SHOWN);
  const count = others.length === 0 ? 'Only you here' : `${others.length} other${others.length === 1 ? '' : 's'} here`;
  return (
    <div className="presence" role="group" aria-label="Also viewing this board">
      {others.length > 0 ? (
        <ul className="presence__list">
          {shown.map((viewer) => (
            <li key={viewer.memberId} className="presence__item">
              {/* A button only to be focusable: focus (or a tap) shows the name, as hover does. */}
              <button type="button" className="presence__avatar">
                {/* Named by its words (the initials alone would not say who). */}
                <span aria-hidden="true">{initials(viewer.name)}</span>
                <span className="visually-hidden">{describe(viewer)}</span>
              </button>
              <span className="presence__tip" aria-hidden="true">
                {describe(viewer)}
              </span>
            </li>
          ))}
          {rest.length > 0 ? (
            <li className="presence__item">
              <button type="button" className="presence__avatar presence__avatar--more">
                <span aria-hidden="true">+{rest.length}</span>
                <span className="visually-hidden">{`And ${rest.map(describe).join(', ')}`}</span>
              </button>
              <span className="presence__tip" aria-hidden="true">
                {rest.map((v) => v.name).join(', ')}
              </span>
            </li>
          ) : null}
        </ul>
      ) : null}
      <span className="presence__count">{count}</span>
    </div>
  );
}
