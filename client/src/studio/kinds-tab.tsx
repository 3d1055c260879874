import type { MemberRole } from '@patchbay/shared';
import { MEMBER_ROLES, MEMBER_ROLE_LABELS } from '@patchbay/shared/domain/roles';
import { TASK_CATEGORIES, type TaskCategory } from '@patchbay/shared/domain/task-kinds';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { queryKeys, useTaskKinds } from '../api/queries';
import type { TaskKind } from '../api/types';
import { PageError, PageLoading } from '../components/page-state';
import { TASK_CATEGORY_LABELS } from '../lib/catalog-labels';
import { plural } from '../lib/labels';
import { formatMinutes } from '../lib/time';
import type { FieldErrors } from '../lib/use-form';
import { useRefreshAndNotify } from './common';
import { DeleteAction, EditButton, EditableTable } from './editable-table';
import { EditorForm, NumberField, SelectField, TextField, choices, useEditorForm } from './editor';

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
  const { announce } = useRefreshAndNotify(queryKeys.taskKinds);
  const [label, setLabel] = useState(kind?.label ?? '');
  const [key, setKey] = useState(kind?.key ?? '');
  const [keyTouched, setKeyTouched] = useState(false);
  const [category, setCategory] = useState<TaskCategory>(kind?.category ?? 'technical');
  const [defaultRole, setDefaultRole] = useState<MemberRole>(kind?.defaultRole ?? 'ENGINEER');
  const [estimate, setEstimate] = useState(String(kind?.defaultEstimateMinutes ?? 60));
  const [roomBound, setRoomBound] = useState(kind?.roomBound ?? false);
  const [assistantCapable, setAssistantCapable] = useState(kind?.assistantCapable ?? false);
  const shownKey = kind ? kind.key : keyTouched ? key : keyFromLabel(label);
  const minutes = Number(estimate);
  const form = useEditorForm<KindField>({
    check: () => {
      const found: FieldErrors<KindField> = {};
      if (!label.trim()) found.label = 'Give the kind a name.';
      if (!kind && !/^[a-z][a-z0-9_]*$/.test(shownKey)) found.key = 'Use lowercase letters, digits and _, starting with a letter (like strings_setup).';
      if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) found.defaultEstimateMinutes = 'Enter whole minutes between 1 and 1440.';
      return found;
    },
    save: async () => {
      const fields = { label: label.trim(), category, defaultRole, defaultEstimateMinutes: minutes, roomBound, assistantCapable };
      const saved = kind ? await api.updateTaskKind(kind.key, fields) : await api.createTaskKind({ key: shownKey, ...fields });
      await announce(`${kind ? 'Saved' : 'Added'} the task kind “${saved.label}”.`);
    },
    onDone,
  });
  const { errors } = form;

  return (
    <EditorForm form={form} label={kind ? `Edit ${kind.label}` : 'New task kind'} title={kind ? `Edit ${kind.label}` : 'New task kind'} submitLabel={kind ? 'Save kind' : 'Add kind'} onCancel={onDone}>
      <TextField label="Name" error={errors.label} autoComplete="off" value={label} onChange={form.update('label', setLabel)} />
      <TextField
        label="Key"
        hint={kind ? 'The key can’t change.' : 'Used by the API; made from the name unless you change it.'}
        error={errors.key}
        inputClassName="input input--mono"
        autoComplete="off"
        spellCheck={false}
        readOnly={kind !== null}
        value={shownKey}
        onChange={form.update('key', (value: string) => {
          setKeyTouched(true);
          setKey(value);
        })}
      />
      <SelectField label="Category" error={errors.category} value={category} options={choices(TASK_CATEGORIES, TASK_CATEGORY_LABELS)} onChange={setCategory} />
      <SelectField label="Done by" error={errors.defaultRole} value={defaultRole} options={choices(MEMBER_ROLES, MEMBER_ROLE_LABELS)} onChange={setDefaultRole} />
      <NumberField label="Usual estimate (min)" error={errors.defaultEstimateMinutes} min={1} max={1440} value={estimate} onChange={form.update('defaultEstimateMinutes', setEstimate)} />
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
    </EditorForm>
  );
}

export function KindsTab() {
  const api = useApi();
  const { announce } = useRefreshAndNotify(queryKeys.taskKinds);
  const kinds = useTaskKinds();

  if (kinds.isPending) return <PageLoading label="Loading task kinds…" />;
  if (kinds.isError) return <PageError title="Couldn't load task kinds" error={kinds.error} />;
  const list = [...kinds.data].sort((a, b) => Number(a.builtIn) - Number(b.builtIn) || a.label.localeCompare(b.label));
  const custom = list.filter((k) => !k.builtIn).length;

  return (
    <EditableTable
      summary={`${plural(custom, 'custom kind')} · ${list.length - custom} built in`}
      addLabel="Add task kind"
      columns={['Kind', 'Category', 'Done by', 'Estimate', 'Routing']}
      items={list}
      itemKey={(k) => k.key}
      renderForm={(kind, done) => <KindForm kind={kind} onDone={done} />}
      renderRow={(k, edit) => (
        <>
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
                <EditButton name={k.label} onEdit={edit} />
                <DeleteAction
                  name={k.label}
                  shown={`“${k.label}”`}
                  onDelete={async () => {
                    await api.deleteTaskKind(k.key);
                    await announce(`Deleted the task kind “${k.label}”.`);
                  }}
                />
              </>
            )}
          </td>
        </>
      )}
    />
  );
}
