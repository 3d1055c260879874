import type { BusyWith, RoutingPreview, RoutingPreviewInput } from '@patchbay/shared';
import { MEMBER_ROLE_LABELS } from '@patchbay/shared/domain/roles';
import { formatHours, formatWindow } from '@patchbay/shared/domain/time-zone';
import { useEffect, useId, useState } from 'react';
import { errorMessage } from '../api/client';
import { hours } from '../lib/format';
import { initials } from '../lib/labels';
import './routing-preview.css';

export type LoadRoutingPreview = (input: RoutingPreviewInput, signal: AbortSignal) => Promise<RoutingPreview>;

/** Why someone can't take the task (the blocker codes of routing). */
export const BLOCKER_LABELS: Readonly<Record<string, string>> = {
  wrong_role: 'wrong role',
  double_booked: 'double booked',
  over_capacity: 'over capacity',
};

/** How long typing in the estimate waits before asking again. */
export const PREVIEW_DEBOUNCE_MS = 350;

type State =
  | { phase: 'idle' }
  | { phase: 'loading'; last: RoutingPreview | null }
  | { phase: 'ready'; preview: RoutingPreview }
  | { phase: 'failed'; error: unknown };

/** The answer to one question (kind, estimate, start), and the last preview shown, to keep on screen while asking again. */
type Answer = { key: string; last: RoutingPreview | null } & ({ phase: 'ready'; preview: RoutingPreview } | { phase: 'failed'; error: unknown });

/** Asks for the routing preview of (kind, estimate, start), debounced, dropping answers to older questions. */
function useRoutingPreview(load: LoadRoutingPreview, kind: string, estimateMinutes: number | null, startsAt: string | null, refreshKey: number): State {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const key = kind ? `${kind}|${estimateMinutes ?? ''}|${startsAt ?? ''}|${refreshKey}` : null;
  useEffect(() => {
    if (!kind) return;
    const controller = new AbortController();
    const question = `${kind}|${estimateMinutes ?? ''}|${startsAt ?? ''}|${refreshKey}`;
    const input: RoutingPreviewInput = { kind, estimateMinutes };
    if (startsAt) input.startsAt = startsAt;
    const timer = setTimeout(() => {
      load(input, controller.signal).then(
        (preview) => {
          if (!controller.signal.aborted) setAnswer({ key: question, phase: 'ready', preview, last: preview });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setAnswer((prev) => ({ key: question, phase: 'failed', error, last: prev?.last ?? null }));
        },
      );
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [load, kind, estimateMinutes, startsAt, refreshKey]);
  if (key === null) return { phase: 'idle' };
  if (answer?.key !== key) return { phase: 'loading', last: answer?.last ?? null };
  return answer.phase === 'ready' ? { phase: 'ready', preview: answer.preview } : { phase: 'failed', error: answer.error };
}

function Load({ booked, capacity }: { booked: number; capacity: number }) {
  const over = capacity > 0 && booked > capacity;
  return (
    <span className={over ? 'routing-preview__load routing-preview__load--over' : 'routing-preview__load'}>
      {hours(booked)} of {hours(capacity)}
      {over ? ' (over capacity)' : ''}
    </span>
  );
}

/** Their day around the work: "6 of 8 h that day", flagged over a day's share of their week. */
function DayLoad({ booked, capacity }: { booked: number; capacity: number }) {
  const over = capacity > 0 && booked > capacity;
  return (
    <span className={over ? 'routing-preview__load routing-preview__load--over' : 'routing-preview__load'}>
      {formatHours(booked)} of {hours(capacity)} that day
      {over ? ' (over a day’s share)' : ''}
    </span>
  );
}

/** "busy: 'Drum tracking' 10:00–14:00" (a timed task: its title, then its session's). */
export function busyText(busy: BusyWith, timeZone: string): string {
  const what = busy.kind === 'task' && busy.taskTitle ? `'${busy.taskTitle}' (${busy.title})` : `'${busy.title}'`;
  return `busy: ${what} ${formatWindow(new Date(busy.startsAt), new Date(busy.endsAt), timeZone)}`;
}

function Details({ preview, timeZone }: { preview: RoutingPreview; timeZone: string }) {
  const others = preview.candidates.filter((c) => c.member.id !== preview.assignee?.id).sort((a, b) => a.rank - b.rank);
  const chosen = preview.candidates.find((c) => c.member.id === preview.assignee?.id);
  return (
    <div className="routing-preview__details">
      <div>
        <h4 className="routing-preview__subhead">
          {chosen ? 'Other candidates' : 'Candidates'} ({others.length})
        </h4>
        {others.length === 0 ? (
          <p className="routing-preview__none">{chosen ? 'Nobody else fits this task.' : 'Nobody fits this task.'}</p>
        ) : (
          <ol className="routing-preview__people">
            {others.map((c) => (
              <li key={c.member.id} className="routing-preview__person">
                <span className="routing-preview__rank" aria-hidden="true">
                  {c.rank}
                </span>
                <div className="routing-preview__who">
                  <p className="routing-preview__name">
                    {c.member.name}
                    <span className="routing-preview__facts">
                      {' · '}
                      <Load booked={c.bookedMinutes} capacity={c.capacityMinutes} /> this week
                      {' · '}
                      <DayLoad booked={c.dayBookedMinutes} capacity={c.dayCapacityMinutes} />
                      {c.knowsRoom === null ? null : c.knowsRoom ? ' · knows the room' : ' · new to the room'}
                    </span>
                  </p>
                  {c.reasons.length > 0 ? <p className="routing-preview__why">{c.reasons.join(' ')}</p> : null}
                </div>
              </li>
            ))}
          </ol>
        )}
      </div>
      <div>
        <h4 className="routing-preview__subhead">Blocked ({preview.ineligible.length})</h4>
        {preview.ineligible.length === 0 ? (
          <p className="routing-preview__none">Nobody is blocked.</p>
        ) : (
          <ul className="routing-preview__people">
            {preview.ineligible.map((b) => (
              <li key={b.member.id} className="routing-preview__person routing-preview__person--blocked">
                <span className="routing-preview__rank routing-preview__rank--blocked" aria-hidden="true">
                  ×
                </span>
                <div className="routing-preview__who">
                  <p className="routing-preview__name">
                    {b.member.name}
                    {b.blockers.map((code) => (
                      <span key={code} className="tag tag--danger routing-preview__blocker">
                        {BLOCKER_LABELS[code] ?? code.replaceAll('_', ' ')}
                      </span>
                    ))}
                  </p>
                  <p className="routing-preview__facts">
                    <Load booked={b.bookedMinutes} capacity={b.capacityMinutes} /> this week
                    {b.busyWith ? (
                      <>
                        {' · '}
                        <span className="routing-preview__busy">{busyText(b.busyWith, timeZone)}</span>
                      </>
                    ) : null}
                  </p>
                  {b.reasons.length > 0 ? <p className="routing-preview__why">{b.reasons.join(' ')}</p> : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

const otherCount = (preview: RoutingPreview) => preview.candidates.filter((c) => c.member.id !== preview.assignee?.id).length;

/**
 * Who routing would pick for a new task of this kind, and why, before it is created:
 * the proposed person and reason, and on request the other candidates and who is blocked.
 */
export function RoutingPreviewPanel({
  load,
  kind,
  estimateMinutes,
  startsAt = null,
  timeZone,
  refreshKey = 0,
}: {
  load: LoadRoutingPreview;
  kind: string;
  estimateMinutes: number | null;
  /** The task's own time, if it will have one: then only that slot must be free. */
  startsAt?: string | null;
  /** Studio time zone, for the times people are busy. */
  timeZone: string;
  /** Asks again when it changes (the board changed, so loads and bookings may have). */
  refreshKey?: number;
}) {
  const state = useRoutingPreview(load, kind, estimateMinutes, startsAt, refreshKey);
  const [open, setOpen] = useState(false);
  const detailsId = useId();

  const preview = state.phase === 'ready' ? state.preview : state.phase === 'loading' ? state.last : null;
  const stale = state.phase === 'loading';
  const pickFigures = preview?.candidates.find((c) => c.member.id === preview.assignee?.id) ?? null;

  let headline;
  if (state.phase === 'idle') headline = <p className="routing-preview__hint">Choose a kind to see who Patchbay would route it to.</p>;
  else if (state.phase === 'failed') headline = <p className="routing-preview__error">Couldn’t preview the routing: {errorMessage(state.error)} The task can still be added.</p>;
  else if (!preview) headline = <p className="routing-preview__hint">Working out who it would go to…</p>;
  else if (preview.assignee) {
    headline = (
      <p className="routing-preview__pick">
        <span className="routing-preview__avatar" aria-hidden="true">
          {initials(preview.assignee.name)}
        </span>
        <span>
          Goes to <strong>{preview.assignee.name}</strong>
          {preview.role ? <span className="routing-preview__role"> · {MEMBER_ROLE_LABELS[preview.role]} work</span> : null}
        </span>
      </p>
    );
  } else {
    headline = (
      <p className="routing-preview__pick routing-preview__pick--nobody">
        <span className="routing-preview__avatar routing-preview__avatar--nobody" aria-hidden="true">
          ?
        </span>
        <span>
          <strong>Nobody fits</strong>: the task will be left unassigned.
        </span>
      </p>
    );
  }

  return (
    <section className={`routing-preview${stale ? ' routing-preview--stale' : ''}`} aria-label="Routing preview" aria-busy={stale}>
      <div className="routing-preview__head" aria-live="polite">
        <span className="routing-preview__label">Routing preview</span>
        {headline}
        {preview && pickFigures ? (
          <p className="routing-preview__facts">
            <Load booked={pickFigures.bookedMinutes} capacity={pickFigures.capacityMinutes} /> this week
            {' · '}
            <DayLoad booked={pickFigures.dayBookedMinutes} capacity={pickFigures.dayCapacityMinutes} />
            {startsAt ? ` · free ${formatWindow(new Date(preview.window.startsAt), new Date(preview.window.endsAt), timeZone)}` : null}
          </p>
        ) : null}
        {preview ? <p className="routing-preview__reason">{preview.reason}</p> : null}
      </div>
      {preview ? (
        <>
          <button type="button" className="link-button routing-preview__toggle" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen((v) => !v)}>
            {`${open ? 'Hide' : 'Show'} other candidates (${otherCount(preview)}) and blocked (${preview.ineligible.length})`}
          </button>
          <div id={detailsId} hidden={!open}>
            {open ? <Details preview={preview} timeZone={timeZone} /> : null}
          </div>
        </>
      ) : null}
    </section>
  );
}
