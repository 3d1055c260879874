import { setupProgress } from '@patchbay/shared/domain/setup-progress';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../api/api-context';
import { queryKeys, useGear, useStudio } from '../api/queries';
import { sessionScope } from '../auth/access';
import { useMe, usePermissions } from '../auth/auth-context';
import { BoardHeader } from '../components/board-header';
import { useNotices } from '../components/notices';
import { PageError } from '../components/page-state';
import { PresenceList } from '../components/presence-list';
import { useQueryClient } from '@tanstack/react-query';
import { ImportDialog } from '../setup/import-dialog';
import { InputList } from '../setup/input-list';
import { OutboxStatus } from '../setup/outbox-status';
import { SaveTemplateDialog } from '../setup/save-template-dialog';
import { SetupSheet } from '../setup/setup-sheet';
import { useShownSetup } from '../setup/shown-setup';
import { StepList } from '../setup/step-lists';
import { useSetupRules } from '../setup/use-setup-rules';
import { SessionTabs, useSessionView } from './session-layout';
import '../setup/setup.css';

/** Who may do what with this session's setup list, worked out as the server does. */
export function useSetupAbilities() {
  const { board } = useSessionView();
  const me = useMe();
  const permissions = usePermissions();
  const studio = useStudio({ enabled: permissions.can('studio.view') });
  const { session, tasks } = board.state;
  const scope = sessionScope(me.member.id, session, tasks.values(), studio.data?.projects);
  return {
    canEdit: permissions.can('setup.edit', scope),
    canCheck: permissions.can('setup.check', scope),
    canSaveTemplate: permissions.can('templates.manage') && permissions.can('setup.view', scope),
  };
}

/** The session's setup list to plan and tick: input list, patch plan and prep checklist. */
export function SetupListPage() {
  const api = useApi();
  const me = useMe();
  const queryClient = useQueryClient();
  const { notify } = useNotices();
  const { sessionId, board, setup } = useSessionView();
  const { state } = board;
  const timeZone = me.studio.timezone;
  const meRef = useMemo(() => ({ id: me.member.id, name: me.member.name }), [me.member.id, me.member.name]);
  const shown = useShownSetup(state.setup, setup.pending, meRef);
  const abilities = useSetupAbilities();
  const gear = useGear({ enabled: abilities.canEdit });
  const rules = useSetupRules(state.session, shown.items, timeZone, state.setup !== null);
  const [importing, setImporting] = useState(false);
  const [saving, setSaving] = useState(false);
  const [printedAt, setPrintedAt] = useState(() => new Date());
  const offline = board.live === 'offline' || board.live === 'reconnecting';
  const pendingIds = useMemo(() => new Set(shown.pendingByItem.keys()), [shown.pendingByItem]);

  if (!state.setup) {
    return (
      <PageError
        title="The setup list is for the studio team"
        error={new Error('Input lists, patch plans and checklists are not shared with guests.')}
        action={
          <Link to={`/sessions/${sessionId}`} className="button">
            Back to the session
          </Link>
        }
      />
    );
  }
  const progress = setupProgress(shown.items);
  const tasksDone = [...state.tasks.values()].filter((t) => t.status === 'DONE').length;
  const parts = { items: [], timeZone, canEdit: abilities.canEdit, canCheck: abilities.canCheck, offline, pending: pendingIds, writes: setup };

  return (
    <div className="setup-page">
      <title>{`Setup list · ${state.session.title} · Patchbay`}</title>
      <div className="screen-only setup-page__screen">
        <BoardHeader
          session={state.session}
          timeZone={timeZone}
          live={board.live}
          liveDetail={board.liveDetail}
          done={tasksDone}
          total={state.tasks.size}
          setup={progress}
          tabs={<SessionTabs sessionId={sessionId} setupProgress={progress} />}
          presence={<PresenceList viewers={board.viewers} meId={me.member.id} />}
          actions={
            <>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setPrintedAt(new Date());
                  requestAnimationFrame(() => window.print());
                }}
              >
                Print setup sheet
              </button>
              <Link to={`/sessions/${sessionId}/run-sheet`} className="button button--primary">
                Open run sheet
              </Link>
            </>
          }
        />
        <OutboxStatus entries={setup.pending} live={board.live} onRetry={setup.retry} onApplyMine={setup.applyMine} onDiscard={setup.discard} />
        <div className="setup-page__toolbar" role="group" aria-label="Input list files and templates">
          <a className="button button--small" href={api.inputsCsvUrl(sessionId)} download>
            Export input list (CSV)
          </a>
          {abilities.canEdit ? (
            <button type="button" className="button button--small" disabled={offline} onClick={() => setImporting(true)}>
              Import input list (CSV)
            </button>
          ) : null}
          {abilities.canSaveTemplate ? (
            <button type="button" className="button button--small" disabled={offline} onClick={() => setSaving(true)}>
              Save as template
            </button>
          ) : null}
          {!abilities.canEdit && abilities.canCheck ? <p className="setup-page__role">You can check lines off and add notes; the session’s engineer plans the list.</p> : null}
          {!abilities.canCheck ? <p className="setup-page__role">Read only: the session’s engineers and assistants work this list.</p> : null}
        </div>
        <InputList {...parts} items={shown.parts.INPUT} gear={gear.data ?? []} rules={rules} />
        <div className="setup-page__columns">
          <StepList {...parts} part="PATCH" items={shown.parts.PATCH} />
          <StepList {...parts} part="CHECK" items={shown.parts.CHECK} />
        </div>
      </div>
      <SetupSheet session={state.session} parts={shown.parts} timeZone={timeZone} printedAt={printedAt} issues={rules.byItem} />

      {importing ? (
        <ImportDialog
          inputs={shown.parts.INPUT.length}
          onClose={() => setImporting(false)}
          onImport={async (csv, mode) => {
            const count = await setup.importCsv(csv, mode);
            notify({ tone: 'success', title: `Imported ${count === 1 ? '1 input' : `${count} inputs`}.` });
            return count;
          }}
        />
      ) : null}
      {saving ? (
        <SaveTemplateDialog
          defaultName={state.session.title}
          onClose={() => setSaving(false)}
          onSave={async (name, description) => {
            const template = await api.saveSessionAsTemplate(sessionId, { name, description });
            void queryClient.invalidateQueries({ queryKey: queryKeys.templates });
            notify({ tone: 'success', title: `Saved the template “${template.name}”.`, message: 'Book sessions from it on the sessions page.' });
          }}
        />
      ) : null}
    </div>
  );
}
