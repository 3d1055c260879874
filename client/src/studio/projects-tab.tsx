import type { Project, Studio } from '@patchbay/shared';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { queryKeys } from '../api/queries';
import { useMe, usePermissions } from '../auth/auth-context';
import { PROJECT_KINDS, PROJECT_KIND_LABELS } from '../lib/catalog-labels';
import { plural } from '../lib/labels';
import { useRefreshAndNotify } from './common';
import { DeleteAction, EditButton, EditableTable } from './editable-table';
import { EditorForm, SelectField, TextField, choices, useEditorForm } from './editor';

type ProjectField = 'artist' | 'title' | 'kind' | 'leadProducerId';

function ProjectForm({ studio, project, onDone }: { studio: Studio; project: Project | null; onDone: () => void }) {
  const api = useApi();
  const me = useMe();
  const { announce } = useRefreshAndNotify(queryKeys.studio);
  const producers = studio.members.filter((m) => m.roles.includes('PRODUCER') || m.skills.includes('production'));
  const iProduce = producers.some((m) => m.id === me.member.id);
  const [artist, setArtist] = useState(project?.artist ?? '');
  const [title, setTitle] = useState(project?.title ?? '');
  const [kind, setKind] = useState<Project['kind']>(project?.kind ?? 'ALBUM');
  // A producer creating a project leads it by default.
  const [lead, setLead] = useState(project ? (project.leadProducerId ?? '') : iProduce ? me.member.id : '');
  const form = useEditorForm<ProjectField>({
    check: () => ({
      artist: artist.trim() ? undefined : 'Enter the artist.',
      title: title.trim() ? undefined : 'Enter the project title.',
    }),
    save: async () => {
      const body = { artist: artist.trim(), title: title.trim(), kind, leadProducerId: lead || null };
      const saved = project ? await api.updateProject(project.id, body) : await api.createProject(body);
      await announce(`${project ? 'Saved' : 'Added'} ${saved.artist} – ${saved.title}.`);
    },
    onDone,
  });
  const { errors } = form;

  return (
    <EditorForm
      form={form}
      label={project ? `Edit ${project.title}` : 'New project'}
      title={project ? `Edit ${project.artist} – ${project.title}` : 'New project'}
      submitLabel={project ? 'Save project' : 'Add project'}
      onCancel={onDone}
    >
      <TextField label="Artist" error={errors.artist} autoComplete="off" value={artist} onChange={form.update('artist', setArtist)} />
      <TextField label="Title" error={errors.title} autoComplete="off" value={title} onChange={form.update('title', setTitle)} />
      <SelectField label="Kind" error={errors.kind} value={kind} options={choices(PROJECT_KINDS, PROJECT_KIND_LABELS)} onChange={setKind} />
      <SelectField
        label="Lead producer"
        hint="The lead producer books the project’s sessions."
        error={errors.leadProducerId}
        value={lead}
        options={[{ value: '', label: 'None' }, ...producers.map((m) => ({ value: m.id, label: m.name }))]}
        onChange={setLead}
      />
    </EditorForm>
  );
}

export function ProjectsTab({ studio }: { studio: Studio }) {
  const api = useApi();
  const me = useMe();
  const permissions = usePermissions();
  const { announce } = useRefreshAndNotify(queryKeys.studio);
  const name = (id: string | null) => (id ? (studio.members.find((m) => m.id === id)?.name ?? 'Someone who left') : null);
  const projects = [...studio.projects].sort((a, b) => a.artist.localeCompare(b.artist) || a.title.localeCompare(b.title));

  return (
    <EditableTable
      summary={plural(projects.length, 'project')}
      addLabel="Add project"
      canAdd={permissions.can('projects.create')}
      columns={['Project', 'Kind', 'Lead producer']}
      items={projects}
      itemKey={(p) => p.id}
      renderForm={(project, done) => <ProjectForm studio={studio} project={project} onDone={done} />}
      renderRow={(p, edit) => {
        const editable = permissions.can('projects.edit', { leadsProject: p.leadProducerId === me.member.id });
        const label = `${p.artist} – ${p.title}`;
        return (
          <>
            <th scope="row">
              <span className="data-table__primary">{p.title}</span>
              <span className="data-table__secondary">{p.artist}</span>
            </th>
            <td>{PROJECT_KIND_LABELS[p.kind]}</td>
            <td>{name(p.leadProducerId) ?? <span className="data-table__none">None</span>}</td>
            <td className="data-table__actions">
              {editable ? (
                <>
                  <EditButton name={label} onEdit={edit} />
                  <DeleteAction
                    name={label}
                    onDelete={async () => {
                      await api.deleteProject(p.id);
                      await announce(`Deleted ${label}.`);
                    }}
                  />
                </>
              ) : null}
            </td>
          </>
        );
      }}
    />
  );
}
