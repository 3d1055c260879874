import type { AssignmentCheck, TaskCandidates } from '@patchbay/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { ApiError } from '../api/http';
import { errorMessage } from '../api/client';
import { useApi } from '../api/api-context';
import { queryKeys, useTaskCandidates } from '../api/queries';
import { Dialog } from '../components/dialog';
import { PickFooter } from '../components/pick-footer';
import { FormError } from '../components/field';
import { hours } from '../lib/format';
import { formatWindow } from '../lib/time';
import type { MovableTask } from './work-list';

type Person = TaskCandidates['routing']['candidates'][number] | TaskCandidates['routing']['ineligible'][number];

const BLOCKERS: Readonly<Record<string, string>> = { wrong_role: 'wrong role', double_booked: 'busy then', over_capacity: 'at capacity' };

/** "30 → 36 h of 40 this week", or "8 of 24 h this week, no more" for someone the task costs nothing. */
function weekChange(person: Pick<Person, 'bookedMinutes' | 'capacityMinutes' | 'addsMinutes'>): string {
  if (person.addsMinutes === 0) return `${hours(person.bookedMinutes).replace(' h', '')} of ${hours(person.capacityMinutes)} this week, no more`;
  const after = person.bookedMinutes + person.addsMinutes;
  return `${hours(person.bookedMinutes).replace(' h', '')} → ${hours(after)} of ${hours(person.capacityMinutes).replace(' h', '')} this week`;
}

function isOver(person: Pick<Person, 'bookedMinutes' | 'capacityMinutes' | 'addsMinutes'>): boolean {
  return person.bookedMinutes + person.addsMinutes > person.capacityMinutes;
}

function PersonChoice({ person, rank, onPick, timeZone }: { person: Person; rank: number | null; onPick: () => void; timeZone: string }) {
  const blockers = 'blockers' in person ? person.blockers : [];
  const busy = 'busyWith' in person ? person.busyWith : null;
  return (
    <li>
      <button type="button" className={`move-choice${blockers.length ? ' move-choice--blocked' : ''}`} onClick={onPick}>
        <span className="move-choice__name">
          {person.member.name}
          {rank === 1 ? <span className="tag tag--accent">Suggested</span> : null}
          {blockers.map((b) => (
            <span key={b} className="tag tag--danger">
              {BLOCKERS[b] ?? b.replaceAll('_', ' ')}
            </span>
          ))}
        </span>
        <span className={`move-choice__hours${isOver(person) ? ' move-choice__hours--over' : ''}`}>{weekChange(person)}</span>
        <span className="move-choice__why">
          {busy ? `Busy: '${busy.taskTitle ?? busy.title}' ${formatWindow(new Date(busy.startsAt), new Date(busy.endsAt), timeZone)}. ` : null}
          {person.reasons.slice(0, 2).join(' ')}
        </span>
      </button>
    </li>
  );
}

/**
 * Moving a task from an overloaded member to someone else: the people routing suggests, with
 * reasons and what it does to both people's hours, then the rule warnings of a manual
 * assignment, and one action to reassign.
 */
export function MoveTaskDialog({ move, timeZone, preselected, onClose }: { move: MovableTask; timeZone: string; preselected?: string | undefined; onClose: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const id = useId();
  const { task, from } = move;
  const candidates = useTaskCandidates(task.id, task.version);
  const [picked, setPicked] = useState<string | null>(preselected ?? null);
  const [check, setCheck] = useState<{ memberId: string; result: AssignmentCheck | null; error: unknown } | null>(null);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [showBlocked, setShowBlocked] = useState(false);

  useEffect(() => {
    if (picked === null) return;
    const controller = new AbortController();
    api.checkAssignment(task.id, picked, controller.signal).then(
      (result) => !controller.signal.aborted && setCheck({ memberId: picked, result, error: null }),
      (err: unknown) => !controller.signal.aborted && setCheck({ memberId: picked, result: null, error: err }),
    );
    return () => controller.abort();
  }, [api, picked, task.id]);

  const routing = candidates.data?.routing;
  const current = candidates.data?.current ?? null;
  const others = (routing?.candidates ?? []).filter((c) => c.member.id !== from.id);
  const blocked = (routing?.ineligible ?? []).filter((c) => c.member.id !== from.id);
  const person: Person | undefined = [...(routing?.candidates ?? []), ...(routing?.ineligible ?? [])].find((c) => c.member.id === picked);
  const warnings = check?.memberId === picked ? (check.result?.warnings ?? []) : [];
  const checking = picked !== null && check?.memberId !== picked;

  const confirm = async () => {
    if (!picked || saving) return;
    setSaving(true);
    setError(null);
    try {
      await api.updateTask(task.id, { version: candidates.data?.version ?? task.version, assigneeId: picked, ...(note.trim() ? { assignmentNote: note.trim() } : {}) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.allWorkload });
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
        setError('Someone changed this task meanwhile. The figures are refreshed: check them and move it again.');
        await queryClient.invalidateQueries({ queryKey: queryKeys.allWorkload });
      } else setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const freed = current
    ? current.freesMinutes > 0
      ? `: ${hours(current.bookedMinutes).replace(' h', '')} → ${hours(current.bookedMinutes - current.freesMinutes)} of ${hours(current.capacityMinutes).replace(' h', '')} this week.`
      : ', who runs this session: moving the task frees none of their hours.'
    : '.';
  const title = `Move “${task.title}”`;
  const description = `From ${from.name}${freed}`;

  if (picked === null || !person) {
    return (
      <Dialog title={title} description={description} onClose={onClose} className="move-dialog">
        {candidates.isPending ? <p className="move-dialog__note">Asking the routing rules who could take it…</p> : null}
        {candidates.isError ? <FormError message={`Couldn’t load who could take it: ${errorMessage(candidates.error)}`} /> : null}
        {routing ? (
          <>
            <p className="move-dialog__note">{others.length === 0 ? 'Nobody else fits this task by the routing rules.' : 'Who routing suggests, best first:'}</p>
            <ol className="move-dialog__list" aria-label="Who could take it">
              {others.map((c) => (
                <PersonChoice key={c.member.id} person={c} rank={c.rank} timeZone={timeZone} onPick={() => setPicked(c.member.id)} />
              ))}
            </ol>
            {blocked.length > 0 ? (
              <>
                <button type="button" className="link-button" aria-expanded={showBlocked} aria-controls={`${id}-blocked`} onClick={() => setShowBlocked((v) => !v)}>
                  {`${showBlocked ? 'Hide' : 'Show'} people the rules rule out (${blocked.length})`}
                </button>
                <ul id={`${id}-blocked`} className="move-dialog__list" hidden={!showBlocked} aria-label="Ruled out">
                  {showBlocked ? blocked.map((c) => <PersonChoice key={c.member.id} person={c} rank={null} timeZone={timeZone} onPick={() => setPicked(c.member.id)} />) : null}
                </ul>
              </>
            ) : null}
          </>
        ) : null}
      </Dialog>
    );
  }

  const after = person.bookedMinutes + person.addsMinutes;
  return (
    <Dialog
      title={title}
      description={description}
      onClose={onClose}
      className="move-dialog"
      footer={
        <PickFooter
          onBack={() => setPicked(null)}
          onCancel={onClose}
          onConfirm={() => void confirm()}
          label={saving ? 'Moving…' : warnings.length ? `Move to ${person.member.name} anyway` : `Move to ${person.member.name}`}
          breaksRules={warnings.length > 0}
          disabled={saving || checking}
          focusFirst
        />
      }
    >
      <dl className="move-dialog__effect">
        <div>
          <dt>{person.member.name}</dt>
          <dd className={after > person.capacityMinutes ? 'move-dialog__over' : undefined}>{weekChange(person)}</dd>
        </div>
        {current ? (
          <div>
            <dt>{from.name}</dt>
            <dd>{current.freesMinutes > 0 ? `${hours(current.bookedMinutes).replace(' h', '')} → ${hours(current.bookedMinutes - current.freesMinutes)} of ${hours(current.capacityMinutes).replace(' h', '')} this week` : 'no change (runs the session)'}</dd>
          </div>
        ) : null}
      </dl>
      <div aria-live="polite">
        {checking ? <p className="move-dialog__note">Checking the routing rules…</p> : null}
        {check?.memberId === picked && check.error ? <p className="move-dialog__note">Couldn’t check the rules: {errorMessage(check.error)} You can still move it.</p> : null}
        {!checking && check?.result && warnings.length === 0 ? (
          <p className="move-dialog__ok">
            <span aria-hidden="true">✓ </span>No routing rule is broken.
          </p>
        ) : null}
        {warnings.length > 0 ? (
          <ul className="move-dialog__warnings" aria-label="Routing rules this breaks">
            {warnings.map((w, i) => (
              <li key={`${w.code}-${i}`}>{w.message}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-note`}>
          Why? <span className="field__hint">(optional, kept in the task’s history)</span>
        </label>
        <textarea id={`${id}-note`} className="input" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <FormError message={error} />
    </Dialog>
  );
}
