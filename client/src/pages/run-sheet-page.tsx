import type { SetupItem, SetupPart } from '@patchbay/shared';
import { setupProgress } from '@patchbay/shared/domain/setup-progress';
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { useMe } from '../auth/auth-context';
import { ConnectionIndicator } from '../components/connection-indicator';
import { PageError } from '../components/page-state';
import { ProgressMeter } from '../components/progress-meter';
import { SessionStatusControl } from '../components/session-status-control';
import { SessionStatusBadge } from '../components/status-badge';
import { formatDay, formatWindow } from '../lib/time';
import { NoteButton } from '../setup/input-list';
import { IssueList } from '../setup/issue-list';
import { gearName } from '../setup/labels';
import { OutboxStatus } from '../setup/outbox-status';
import { SetupSheet } from '../setup/setup-sheet';
import { useShownSetup } from '../setup/shown-setup';
import { PatchChain } from '../setup/step-lists';
import { checkedText } from '../setup/tick';
import { useSetupRules } from '../setup/use-setup-rules';
import type { SetupWrites } from '../setup/use-setup-writes';
import { useSetupAbilities } from './setup-list-page';
import { SessionTabs, useSessionView } from './session-layout';
import '../setup/run-sheet.css';

const WIDE = '(min-width: 1280px)';

function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const list = window.matchMedia(query);
    const update = () => setMatches(list.matches);
    update();
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, [query]);
  return matches;
}

/** The facts of an input line, as short chips: preamp, 48V, pad, high-pass, polarity, insert. */
function InputFacts({ item }: { item: SetupItem }) {
  const facts = [
    item.preamp ? { key: 'pre', text: item.preamp } : null,
    item.phantom ? { key: '48v', text: '48V', strong: true } : null,
    item.padDb !== null ? { key: 'pad', text: `Pad −${item.padDb} dB` } : null,
    item.highPassHz !== null ? { key: 'hpf', text: `HPF ${item.highPassHz} Hz` } : null,
    item.polarity ? { key: 'pol', text: 'Ø flip', strong: true } : null,
    item.insert ? { key: 'ins', text: `Insert ${item.insert}` } : null,
    item.stand ? { key: 'stand', text: item.stand } : null,
  ].filter((f): f is { key: string; text: string; strong?: boolean } => f !== null);
  return (
    <span className="run-row__facts">
      {facts.map((f) => (
        <span key={f.key} className={`run-chip${f.strong ? ' run-chip--strong' : ''}`}>
          {f.text}
        </span>
      ))}
    </span>
  );
}

function RunRow({ item, timeZone, canCheck, waiting, issues, writes }: {
  item: SetupItem;
  timeZone: string;
  canCheck: boolean;
  waiting: boolean;
  issues: ReturnType<ReturnType<typeof useSetupRules>['byItem']['get']>;
  writes: SetupWrites;
}) {
  const id = useId();
  const checked = item.checked !== null;
  // Named by what it shows (channel, source, mic or the step): the button's name comes from its
  // content, where the facts and who ticked it are hidden from the name and describe it instead;
  // checked or not is aria-pressed. (An aria-labelledby name shorter than the visible text would
  // not contain what a voice-control user reads on the button.)
  const labelledBy = item.part === 'INPUT' ? `${id}-ch ${id}-title` : `${id}-title`;
  const body = (
    <>
      <span className="run-row__box" aria-hidden="true">
        {checked ? '✓' : ''}
      </span>
      {item.part === 'INPUT' ? (
        <span className="run-row__channel" id={`${id}-ch`}>
          <span className="visually-hidden">Channel </span>
          {item.channel ?? '–'}
        </span>
      ) : null}
      {item.part === 'INPUT' ? ' ' : null}
      <span className="run-row__main">
        <span className="run-row__title" id={`${id}-title`}>
          {item.part === 'INPUT' ? item.source : item.part === 'PATCH' ? <PatchChain points={item.points} /> : item.text}
          {item.part === 'INPUT' ? (
            <>
              {' '}
              <span className="run-row__gear">{gearName(item)}</span>
            </>
          ) : null}
        </span>
        {' '}
        <span id={`${id}-about`} className="run-row__about" aria-hidden={canCheck ? true : undefined}>
          {item.part === 'INPUT' ? <InputFacts item={item} /> : null}
          {item.notes ? <span className="run-row__notes">{item.notes}</span> : null}
          <span className="run-row__who">
            {checked ? checkedText(item, timeZone) : <span className="visually-hidden">not checked</span>}
            {waiting ? <span className="run-row__waiting"> · waiting to be sent</span> : null}
          </span>
        </span>
      </span>
    </>
  );
  return (
    <li className={['run-row', checked ? 'run-row--done' : '', waiting ? 'run-row--waiting' : ''].filter(Boolean).join(' ')}>
      {canCheck ? (
        <button type="button" className="run-row__toggle" aria-pressed={checked} aria-describedby={`${id}-about`} onClick={() => writes.toggle(item)}>
          {body}
        </button>
      ) : (
        <div className="run-row__toggle run-row__toggle--static" role="group" aria-labelledby={labelledBy} aria-describedby={`${id}-about`}>
          {body}
        </div>
      )}
      {canCheck ? (
        <div className="run-row__side">
          <NoteButton item={item} writes={writes} large />
        </div>
      ) : null}
      {issues?.length ? (
        <div className="run-row__issues">
          <IssueList issues={issues} />
        </div>
      ) : null}
    </li>
  );
}

const PANELS: readonly { part: SetupPart; title: string; unit: string }[] = [
  { part: 'INPUT', title: 'Inputs', unit: 'line-checked' },
  { part: 'CHECK', title: 'Checklist', unit: 'done' },
  { part: 'PATCH', title: 'Patch', unit: 'patched' },
];

/**
 * The control-room tablet view of a session: the input list and checklist in large rows, one
 * tap to tick, readable at arm’s length. Ticks made without a connection are kept on the
 * tablet and sent when it is back.
 */
export function RunSheetPage() {
  const me = useMe();
  const { sessionId, board, setup } = useSessionView();
  const { state } = board;
  const timeZone = me.studio.timezone;
  const meRef = useMemo(() => ({ id: me.member.id, name: me.member.name }), [me.member.id, me.member.name]);
  const shown = useShownSetup(state.setup, setup.pending, meRef);
  const rules = useSetupRules(state.session, shown.items, timeZone, state.setup !== null);
  const { canCheck } = useSetupAbilities();
  const wide = useMediaQuery(WIDE);
  const [tab, setTab] = useState<SetupPart>('INPUT');
  const [printedAt, setPrintedAt] = useState(() => new Date());

  if (!state.setup) {
    return (
      <PageError
        title="The run sheet is for the studio team"
        error={new Error('Setup lists are not shared with guests.')}
        action={
          <Link to={`/sessions/${sessionId}`} className="button">
            Back to the session
          </Link>
        }
      />
    );
  }
  const progress = setupProgress(shown.items);
  const { session } = state;
  /** Arrow keys, Home and End move between the tabs (the tab pattern). */
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const at = PANELS.findIndex((p) => p.part === tab);
    const to = e.key === 'Home' ? 0 : e.key === 'End' ? PANELS.length - 1 : (at + (e.key === 'ArrowRight' ? 1 : PANELS.length - 1)) % PANELS.length;
    const part = PANELS[to]!.part;
    setTab(part);
    requestAnimationFrame(() => document.getElementById(`run-tab-${part}`)?.focus());
  };
  const start = new Date(session.startsAt);
  const panels = wide ? PANELS : PANELS.filter((p) => p.part === tab);

  return (
    <div className="run-sheet">
      <title>{`Run sheet · ${session.title} · Patchbay`}</title>
      <div className="screen-only">
        <header className="run-sheet__head">
          <div className="run-sheet__titles">
            <div className="run-sheet__title-row">
              <h1 className="run-sheet__title">{session.title}</h1>
              <SessionStatusBadge status={session.status} />
            </div>
            <p className="run-sheet__meta">
              {formatDay(start, timeZone)} {formatWindow(start, new Date(session.endsAt), timeZone)} · {session.room.name}
              {session.engineer ? ` · ${session.engineer.name}` : ''}
            </p>
          </div>
          <div className="run-sheet__state">
            <ConnectionIndicator status={board.live} detail={board.liveDetail} />
            <SessionStatusControl session={session} tasks={state.tasks} onChanged={board.catchUp} touch />
            <ProgressMeter done={progress.done} total={progress.total} unit="checked" empty="Nothing to check" label="Setup" />
            <button
              type="button"
              className="button button--touch"
              onClick={() => {
                setPrintedAt(new Date());
                requestAnimationFrame(() => window.print());
              }}
            >
              Print
            </button>
          </div>
        </header>
        <SessionTabs sessionId={sessionId} setupProgress={progress} />
        <OutboxStatus entries={setup.pending} live={board.live} onRetry={setup.retry} onApplyMine={setup.applyMine} onDiscard={setup.discard} />
        {!wide ? (
          <div className="run-tabs" role="tablist" aria-label="Parts of the setup list">
            {PANELS.map((p) => {
              const count = progress.byPart[p.part];
              return (
                <button key={p.part} type="button" role="tab" id={`run-tab-${p.part}`} aria-selected={tab === p.part} aria-controls={`run-panel-${p.part}`} tabIndex={tab === p.part ? 0 : -1} className="run-tabs__tab" onClick={() => setTab(p.part)} onKeyDown={onTabKey}>
                  {p.title}
                  <span className="run-tabs__count">
                    {count.done}/{count.total}
                  </span>
                </button>
              );
            })}
          </div>
        ) : null}
        <div className={`run-sheet__panels${wide ? ' run-sheet__panels--wide' : ''}`}>
          {panels.map((p) => {
            const items = shown.parts[p.part];
            const count = progress.byPart[p.part];
            return (
              <section
                key={p.part}
                className={`run-panel run-panel--${p.part.toLowerCase()}`}
                id={`run-panel-${p.part}`}
                {...(wide ? { 'aria-labelledby': `run-heading-${p.part}` } : { role: 'tabpanel', 'aria-labelledby': `run-tab-${p.part}` })}
              >
                <div className="run-panel__head">
                  <h2 className="run-panel__title" id={`run-heading-${p.part}`}>
                    {p.title}
                  </h2>
                  <ProgressMeter done={count.done} total={count.total} unit={p.unit} empty="Nothing here yet" label={p.title} />
                </div>
                {items.length === 0 ? (
                  <p className="run-panel__empty">
                    Nothing here yet.{' '}
                    <Link to={`/sessions/${sessionId}/setup`}>Plan the {p.part === 'INPUT' ? 'input list' : p.part === 'PATCH' ? 'patch plan' : 'checklist'} on the setup list</Link>.
                  </p>
                ) : (
                  <ol className="run-list">
                    {items.map((item) => (
                      <RunRow key={item.id} item={item} timeZone={timeZone} canCheck={canCheck} waiting={shown.pendingByItem.has(item.id)} issues={rules.byItem.get(item.id)} writes={setup} />
                    ))}
                  </ol>
                )}
              </section>
            );
          })}
        </div>
      </div>
      <SetupSheet session={session} parts={shown.parts} timeZone={timeZone} printedAt={printedAt} issues={rules.byItem} />
    </div>
  );
}
