import type { Session } from '@patchbay/shared';
import type { SetupIssue } from '@patchbay/shared/domain/setup-rules';
import { Fragment } from 'react';
import type { SetupParts } from '../board/board-state';
import { formatClock } from '@patchbay/shared/domain/time-zone';
import { formatDay, formatWindow, zoneAbbreviation } from '../lib/time';
import { gearName } from './labels';
import './setup-sheet.css';

/**
 * The setup sheet as printed: one light page per session with its header, the input list as a
 * table, the patch plan and the checklist with boxes to tick by hand (ticked ones already
 * ticked). Hidden on screen; the page prints it instead of itself.
 */
export function SetupSheet({ session, parts, timeZone, printedAt, issues }: { session: Session; parts: SetupParts; timeZone: string; printedAt: Date; issues?: ReadonlyMap<string, readonly SetupIssue[]> }) {
  const start = new Date(session.startsAt);
  const end = new Date(session.endsAt);
  return (
    <article className="setup-sheet print-only" aria-label="Setup sheet for printing">
      <header className="setup-sheet__head">
        <div>
          <h1 className="setup-sheet__title">{session.title}</h1>
          <p>
            {session.project.artist} – {session.project.title}
          </p>
        </div>
        <dl className="setup-sheet__facts">
          <div>
            <dt>When</dt>
            <dd>
              {formatDay(start, timeZone)} {formatWindow(start, end, timeZone)} {zoneAbbreviation(timeZone, start)}
            </dd>
          </div>
          {session.prepMinutes > 0 ? (
            <div>
              <dt>Call</dt>
              <dd>{formatClock(new Date(session.callAt), timeZone)}</dd>
            </div>
          ) : null}
          <div>
            <dt>Room</dt>
            <dd>{session.room.name}</dd>
          </div>
          <div>
            <dt>Producer</dt>
            <dd>{session.producer?.name ?? '—'}</dd>
          </div>
          <div>
            <dt>Engineer</dt>
            <dd>{session.engineer?.name ?? '—'}</dd>
          </div>
          <p className="setup-sheet__printed">
            Printed {formatDay(printedAt, timeZone)} {formatClock(printedAt, timeZone)} from Patchbay
          </p>
        </dl>
      </header>

      <section>
        <h2 className="setup-sheet__heading">Input list</h2>
        {parts.INPUT.length === 0 ? (
          <p className="setup-sheet__none">No inputs.</p>
        ) : (
          <table className="setup-sheet__table">
            <thead>
              <tr>
                <th scope="col">Ch</th>
                <th scope="col">Source</th>
                <th scope="col">Mic / DI</th>
                <th scope="col">Stand</th>
                <th scope="col">Preamp</th>
                <th scope="col">48V</th>
                <th scope="col">Pad</th>
                <th scope="col">HPF</th>
                <th scope="col">Ø</th>
                <th scope="col">Insert</th>
                <th scope="col">Notes</th>
                <th scope="col">✓</th>
              </tr>
            </thead>
            <tbody>
              {parts.INPUT.map((line) => {
                const errors = (issues?.get(line.id) ?? []).filter((i) => i.severity === 'error');
                return (
                <Fragment key={line.id}>
                <tr>
                  <td className="setup-sheet__num">{line.channel ?? ''}</td>
                  <td>{line.source}</td>
                  <td>{gearName(line)}</td>
                  <td className="setup-sheet__wrap">{line.stand}</td>
                  <td>{line.preamp}</td>
                  <td>{line.phantom ? 'on' : ''}</td>
                  <td>{line.padDb === null ? '' : `−${line.padDb}`}</td>
                  <td>{line.highPassHz ?? ''}</td>
                  <td>{line.polarity ? 'Ø' : ''}</td>
                  <td>{line.insert}</td>
                  <td className="setup-sheet__wrap">{line.notes}</td>
                  <td className="setup-sheet__box">{line.checked ? '☑' : '☐'}</td>
                </tr>
                {errors.length ? (
                  <tr className="setup-sheet__issue">
                    <td colSpan={12}>! {errors.map((e) => e.message).join(' ')}</td>
                  </tr>
                ) : null}
                </Fragment>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <div className="setup-sheet__columns">
        <section>
          <h2 className="setup-sheet__heading">Patch plan</h2>
          {parts.PATCH.length === 0 ? (
            <p className="setup-sheet__none">No patch lines.</p>
          ) : (
            <ol className="setup-sheet__list setup-sheet__list--patch">
              {parts.PATCH.map((line) => (
                <li key={line.id}>
                  <span className="setup-sheet__box">{line.checked ? '☑' : '☐'}</span> {line.points.join(' → ')}
                  {line.notes ? <span className="setup-sheet__note"> — {line.notes}</span> : null}
                </li>
              ))}
            </ol>
          )}
        </section>
        <section>
          <h2 className="setup-sheet__heading">Prep checklist</h2>
          {parts.CHECK.length === 0 ? (
            <p className="setup-sheet__none">No steps.</p>
          ) : (
            <ul className="setup-sheet__list setup-sheet__list--checks">
              {parts.CHECK.map((step) => (
                <li key={step.id}>
                  <span className="setup-sheet__box">{step.checked ? '☑' : '☐'}</span> {step.text}
                  {step.notes ? <span className="setup-sheet__note"> — {step.notes}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </article>
  );
}
