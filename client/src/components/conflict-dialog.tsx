import type { Task } from '@patchbay/shared';
import { TASK_STATUS_LABELS } from '@patchbay/shared/domain/roles';
import { useId } from 'react';
import { useBoardPaused } from '../board/board-paused';
import type { TaskEdits } from '../board/optimistic';
import type { EditConflict } from '../board/use-task-actions';
import { formatInstant } from '../lib/format';
import { formatMinutes } from '../lib/time';
import { Dialog } from './dialog';
import './conflict-dialog.css';

type Row = {
  label: string;
  /** What the server holds now. */
  theirs: string;
  /** What this person's version has: their change, else what they saw. */
  yours: string;
  /** They (someone else) changed it since this person's version. */
  theyChanged: boolean;
  /** This person changed it in the edit. */
  youChanged: boolean;
};

const empty = (text: string) => (text.trim() ? text : '—');

function rows(conflict: EditConflict, timeZone: string): Row[] {
  const { base, mine, current } = conflict;
  const mineOr = <K extends keyof TaskEdits>(field: K): Task[K] => (field in mine ? (mine[field] as Task[K]) : base[field]);
  const estimate = (m: number | null) => (m === null ? '—' : formatMinutes(m));
  const due = (iso: string | null) => (iso ? formatInstant(iso, timeZone) : '—');
  const dueChanged = (a: string | null, b: string | null) => (a ? new Date(a).getTime() : null) !== (b ? new Date(b).getTime() : null);
  return [
    { label: 'Title', theirs: current.title, yours: mineOr('title'), theyChanged: current.title !== base.title, youChanged: 'title' in mine },
    {
      label: 'Status',
      theirs: TASK_STATUS_LABELS[current.status],
      yours: TASK_STATUS_LABELS[base.status],
      theyChanged: current.status !== base.status,
      youChanged: false,
    },
    {
      label: 'Assignee',
      theirs: current.assignee?.name ?? 'Unassigned',
      yours: base.assignee?.name ?? 'Unassigned',
      theyChanged: current.assignee?.id !== base.assignee?.id,
      youChanged: false,
    },
    {
      label: 'Why blocked',
      theirs: empty(current.blockedReason),
      yours: empty(mineOr('blockedReason')),
      theyChanged: current.blockedReason !== base.blockedReason,
      youChanged: 'blockedReason' in mine,
    },
    { label: 'Notes', theirs: empty(current.notes), yours: empty(mineOr('notes')), theyChanged: current.notes !== base.notes, youChanged: 'notes' in mine },
    {
      label: 'Estimate',
      theirs: estimate(current.estimateMinutes),
      yours: estimate(mineOr('estimateMinutes')),
      theyChanged: current.estimateMinutes !== base.estimateMinutes,
      youChanged: 'estimateMinutes' in mine,
    },
    {
      label: 'Due',
      theirs: due(current.dueAt),
      yours: due(mineOr('dueAt')),
      theyChanged: dueChanged(current.dueAt, base.dueAt),
      youChanged: 'dueAt' in mine,
    },
    {
      label: 'Starts',
      theirs: due(current.startsAt),
      yours: due(mineOr('startsAt')),
      theyChanged: dueChanged(current.startsAt, base.startsAt),
      youChanged: 'startsAt' in mine,
    },
  ];
}

function Mark({ row }: { row: Row }) {
  if (row.theyChanged && row.youChanged) return <span className="tag tag--danger">Both changed</span>;
  if (row.theyChanged) return <span className="tag tag--accent">They changed</span>;
  if (row.youChanged) return <span className="tag tag--ok">Your change</span>;
  return <span className="conflict__same">Same</span>;
}

export interface ConflictDialogProps {
  conflict: EditConflict;
  timeZone: string;
  /** Save my fields again, on top of the current version. */
  onReapply: (conflict: EditConflict) => void;
  /** Leave the task as the server has it. */
  onKeepTheirs: () => void;
}

/**
 * Someone saved the task while this person was editing it: their version and this person's,
 * field by field, then "Re-apply my change" (on the current version) or "Keep theirs".
 */
export function ConflictDialog({ conflict, timeZone, onReapply, onKeepTheirs }: ConflictDialogProps) {
  const id = useId();
  const list = rows(conflict, timeZone);
  const paused = useBoardPaused();
  const who = conflict.current.updatedAt ? ` at ${formatInstant(conflict.current.updatedAt, timeZone)}` : '';
  return (
    <Dialog
      title={`“${conflict.current.title}” was changed while you were editing`}
      description={`Someone else saved this task${who}, after you opened it. Your change was not saved yet: compare the two and choose.`}
      onClose={onKeepTheirs}
      className="conflict"
      paused={paused}
      footer={
        <>
          <button type="button" className="button button--ghost" onClick={onKeepTheirs}>
            Keep theirs
          </button>
          <button type="button" className="button button--primary" data-autofocus disabled={paused} onClick={() => onReapply(conflict)}>
            Re-apply my change
          </button>
        </>
      }
    >
      <table className="conflict__table" aria-describedby={`${id}-help`}>
        <caption className="visually-hidden">Their version and yours, field by field</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Theirs (saved now)</th>
            <th scope="col">Yours</th>
            <th scope="col">
              <span className="visually-hidden">What changed</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((row) => (
            <tr key={row.label} className={row.theyChanged || row.youChanged ? 'conflict__row conflict__row--changed' : 'conflict__row'}>
              <th scope="row">{row.label}</th>
              <td className={row.theyChanged ? 'conflict__value conflict__value--theirs' : 'conflict__value'}>{row.theirs}</td>
              <td className={row.youChanged ? 'conflict__value conflict__value--yours' : 'conflict__value'}>{row.yours}</td>
              <td>
                <Mark row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="conflict__help" id={`${id}-help`}>
        “Re-apply my change” saves only the fields you changed, on top of their version. “Keep theirs” leaves the task as it is now.
      </p>
    </Dialog>
  );
}
