import type { Project, Studio } from '@patchbay/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useApi } from '../api/api-context';
import { queryKeys } from '../api/queries';
import { useMe, usePermissions } from '../auth/auth-context';
import { Field, FormError } from '../components/field';
import { useNotices } from '../components/notices';
import { PROJECT_KINDS, PROJECT_KIND_LABELS } from '../lib/catalog-labels';
import { plural } from '../lib/labels';
import { useFormState } from '../lib/use-form';
import { ConfirmAction, TabToolbar } from './common';

type ProjectField = 'artist' | 'title' | 'kind' | 'leadProducerId';

function ProjectForm({ studio, project, onDone }: { studio: Studio; project: Project | null; onDone: () => void }) {
  const api = useApi();
  const me = useMe();
  const queryClient = useQueryClient();
  const { notify } = useNotices();
  const producers = studio.members.filter((m) => m.roles.includes('PRODUCER') || m.skills.includes('production'));
  const iProduce = producers.some((m) => m.id === me.member.id);
  const [artist, setArtist] = useState(project?.artist ?? '');
  const [title, setTitle] = useState(project?.title ?? '');
  const [kind, setKind] = useState<Project['kind']>(project?.kind ?? 'ALBUM');
  // A producer creating a project leads it by default.
  const [lead, setLead] = useState(project ? (project.leadProducerId ?? '') : iProduce ? me.member.id : '');
  const { errors, formError, submitting, formRef, run, clearError } = useFormState<ProjectField>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<ProjectField, string>> = {};
    if (!artist.trim()) found.artist = 'Enter the artist.';
    if (!title.trim()) found.title = 'Enter the project title.';
    const ok = await run(found, async () => {
      const body = { artist: artist.trim(), title: title.trim(), kind, leadProducerId: lead || null };
      const saved = project ? await api.updateProject(project.id, body) : await api.createProject(body);
      await queryClient.invalidateQueries({ queryKey: queryKeys.studio });
      notify({ tone: 'success', title: `${project ? 'Saved' : 'Added'} ${saved.artist} – ${saved.title}.` });
    });
    if (ok) onDone();
  };

  return (
    <form ref={formRef} className="editor" noValidate aria-label={project ? `Edit ${project.title}` : 'New project'} onSubmit={(e) => void submit(e)}>
      <h3 className="editor__title">{project ? `Edit ${project.artist} – ${project.title}` : 'New project'}</h3>
      <div className="editor__grid">
        <Field label="Artist" error={errors.artist}>
          {(c) => (
            <input
              {...c}
              className="input"
              autoComplete="off"
              value={artist}
              onChange={(e) => {
                setArtist(e.target.value);
                clearError('artist');
              }}
            />
          )}
        </Field>
        <Field label="Title" error={errors.title}>
          {(c) => (
            <input
              {...c}
              className="input"
              autoComplete="off"
              value={title}
              onChange={(e) => {
                setTitle(e.target.value);
                clearError('title');
              }}
            />
          )}
        </Field>
        <Field label="Kind" error={errors.kind}>
          {(c) => (
            <select {...c} className="input" value={kind} onChange={(e) => setKind(e.target.value as Project['kind'])}>
              {PROJECT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {PROJECT_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Lead producer" hint="The lead producer books the project’s sessions." error={errors.leadProducerId}>
          {(c) => (
            <select {...c} className="input" value={lead} onChange={(e) => setLead(e.target.value)}>
              <option value="">None</option>
              {producers.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="editor__footer">
        <FormError message={formError} />
        <button type="button" className="button button--ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? 'Saving…' : project ? 'Save project' : 'Add project'}
        </button>
      </div>
    </form>
  );
}

export function ProjectsTab({ studio }: { studio: Studio }) {
  const api = useApi();
  const me = useMe();
  const permissions = usePermissions();
  const queryClient = useQueryClient();
  const { notify } = useNotices();
  const [editing, setEditing] = useState<Project | 'new' | null>(null);
  const name = (id: string | null) => (id ? (studio.members.find((m) => m.id === id)?.name ?? 'Someone who left') : null);
  const projects = [...studio.projects].sort((a, b) => a.artist.localeCompare(b.artist) || a.title.localeCompare(b.title));

  return (
    <>
      <TabToolbar summary={plural(projects.length, 'project')}>
        {permissions.can('projects.create') ? (
          <button type="button" className="button button--primary button--small" disabled={editing === 'new'} onClick={() => setEditing('new')}>
            <span aria-hidden="true">+</span> Add project
          </button>
        ) : null}
      </TabToolbar>
      {editing ? <ProjectForm key={editing === 'new' ? 'new' : editing.id} studio={studio} project={editing === 'new' ? null : editing} onDone={() => setEditing(null)} /> : null}
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Project</th>
              <th scope="col">Kind</th>
              <th scope="col">Lead producer</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {projects.map((p) => {
              const editable = permissions.can('projects.edit', { leadsProject: p.leadProducerId === me.member.id });
              const label = `${p.artist} – ${p.title}`;
              return (
                <tr key={p.id}>
                  <th scope="row">
                    <span className="data-table__primary">{p.title}</span>
                    <span className="data-table__secondary">{p.artist}</span>
                  </th>
                  <td>{PROJECT_KIND_LABELS[p.kind]}</td>
                  <td>{name(p.leadProducerId) ?? <span className="data-table__none">None</span>}</td>
                  <td className="data-table__actions">
                    {editable ? (
                      <>
                        <button type="button" className="button button--small" aria-label={`Edit ${label}`} onClick={() => setEditing(p)}>
                          Edit
                        </button>
                        <ConfirmAction
                          label={`Delete ${label}`}
                          question={`Delete ${label}?`}
                          confirmLabel="Delete"
                          failure={`Couldn't delete ${label}.`}
                          onConfirm={async () => {
                            await api.deleteProject(p.id);
                            await queryClient.invalidateQueries({ queryKey: queryKeys.studio });
                            notify({ tone: 'success', title: `Deleted ${label}.` });
                          }}
                        />
                      </>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
