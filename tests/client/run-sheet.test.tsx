// The run sheet and the setup list page in a simulated browser: one-tap check-offs through the
// outbox (offline too), live events from other tablets, the shared rules on each line, and who
// may do what.
import type { SetupContext, SetupItem } from '@patchbay/shared';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OUTBOX_KEY } from '../../client/src/setup/outbox';
import { COLES, MAYA, SAM, SESSION_ID, THEO, U87, checkedBy, ev, lineId, makeLine, makeSession, makeSnapshot, makeTask, studio, taskKinds } from './fixtures';
import { FakeRealtime, apiError, json, meAs, mockApi, renderApp, type FetchCall } from './harness';

const kick = makeLine(1, { source: 'Kick In', gear: U87, phantom: true, preamp: 'Neve 1073 #1' });
const overhead = makeLine(2, { source: 'Overhead L', gear: COLES, phantom: true });
const power = makeLine(3, { part: 'CHECK', text: 'Power up the console', channel: null });
const CONTEXT: SetupContext = {
  gear: [
    { id: U87.id, label: U87.label, category: 'MICROPHONE', quantity: 1, status: 'OK', ribbon: false, tube: false, needsPhantom: true },
    { id: COLES.id, label: COLES.label, category: 'MICROPHONE', quantity: 1, status: 'OK', ribbon: true, tube: false, needsPhantom: false },
  ],
  uses: [{ sessionId: '22222222-2222-4222-8222-222222222222', title: 'Drum tracking B', startsAt: '2026-11-24T12:00:00.000Z', endsAt: '2026-11-24T22:00:00.000Z', status: 'PLANNED', gearId: U87.id, units: 1 }],
  issues: [],
};

/** Theo, the assistant, has a task in the session: he may check lines off and keep notes. */
function setup(path = 'run-sheet', who: 'theo' | 'sam' | 'ada' = 'theo', lines: SetupItem[] = [kick, overhead, power]) {
  const member = who === 'theo' ? THEO : who === 'sam' ? SAM : { id: '44444444-4444-4444-8444-444444444450', name: 'Ada Quinn' };
  const role = who === 'theo' ? 'ASSISTANT_ENGINEER' : who === 'sam' ? 'ENGINEER' : 'GUEST';
  const db = new Map(lines.map((l) => [l.id, l]));
  let offline = false;
  const api = mockApi({
    'GET /auth/me': () => json(meAs(role, member)),
    'GET /studio': () => json(studio),
    'GET /task-kinds': () => json(taskKinds),
    'GET /gear': () => json({ items: [] }),
    [`GET /sessions/${SESSION_ID}/board`]: () => json(makeSnapshot([makeTask(1, { assignee: THEO })], 10, makeSession({ seq: 10, engineer: SAM }), who === 'ada' ? null : [...db.values()])),
    [`GET /sessions/${SESSION_ID}/events`]: () => json({ events: [], seq: 10, reset: false }),
    [`GET /sessions/${SESSION_ID}/setup/context`]: () => json(CONTEXT),
  });
  for (const l of lines) {
    api.route(`PATCH /setup-items/${l.id}`, (call: FetchCall) => {
      if (offline) throw new TypeError('Failed to fetch');
      const current = db.get(l.id)!;
      const body = call.body as { version: number; checked?: boolean; notes?: string };
      if (body.version !== current.version) return apiError(409, 'VERSION_CONFLICT', 'changed', { current });
      const next = { ...current, version: current.version + 1, ...(body.notes !== undefined ? { notes: body.notes } : {}), ...(body.checked !== undefined ? { checked: body.checked ? checkedBy(member) : null } : {}) };
      db.set(l.id, next);
      return json(next);
    });
  }
  const realtime = new FakeRealtime();
  renderApp(`/sessions/${SESSION_ID}/${path}`, realtime);
  return { api, realtime, db, setOffline: (v: boolean) => void (offline = v) };
}

/** A run sheet row: named by what it shows, described by its facts and who ticked it. */
const row = (name: RegExp) => screen.getByRole('button', { name });
const findRow = (name: RegExp) => screen.findByRole('button', { name });
const about = (el: HTMLElement) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? '';

describe('run sheet', () => {
  it('checks a line off with one tap, sending the version it saw, and shows who did it', async () => {
    const env = setup();
    const kickRow = await findRow(/^Channel 1 Kick In U87 #1$/);
    expect(kickRow.getAttribute('aria-pressed')).toBe('false');
    expect(about(kickRow)).toContain('not checked');
    fireEvent.click(kickRow);
    await waitFor(() => expect(row(/^Channel 1 Kick In/).getAttribute('aria-pressed')).toBe('true'));
    expect(about(row(/^Channel 1 Kick In/))).toMatch(/checked by Theo Grant at/);
    expect(env.api.writes().map((c) => [c.method, c.path, c.body])).toEqual([['PATCH', `/setup-items/${lineId(1)}`, { version: 1, checked: true }]]);
    expect(screen.getByText(/^1\/2 line-checked$/)).toBeTruthy();
    // Every control on the sheet is a real button (no hover-only actions).
    expect(within(kickRow.closest('li')!).getAllByRole('button').map((b) => b.textContent)).toEqual([expect.stringContaining('Kick In'), 'Note']);
  });

  it('keeps a tick made without a connection, says it is waiting, survives a reload, and sends it when back', async () => {
    const env = setup();
    env.setOffline(true);
    fireEvent.click(await findRow(/^Channel 1 Kick In/));
    expect(await screen.findByText('1 change waiting to be sent')).toBeTruthy();
    expect(row(/^Channel 1 Kick In/).getAttribute('aria-pressed')).toBe('true');
    expect(about(row(/^Channel 1 Kick In/))).toMatch(/checked by Theo Grant at .* · waiting to be sent/);
    expect(JSON.parse(window.localStorage.getItem(OUTBOX_KEY) ?? '[]')).toMatchObject([{ itemId: lineId(1), fields: { checked: true }, base: { version: 1 } }]);

    // Back online: the socket reconnects, the tick goes out.
    env.setOffline(false);
    act(() => env.realtime.setStatus('reconnecting'));
    act(() => env.realtime.setStatus('connected'));
    await waitFor(() => expect(screen.queryByText('1 change waiting to be sent')).toBeNull());
    expect(env.db.get(lineId(1))?.checked?.by).toEqual(THEO);
    expect(window.localStorage.getItem(OUTBOX_KEY)).toBe('[]');
  });

  it('sends what a previous page left waiting as soon as it opens', async () => {
    window.localStorage.setItem(
      OUTBOX_KEY,
      JSON.stringify([{ id: 'x1', memberId: THEO.id, sessionId: SESSION_ID, itemId: lineId(3), base: power, fields: { checked: true }, queuedAt: '2026-11-24T09:00:00.000Z', state: 'sending' }]),
    );
    const env = setup();
    await waitFor(() => expect(env.db.get(lineId(3))?.version).toBe(2));
    expect(env.api.writes()[0]?.body).toEqual({ version: 1, checked: true });
  });

  it('shows another tablet’s tick as it happens', async () => {
    const env = setup();
    expect((await findRow(/^Channel 2 Overhead L/)).getAttribute('aria-pressed')).toBe('false');
    // Events come once the board has joined its room.
    await waitFor(() => expect(env.realtime.joins).toHaveLength(1));
    env.realtime.push(ev.setupUpdated(11, { ...overhead, version: 2, checked: checkedBy(SAM) }, ['checked'], SAM));
    await waitFor(() => expect(row(/^Channel 2 Overhead L/).getAttribute('aria-pressed')).toBe('true'));
    expect(about(row(/^Channel 2 Overhead L/))).toMatch(/checked by Sam Reyes/);
    env.realtime.push(ev.setupCreated(12, makeLine(4, { source: 'Snare Top' }), SAM));
    expect((await findRow(/^Channel 4 Snare Top/)).getAttribute('aria-pressed')).toBe('false');
  });

  it('shows the rules on each line: phantom on a ribbon, a unit planned in an overlapping session', async () => {
    setup();
    await findRow(/^Channel 1 Kick In/);
    expect(await screen.findByText("U87 #1 is already planned for 'Drum tracking B' 12:00–22:00.")).toBeTruthy();
    expect(screen.getByText('Phantom power is on for a ribbon mic (Coles 4038 #1): turn it off.')).toBeTruthy();
  });

  it('keeps a note as a change like a tick', async () => {
    const env = setup();
    fireEvent.click(await screen.findByRole('tab', { name: /^Checklist/ }));
    const line = (await findRow(/^Power up the console$/)).closest('li')!;
    fireEvent.click(within(line).getByRole('button', { name: /^Note on/ }));
    fireEvent.change(within(line).getByLabelText('Note'), { target: { value: 'Mains last' } });
    fireEvent.click(within(line).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(env.db.get(lineId(3))?.notes).toBe('Mains last'));
    expect(await within(line).findByText('Mains last')).toBeTruthy();
  });

  it('a guest gets no run sheet: they are taken to their own page', async () => {
    const { api } = setup('run-sheet', 'ada');
    api.route('GET /artist/sessions', () => json({ timeZone: 'Europe/London', from: '2026-11-23T10:00:00.000Z', sessions: [] }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your sessions' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Run sheet' })).toBeNull();
    expect(api.calls.some((c) => c.path.startsWith('/sessions'))).toBe(false);
  });
});

describe('setup list page', () => {
  it('an assistant ticks and keeps notes but does not plan: no Edit, Move, Remove or Add', async () => {
    setup('setup', 'theo');
    // (The print sheet below the page has the same headings; it only shows on paper.)
    await screen.findAllByRole('heading', { name: 'Input list' });
    expect(screen.queryByRole('button', { name: /^Edit / })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Remove / })).toBeNull();
    expect(screen.queryByRole('button', { name: /Add input/ })).toBeNull();
    expect(screen.getByText('You can check lines off and add notes; the session’s engineer plans the list.')).toBeTruthy();
    expect(screen.getByRole('button', { name: /^ch 1 Kick In: not checked/ })).toBeTruthy();
  });

  it('the session’s engineer adds an input; the form shows what the rules say before saving', async () => {
    const env = setup('setup', 'sam');
    env.api.route('GET /gear', () =>
      json({
        items: [
          { id: U87.id, category: 'MICROPHONE', make: 'Neumann', model: 'U87 Ai', label: U87.label, quantity: 1, homeRoom: null, status: 'OK', ribbon: false, tube: false, needsPhantom: true, notes: '' },
          { id: '99999999-0000-4000-8000-000000000421', category: 'MICROPHONE', make: 'Sennheiser', model: 'MD 421', label: 'MD421 #3', quantity: 1, homeRoom: null, status: 'IN_REPAIR', ribbon: false, tube: false, needsPhantom: false, notes: '' },
        ],
      }),
    );
    env.api.route(`POST /sessions/${SESSION_ID}/setup-items`, (call) => json(makeLine(5, { ...(call.body as Partial<SetupItem>), gear: null, id: lineId(5) }), 201));
    fireEvent.click(await screen.findByRole('button', { name: /Add input/ }));
    const form = screen.getByRole('form', { name: 'New input' });
    // It starts on the next free channel, with the focus in it.
    expect((within(form).getByLabelText('Channel') as HTMLInputElement).value).toBe('3');
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByLabelText('Channel')));
    fireEvent.change(within(form).getByLabelText('Channel'), { target: { value: '1' } });
    fireEvent.change(within(form).getByLabelText('Source'), { target: { value: 'Snare Top' } });
    // Channel 1 is Kick In's: the rule says so at once, and saving is held back.
    expect(within(form).getByText('Channel 1 is also used by “Kick In”.')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Add input' }));
    expect(await within(form).findByText('This line can’t be saved yet: Channel 1 is also used by “Kick In”.')).toBeTruthy();
    expect(env.api.writes()).toEqual([]);
    // Gear in repair cannot be picked.
    const option = within(form).getByRole('option', { name: /MD421 #3 — in repair/ }) as HTMLOptionElement;
    expect(option.disabled).toBe(true);
    fireEvent.change(within(form).getByLabelText('Channel'), { target: { value: '5' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add input' }));
    await waitFor(() => expect(env.api.writes()).toHaveLength(1));
    expect(env.api.writes()[0]?.body).toMatchObject({ part: 'INPUT', channel: 5, source: 'Snare Top', gearId: null, phantom: false });
    expect(await screen.findByRole('button', { name: /^ch 5 Snare Top: not checked/ })).toBeTruthy();
    // The form is ready for the next input, one channel on.
    expect(within(form).getByText('Added ch 5 Snare Top. Next one:')).toBeTruthy();
    expect((within(form).getByLabelText('Channel') as HTMLInputElement).value).toBe('6');
    expect((within(form).getByLabelText('Source') as HTMLInputElement).value).toBe('');
  });

  it('a producer who does not work on the session reads it only', async () => {
    const api = mockApi({
      'GET /auth/me': () => json(meAs('PRODUCER', { id: '44444444-4444-4444-8444-444444444499', name: 'Jonas Berg' })),
      'GET /studio': () => json({ ...studio, projects: studio.projects.map((p) => ({ ...p, leadProducerId: MAYA.id })) }),
      'GET /task-kinds': () => json(taskKinds),
      [`GET /sessions/${SESSION_ID}/board`]: () => json(makeSnapshot([], 10, makeSession({ seq: 10 }), [kick])),
      [`GET /sessions/${SESSION_ID}/events`]: () => json({ events: [], seq: 10, reset: false }),
      [`GET /sessions/${SESSION_ID}/setup/context`]: () => json(CONTEXT),
    });
    renderApp(`/sessions/${SESSION_ID}/setup`, new FakeRealtime());
    await screen.findAllByRole('heading', { name: 'Input list' });
    expect(screen.getByText('Read only: the session’s engineers and assistants work this list.')).toBeTruthy();
    expect(screen.getByRole('img', { name: /^ch 1 Kick In: not checked/ })).toBeTruthy();
    expect(api.writes()).toEqual([]);
  });
});
