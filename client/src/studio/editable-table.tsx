import { Fragment, useState, type ReactNode } from 'react';
import { TableWrap } from '../components/table-wrap';
import { ConfirmAction, TabToolbar } from './common';

/** A tab's table: a header cell for each of `columns`, then the (unlabelled) actions column. */
export function DataTable({ columns, children, label }: { columns: readonly string[]; children: ReactNode; label?: string }) {
  return (
    <TableWrap label={label ?? `Table: ${columns.join(', ')}`}>
      <table className="data-table">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableWrap>
  );
}

/**
 * A tab that lists `items` in a table and edits one at a time: the toolbar (`summary` and, when
 * `canAdd`, the add button), the editor for a new item or the one being edited, and a row an
 * item. `renderForm` gets the item (null for a new one) and `done`, to close the editor;
 * `renderRow` gets the item and `edit`, to open the editor on it, and returns the row's cells.
 */
export function EditableTable<T extends object>({
  summary,
  addLabel,
  canAdd = true,
  addTone = 'primary',
  columns,
  items,
  itemKey,
  renderForm,
  renderRow,
}: {
  summary: ReactNode;
  addLabel: string;
  canAdd?: boolean;
  addTone?: 'primary' | 'plain';
  columns: readonly string[];
  items: readonly T[];
  itemKey: (item: T) => string;
  renderForm: (item: T | null, done: () => void) => ReactNode;
  renderRow: (item: T, edit: () => void) => ReactNode;
}) {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const done = () => setEditing(null);

  return (
    <>
      <TabToolbar summary={summary}>
        {canAdd ? (
          <button
            type="button"
            className={`button${addTone === 'primary' ? ' button--primary' : ''} button--small`}
            disabled={editing === 'new'}
            onClick={() => setEditing('new')}
          >
            <span aria-hidden="true">+</span> {addLabel}
          </button>
        ) : null}
      </TabToolbar>
      {editing ? <Fragment key={editing === 'new' ? 'new' : itemKey(editing)}>{renderForm(editing === 'new' ? null : editing, done)}</Fragment> : null}
      <DataTable columns={columns}>
        {items.map((item) => (
          <tr key={itemKey(item)}>{renderRow(item, () => setEditing(item))}</tr>
        ))}
      </DataTable>
    </>
  );
}

/** A row's "Edit" button, named "Edit `name`". */
export function EditButton({ name, onEdit }: { name: string; onEdit: () => void }) {
  return (
    <button type="button" className="button button--small" aria-label={`Edit ${name}`} onClick={onEdit}>
      Edit
    </button>
  );
}

/**
 * A row's "Delete" button, named "Delete `name`", that asks first. `shown` is how the item
 * reads in the question and the failure (`name` unless given, e.g. in quotes).
 */
export function DeleteAction({
  name,
  shown = name,
  question = `Delete ${shown}?`,
  onDelete,
}: {
  name: string;
  shown?: string;
  question?: string;
  onDelete: () => Promise<unknown>;
}) {
  return <ConfirmAction label={`Delete ${name}`} question={question} confirmLabel="Delete" failure={`Couldn't delete ${shown}.`} onConfirm={onDelete} />;
}
