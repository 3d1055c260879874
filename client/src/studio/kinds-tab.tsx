import type { MemberRole } from '@patchbay/shared';
import { MEMBER_ROLES, MEMBER_ROLE_LABELS } from '@patchbay/shared/domain/roles';
import { TASK_CATEGORIES, type TaskCategory } from '@patchbay/shared/domain/task-kinds';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useApi } from '../api/api-context';
import { queryKeys, useTaskKinds } from '../api/queries';
import type { TaskKind } from '../api/types';
import { Field, FormError } from '../components/field';
import { useNotices } from '../components/notices';
import { PageError, PageLoading } from '../components/page-state';
import { TASK_CATEGORY_LABELS } from '../lib/catalog-labels';
import { plural } from '../lib/labels';
import { formatMinutes } from '../lib/time';
import { useFormState } from '../lib/use-form';
import { ConfirmAction, TabToolbar } from './common';

type KindField = 'key' | 'label' | 'category' | 'defaultRole' | 'defaultEstimateMinutes' | 'roomBound' | 'assistantCapable';

/** "Strings setup!" → "strings_setup". */
export function keyFromLabel(label: string): string {
  const key = label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^[0-9_]+/, '');
  return key.slice(0, 64);
}

function KindForm({ kind, onDone }: { kind: TaskKind | null; onDone: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { notify } = useNotices();
  const [label, setLabel] = useState(kind?.label ?? '');
  const [key, setKey] = useState(kind?.key ?? '');
  const [keyTouched, setKeyTouched] = useState(false);
  const [category, setCategory] = useState<TaskCategory>(kind?.category ?? 'technical');
  const [defaultRole, setDefaultRole] = useState<MemberRole>(kind?.defaultRole ?? 'ENGINEER');
  const [estimate, setEstimate] = useState(String(kind?.defaultEstimateMinutes ?? 60));
  const [roomBound, setRoomBound] = useState(kind?.roomBound ?? false);
  const [assistantCapable, setAssistantCapable] = useState(kind?.assistantCapable ?? false);
  const { errors, formError, submitting, formRef, run, clearError } = useFormState<KindField>();
  const shownKey = kind ? kind.key : keyTouched ? key : keyFromLabel(label);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<KindField, string>> = {};
    if (!label.trim()) found.label = 'Give the kind a name.';
    if (!kind && !/^[a-z][a-z0-9_]*$/.test(shownKey)) found.key = 'Use lowercase letters, digits and _, starting with a letter (like strings_setup).';
    const minutes = Number(estimate);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) found.defaultEstimateMinutes = 'Enter whole minutes between 1 and 1440.';
    const ok = await run(found, async () => {
      const fields = { label: label.trim(), category, defaultRole, defaultEstimateMinutes: minutes, roomBound, assistantCapable };
      const saved = kind ? await api.updateTaskKind(kind.key, fields) : await api.createTaskKind({ key: shownKey, ...fields });
      await queryClient.invalidateQueries({ queryKey: queryKeys.taskKinds });
      notify({ tone: 'success', title: `${kind ? 'Saved' : 'Added'} the task kind “${saved.label}”.` });
    });
    if (ok) onDone();
  };

  return (
    <form ref={formRef} className="editor" noValidate aria-label={kind ? `Edit ${kind.label}` : 'New task kind'} onSubmit={(e) => void submit(e)}>
      <h3 className="editor__title">{kind ? `Edit ${kind.label}` : 'New task kind'}</h3>
      <div className="editor__grid">
        <Field label="Name" error={errors.label}>
          {(c) => (
            <input
              {...c}
              className="input"
              autoComplete="off"
              value={label}
              onChange={(e) => {
                setLabel(e.target.value);
                clearError('label');
              }}
            />
          )}
        </Field>
        <Field label="Key" hint={kind ? 'The key can’t change.' : 'Used by the API; made from the name unless you change it.'} error={errors.key}>
          {(c) => (
            <input
              {...c}
              className="input input--mono"
              autoComplete="off"
              spellCheck={false}
              readOnly={kind !== null}
              value={shownKey}
              onChange={(e) => {
                setKeyTouched(true);
                setKey(e.target.value);
                clearError('key');
              }}
            />
          )}
        </Field>
        <Field label="Category" error={errors.category}>
          {(c) => (
            <select {...c} className="input" value={category} onChange={(e) => setCategory(e.target.value as TaskCategory)}>
              {TASK_CATEGORIES.map((cat) => (
                <option key={cat} value={cat}>
                  {TASK_CATEGORY_LABELS[cat]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Done by" error={errors.defaultRole}>
          {(c) => (
            <select {...c} className="input" value={defaultRole} onChange={(e) => setDefaultRole(e.target.value as MemberRole)}>
              {MEMBER_ROLES.map((role) => (
                <option key={role} value={role}>
                  {MEMBER_ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Usual estimate (min)" error={errors.defaultEstimateMinutes}>
          {(c) => (
            <input
              {...c}
              className="input"
              type="number"
              inputMode="numeric"
              min={1}
              max={1440}
              value={estimate}
              onChange={(e) => {
                setEstimate(e.target.value);
                clearError('defaultEstimateMinutes');
              }}
            />
          )}
        </Field>
        <div className="editor__checks">
          <label className="check">
            <input type="checkbox" checked={roomBound} onChange={(e) => setRoomBound(e.target.checked)} />
            Done in the session’s room (routing prefers people who know it)
          </label>
          <label className="check">
            <input type="checkbox" checked={assistantCapable} onChange={(e) => setAssistantCapable(e.target.checked)} />
            Assistant engineers can take it
          </label>
        </div>
      </div>
      <div className="editor__footer">
        <FormError message={formError} />
        <button type="button" className="button button--ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? 'Saving…' : kind ? 'Save kind' : 'Add kind'}
        </button>
      </div>
    </form>
  );
}

export function KindsTab() {
  const api = useApi();
  const queryClient = useQueryClient();
  const { notify } = useNotices();
  const kinds = useTaskKinds();
  const [editing, setEditing] = useState<TaskKind | 'new' | null>(null);

  if (kinds.isPending) return <PageLoading label="Loading task kinds…" />;
  if (kinds.isError) return <PageError title="Couldn't load task kinds" error={kinds.error} />;
  const list = [...kinds.data].sort((a, b) => Number(a.builtIn) - Number(b.builtIn) || a.label.localeCompare(b.label));
  const custom = list.filter((k) => !k.builtIn).length;

  return (
    <>
      <TabToolbar summary={`${plural(custom, 'custom kind')} · ${list.length - custom} built in`}>
        <button type="button" className="button button--primary button--small" disabled={editing === 'new'} onClick={() => setEditing('new')}>
          <span aria-hidden="true">+</span> Add task kind
        </button>
      </TabToolbar>
      {editing ? <KindForm key={editing === 'new' ? 'new' : editing.key} kind={editing === 'new' ? null : editing} onDone={() => setEditing(null)} /> : null}
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Category</th>
              <th scope="col">Done by</th>
              <th scope="col">Estimate</th>
              <th scope="col">Routing</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((k) => (
              <tr key={k.key}>
                <th scope="row">
                  <span className="data-table__primary">
                    {k.label}
                    {k.builtIn ? <span className="tag data-table__tag">Built in</span> : null}
                  </span>
                  <span className="data-table__secondary data-table__mono">{k.key}</span>
                </th>
                <td>{TASK_CATEGORY_LABELS[k.category]}</td>
                <td>
                  {MEMBER_ROLE_LABELS[k.defaultRole]}
                  {k.assistantCapable ? <span className="data-table__secondary">or assistant</span> : null}
                </td>
                <td>{formatMinutes(k.defaultEstimateMinutes)}</td>
                <td>{k.roomBound ? 'Room-bound' : <span className="data-table__none">Anywhere</span>}</td>
                <td className="data-table__actions">
                  {k.builtIn ? null : (
                    <>
                      <button type="button" className="button button--small" aria-label={`Edit ${k.label}`} onClick={() => setEditing(k)}>
                        Edit
                      </button>
                      <ConfirmAction
                        label={`Delete ${k.label}`}
                        question={`Delete “${k.label}”?`}
                        confirmLabel="Delete"
                        failure={`Couldn't delete “${k.label}”.`}
                        onConfirm={async () => {
                          await api.deleteTaskKind(k.key);
                          await queryClient.invalidateQueries({ queryKey: queryKeys.taskKinds });
                          notify({ tone: 'success', title: `Deleted the task kind “${k.label}”.` });
                        }}
                      />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
