import type { RoutingPreview, Task, TaskAssignment, TaskCandidates } from '@patchbay/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MAYA, SAM, SESSION_ID, THEO, makeSession, makeSnapshot, makeTask, studio, taskKinds } from './fixtures';
import { FakeRealtime, apiError, json, meAs, mockApi, renderApp } from './harness';

const BOARD = `GET /sessions/${SESSION_ID}/board`;
const PREVIEW = `POST /sessions/${SESSION_ID}/routing-preview`;

const mic = makeTask(1, { title: 'Mic the kit', version: 3 });
const mine = makeTask(2, { title: 'Patch the outboard', assignee: SAM });
const theirs = makeTask(3, { title: 'Print stems', assignee: THEO, kind: 'mixing' });

const preview: RoutingPreview = {
  kind: 'mixing',
  role: 'ENGINEER',
  assignee: SAM,
  rule: 'session_staff',
  reason: 'Mixing is technical → engineer. Sam Reyes is the session’s engineer.',
  reasons: ['Mixing is technical → engineer.', 'Sam Reyes is the session’s engineer.'],
  candidates: [
    { member: SAM, rank: 1, bookedMinutes: 840, capacityMinutes: 2400, dayBookedMinutes: 600, dayCapacityMinutes: 480, addsMinutes: 0, knowsRoom: true, reasons: ['Sam Reyes is an engineer.'] },
    { member: { id: '44444444-4444-4444-8444-444444444449', name: 'Lena Park' }, rank: 2, bookedMinutes: 2700, capacityMinutes: 2400, dayBookedMinutes: 0, dayCapacityMinutes: 480, addsMinutes: 480, knowsRoom: false, reasons: ['Lena Park is an engineer.'] },
  ],
  ineligible: [
    {
      member: THEO, blockers: ['wrong_role'], bookedMinutes: 300, capacityMinutes: 1200, dayBookedMinutes: 300, dayCapacityMinutes: 240, addsMinutes: 480,
      busyWith: { kind: 'session', sessionId: '55555555-5555-4555-8555-555555555555', title: 'Vocal comping', taskTitle: null, startsAt: '2026-11-24T09:00:00.000Z', endsAt: '2026-11-24T14:00:00.000Z' },
      reasons: ['Theo Grant is an assistant engineer without engineering skill.'],
    },
  ],
  window: { startsAt: '2026-11-24T10:00:00.000Z', endsAt: '2026-11-24T20:00:00.000Z' },
  week: { start: '2026-11-23T00:00:00.000Z', end: '2026-11-30T00:00:00.000Z' },
};

function setup(tasks: Task[] = [mic], routes: Parameters<typeof mockApi>[0] = {}, session = makeSession({ seq: 10 })) {
  const api = mockApi({
    'GET /studio': () => json(studio),
    'GET /task-kinds': () => json(taskKinds),
    [BOARD]: () => json(makeSnapshot(tasks, 10, session)),
    ...routes,
  });
  const realtime = new FakeRealtime();
  renderApp(`/sessions/${SESSION_ID}`, realtime);
  return api;
}

const card = (title: string) => screen.getByRole('article', { name: title });

async function loaded() {
  await screen.findByRole('heading', { level: 1, name: 'Drum tracking' });
  await screen.findByText('Live');
}

describe('routing preview in the New task form', () => {
  it('shows who routing would pick and why, with the other candidates and who is blocked', async () => {
    const api = setup([mic], { [PREVIEW]: () => json(preview) });
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: /New task/ }));
    expect(screen.getByText('Choose a kind to see who Patchbay would route it to.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'mixing' } });
    const panel = screen.getByRole('region', { name: 'Routing preview' });
    await waitFor(() => expect(panel.textContent).toContain('Goes to Sam Reyes'));
    expect(panel.textContent).toContain('Engineer work');
    expect(within(panel).getByText(preview.reason)).toBeTruthy();
    expect(api.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/routing-preview')).map((c) => c.body)).toEqual([{ kind: 'mixing', estimateMinutes: null }]);

    // The rest on request: the other candidates (not the pick), and who is blocked and why.
    const toggle = within(panel).getByRole('button', { name: 'Show other candidates (1) and blocked (1)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const others = within(panel).getByText('Other candidates (1)').parentElement as HTMLElement;
    expect(others.textContent).toContain('Lena Park');
    expect(others.textContent).toContain('45 h of 40 h (over capacity) this week');
    expect(others.textContent).toContain('new to the room');
    expect(others.textContent).not.toContain('Sam Reyes');
    const blocked = within(panel).getByText('Blocked (1)').parentElement as HTMLElement;
    expect(blocked.textContent).toContain('Theo Grant');
    expect(blocked.textContent).toContain('wrong role');
    expect(blocked.textContent).toContain('assistant engineer without engineering skill');
    // Their hours and what they are busy with during the work (studio time).
    expect(blocked.textContent).toContain('5 h of 20 h this week');
    expect(blocked.textContent).toContain("busy: 'Vocal comping' 09:00–14:00");
    // Candidates' day: a day's share is a fifth of their week.
    expect(others.textContent).toContain('0 of 8 h that day');
    expect(others.textContent).not.toContain('over a day’s share');
    // The pick's own figures, with the day flagged over its share.
    const head = panel.querySelector('.routing-preview__head') as HTMLElement;
    expect(head.textContent).toContain('14 h of 40 h this week · 10 of 8 h that day (over a day’s share)');
  });

  it('says what a blocked person is busy with when it is a timed task', async () => {
    const timed: RoutingPreview = {
      ...preview,
      ineligible: [
        {
          member: THEO, blockers: ['double_booked'], bookedMinutes: 1980, capacityMinutes: 1800, dayBookedMinutes: 120, dayCapacityMinutes: 360, addsMinutes: 480,
          busyWith: { kind: 'task', sessionId: '55555555-5555-4555-8555-555555555555', title: 'Vocal comping', taskTitle: 'Tune the lead vocal', startsAt: '2026-11-24T15:00:00.000Z', endsAt: '2026-11-24T16:30:00.000Z' },
          reasons: ['Theo Grant is busy then.'],
        },
      ],
    };
    setup([mic], { [PREVIEW]: () => json(timed) });
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: /New task/ }));
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'mixing' } });
    const panel = screen.getByRole('region', { name: 'Routing preview' });
    fireEvent.click(await within(panel).findByRole('button', { name: 'Show other candidates (1) and blocked (1)' }));
    const blocked = within(panel).getByText('Blocked (1)').parentElement as HTMLElement;
    expect(blocked.textContent).toContain('double booked');
    expect(blocked.textContent).toContain('33 h of 30 h (over capacity) this week');
    expect(blocked.textContent).toContain("busy: 'Tune the lead vocal' (Vocal comping) 15:00–16:30");
  });

  it('asks again (debounced) when the estimate changes, and not while a person is chosen by hand', async () => {
    const api = setup([mic], { [PREVIEW]: (call) => json({ ...preview, reason: `For ${(call.body as { estimateMinutes: number | null }).estimateMinutes ?? 'default'} min.` }) });
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: /New task/ }));
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'mixing' } });
    await screen.findByText('For default min.');
    // Typing 1, 12, 120 quickly asks once, for the last value.
    for (const value of ['1', '12', '120']) fireEvent.change(screen.getByLabelText('Estimate', { exact: false }), { target: { value } });
    await screen.findByText('For 120 min.');
    const asked = () => api.calls.filter((c) => c.path.endsWith('/routing-preview')).map((c) => c.body);
    expect(asked()).toEqual([
      { kind: 'mixing', estimateMinutes: null },
      { kind: 'mixing', estimateMinutes: 120 },
    ]);

    fireEvent.change(screen.getByLabelText('Assignee'), { target: { value: THEO.id } });
    expect(screen.queryByRole('region', { name: 'Routing preview' })).toBeNull();
    expect(screen.getByLabelText(/Why this person/)).toBeTruthy();
  });

  it('says nobody fits when routing finds no one', async () => {
    setup([mic], { [PREVIEW]: () => json({ ...preview, assignee: null, rule: 'no_eligible_member', reason: 'Nobody free this week.', candidates: [] }) });
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: /New task/ }));
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'mixing' } });
    const panel = screen.getByRole('region', { name: 'Routing preview' });
    await waitFor(() => expect(panel.textContent).toContain('Nobody fits: the task will be left unassigned.'));
    expect(panel.textContent).toContain('Nobody free this week.');
  });
});

const LENA = { id: '44444444-4444-4444-8444-444444444449', name: 'Lena Park' };
const CANDIDATES = (id: string) => `GET /tasks/${id}/candidates`;
const week = { start: '2026-11-23T00:00:00.000Z', end: '2026-11-30T00:00:00.000Z' };
const sessionWindow = { startsAt: '2026-11-24T10:00:00.000Z', endsAt: '2026-11-24T20:00:00.000Z' };

describe('assigning by hand: hours and availability', () => {
  // Theo has the task (2 h); the session's engineer is Lena, so Sam would take on its hours.
  const mixdown = makeTask(7, { title: 'Rough mix', kind: 'mixing', assignee: THEO, estimateMinutes: 120, version: 2 });
  const answer: TaskCandidates = {
    taskId: mixdown.id,
    version: 2,
    routing: {
      ...preview,
      assignee: SAM,
      candidates: [
        { member: SAM, rank: 1, bookedMinutes: 1800, capacityMinutes: 2400, dayBookedMinutes: 240, dayCapacityMinutes: 480, addsMinutes: 120, knowsRoom: true, reasons: [] },
        { member: THEO, rank: 2, bookedMinutes: 2640, capacityMinutes: 1800, dayBookedMinutes: 300, dayCapacityMinutes: 360, addsMinutes: 120, knowsRoom: true, reasons: [] },
      ],
      ineligible: [
        {
          member: MAYA, blockers: ['wrong_role', 'double_booked'], bookedMinutes: 2760, capacityMinutes: 2400, dayBookedMinutes: 480, dayCapacityMinutes: 480, addsMinutes: 120,
          busyWith: { kind: 'session', sessionId: '55555555-5555-4555-8555-555555555555', title: 'Vocal comping', taskTitle: null, startsAt: '2026-11-24T10:00:00.000Z', endsAt: '2026-11-24T14:00:00.000Z' },
          reasons: ['Maya Okafor is a producer.'],
        },
      ],
      window: sessionWindow,
      week,
    },
    current: { member: THEO, bookedMinutes: 2760, capacityMinutes: 1800, freesMinutes: 120 },
  };

  it('shows everyone’s week and whether they are free then, and what the change does to both people', async () => {
    const api = setup([mixdown], {
      [CANDIDATES(mixdown.id)]: () => json(answer),
      [`POST /tasks/${mixdown.id}/assignment-check`]: () => json({ warnings: [] }),
    }, makeSession({ seq: 10, engineer: LENA }));
    await loaded();
    fireEvent.click(within(card('Rough mix')).getByRole('button', { name: 'Assign “Rough mix”' }));
    const dialog = screen.getByRole('dialog', { name: 'Assign “Rough mix”' });

    const sam = await within(dialog).findByRole('button', { name: /^Sam Reyes.*30 of 40 h this week · free then/ });
    expect(within(sam).getByText('Suggested')).toBeTruthy();
    const maya = within(dialog).getByRole('button', { name: /^Maya Okafor/ });
    expect(maya.textContent).toContain('over capacity: 46 of 40 h');
    expect(maya.textContent).toContain("busy: 'Vocal comping' 10:00–14:00");
    expect(maya.textContent).toContain('wrong role');
    expect(maya.textContent).not.toContain('Suggested');
    // The current assignee: their week with the task in it.
    const theo = within(dialog).getByRole('button', { name: /^Theo Grant/ });
    expect(theo.textContent).toContain('over capacity: 46 of 30 h');
    expect(theo.textContent).toContain('Assigned now');

    fireEvent.click(sam);
    const effect = within(dialog).getByRole('list', { name: 'What it does to their hours' });
    expect(within(effect).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Sam Reyes: 30 → 32 h of 40 this week',
      'Theo Grant: 46 → 44 h of 30 this week (over capacity)',
    ]);
    // The rules are still checked for the person picked.
    expect(await within(dialog).findByText('No routing rule is broken.')).toBeTruthy();
    expect(api.calls.find((c) => c.path === `/tasks/${mixdown.id}/assignment-check`)?.body).toEqual({ memberId: SAM.id });

    // Unassigning shows only what it frees; the figures were asked once.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Choose someone else' }));
    fireEvent.click(within(dialog).getByRole('button', { name: /^Unassigned/ }));
    expect(within(dialog).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Theo Grant: 46 → 44 h of 30 this week (over capacity)']);
    expect(api.calls.filter((c) => c.path === `/tasks/${mixdown.id}/candidates`)).toHaveLength(1);
  });

  it('says nothing changes for the session’s own staff', async () => {
    // Sam engineers the session and has the task: handing it to Theo frees none of Sam's hours.
    const staffed: TaskCandidates = {
      ...answer,
      taskId: mic.id,
      version: 3,
      routing: {
        ...answer.routing,
        candidates: [
          { member: SAM, rank: 1, bookedMinutes: 840, capacityMinutes: 2400, dayBookedMinutes: 600, dayCapacityMinutes: 480, addsMinutes: 0, knowsRoom: true, reasons: [] },
          { member: THEO, rank: 2, bookedMinutes: 600, capacityMinutes: 1800, dayBookedMinutes: 0, dayCapacityMinutes: 360, addsMinutes: 60, knowsRoom: true, reasons: [] },
        ],
      },
      current: { member: SAM, bookedMinutes: 840, capacityMinutes: 2400, freesMinutes: 0 },
    };
    setup([mic], { [CANDIDATES(mic.id)]: () => json(staffed), [`POST /tasks/${mic.id}/assignment-check`]: () => json({ warnings: [] }) });
    await loaded();
    fireEvent.click(within(card('Mic the kit')).getByRole('button', { name: 'Assign “Mic the kit”' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(await within(dialog).findByRole('button', { name: /^Theo Grant.*10 of 30 h this week · free then/ }));
    expect(within(within(dialog).getByRole('list', { name: 'What it does to their hours' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Theo Grant: 10 → 11 h of 30 this week',
      'Sam Reyes: no change, Sam runs the session',
    ]);
  });

  it('still lists everyone (without figures) when the figures fail to load', async () => {
    setup([mic], { [CANDIDATES(mic.id)]: () => apiError(503, 'UNAVAILABLE', 'The database is not reachable') });
    await loaded();
    fireEvent.click(within(card('Mic the kit')).getByRole('button', { name: 'Assign “Mic the kit”' }));
    const dialog = screen.getByRole('dialog');
    expect(await within(dialog).findByText(/Couldn’t load everyone’s hours: The database is not reachable/)).toBeTruthy();
    const theo = within(dialog).getByRole('button', { name: /^Theo Grant/ });
    expect(theo.textContent).not.toContain('this week');
    fireEvent.click(theo);
    expect(within(dialog).queryByRole('list', { name: 'What it does to their hours' })).toBeNull();
    expect(within(dialog).getByText(/Assign to/)).toBeTruthy();
  });
});

describe('assigning by hand', () => {
  it('checks the rules first, shows the warnings, and assigns anyway with a note', async () => {
    const warnings = [
      { code: 'wrong_role', rule: 'role_match', message: 'Theo Grant is an assistant engineer without engineering skill.' },
      { code: 'double_booked', rule: 'availability', message: "Double booking: Theo Grant is on 'Vocals' in Booth B1 10:00–14:00." },
    ];
    const api = setup([mic], {
      [`POST /tasks/${mic.id}/assignment-check`]: () => json({ warnings }),
      [`PATCH /tasks/${mic.id}`]: () =>
        json({ ...mic, assignee: THEO, assignedManually: true, routingRule: 'manual', routingReason: 'Assigned to Theo Grant by hand: knows the kit.', version: 4 }),
    });
    await loaded();
    const assignButton = within(card('Mic the kit')).getByRole('button', { name: 'Assign “Mic the kit”' });
    assignButton.focus();
    fireEvent.click(assignButton);

    const dialog = screen.getByRole('dialog', { name: 'Assign “Mic the kit”' });
    expect(within(dialog).getByText('Now: Sam Reyes (routed).')).toBeTruthy();
    // The current assignee can't be picked again; the task's role comes first.
    expect((within(dialog).getByRole('button', { name: /^Sam Reyes/ }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: /^Theo Grant/ }));

    await within(dialog).findByText('This breaks 2 routing rules:');
    expect(api.calls.find((c) => c.path === `/tasks/${mic.id}/assignment-check`)?.body).toEqual({ memberId: THEO.id });
    for (const w of warnings) expect(within(dialog).getByText(w.message)).toBeTruthy();
    expect(api.writes().filter((c) => c.method === 'PATCH')).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText(/Why Theo Grant\?/), { target: { value: 'Knows the kit.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign anyway' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const patch = api.writes().find((c) => c.method === 'PATCH');
    expect(patch?.body).toEqual({ version: 3, assigneeId: THEO.id, assignmentNote: 'Knows the kit.' });
    const updated = card('Mic the kit');
    expect(updated.textContent).toContain('Theo Grant');
    expect(within(updated).getByText('by hand')).toBeTruthy();
    expect(await screen.findByText('Assigned “Mic the kit” to Theo Grant.')).toBeTruthy();
    // Focus goes back to where it was.
    expect(document.activeElement).toBe(within(updated).getByRole('button', { name: 'Assign “Mic the kit”' }));
  });

  it('says when no rule is broken, and Escape cancels without writing', async () => {
    const api = setup([mic], { [`POST /tasks/${mic.id}/assignment-check`]: () => json({ warnings: [] }) });
    await loaded();
    fireEvent.click(within(card('Mic the kit')).getByRole('button', { name: 'Assign “Mic the kit”' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /^Maya Okafor/ }));
    expect(await within(dialog).findByText('No routing rule is broken.')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Assign' })).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Assign anyway' })).toBeNull();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.writes().filter((c) => c.method === 'PATCH')).toEqual([]);
  });

  it('re-routes a task and shows the history of its assignments', async () => {
    const history: TaskAssignment[] = [
      { id: 'a1', assignee: SAM, by: null, manual: false, rule: 'session_staff', reason: 'Sam Reyes is the session’s engineer.', warnings: [], at: '2026-11-24T08:00:00.000Z' },
      {
        id: 'a2',
        assignee: THEO,
        by: MAYA,
        manual: true,
        rule: 'manual',
        reason: 'Knows the kit.',
        warnings: [{ code: 'wrong_role', rule: 'role_match', message: 'Theo Grant is an assistant engineer.' }],
        at: '2026-11-24T09:00:00.000Z',
      },
    ];
    const byHand = { ...mic, assignee: THEO, assignedManually: true };
    const api = setup([byHand], {
      [`POST /tasks/${mic.id}/reroute`]: () => json({ ...mic, assignee: SAM, assignedManually: false, routingReason: 'Back to Sam Reyes.', version: 5 }),
      [`GET /tasks/${mic.id}/assignments`]: () => json({ assignments: history }),
    });
    await loaded();

    fireEvent.click(within(card('Mic the kit')).getByRole('button', { name: 'Assignment history of “Mic the kit”' }));
    const list = await screen.findByRole('list', { name: 'Assignment history of “Mic the kit”, newest first' });
    const entries = within(list).getAllByRole('listitem').filter((li) => li.parentElement === list);
    expect(entries.map((li) => li.querySelector('.history__what')?.textContent)).toEqual(['By hand → Theo Grant', 'Routed → Sam Reyes']);
    expect(entries[0]?.textContent).toContain('by Maya Okafor');
    expect(entries[0]?.textContent).toContain('Theo Grant is an assistant engineer.');
    expect(entries[1]?.textContent).toContain('by Patchbay');
    expect(entries[1]?.textContent).toContain("Rule: the session's own staff");

    fireEvent.click(within(card('Mic the kit')).getByRole('button', { name: /^Re-route “Mic the kit”/ }));
    await waitFor(() => expect(within(card('Mic the kit')).queryByText('by hand')).toBeNull());
    expect(card('Mic the kit').textContent).toContain('Sam Reyes');
    expect(api.writes().find((c) => c.path === `/tasks/${mic.id}/reroute`)?.body).toEqual({ version: 3 });
    // The history is asked again for the new version.
    await waitFor(() => expect(api.calls.filter((c) => c.path === `/tasks/${mic.id}/assignments`)).toHaveLength(2));
  });

  it('a refused re-route says why', async () => {
    setup([mic], { [`POST /tasks/${mic.id}/reroute`]: () => apiError(403, 'FORBIDDEN', 'You may not assign tasks in this session') });
    await loaded();
    fireEvent.click(within(card('Mic the kit')).getByRole('button', { name: /^Re-route “Mic the kit”/ }));
    expect(await screen.findByText('Couldn\'t re-route “Mic the kit”.')).toBeTruthy();
    expect(screen.getByText('You may not assign tasks in this session')).toBeTruthy();
  });
});

describe('what each role sees on a board', () => {
  it('an engineer has no New task, moves only their own tasks, and deletes nothing', async () => {
    setup([mic, mine, theirs], { 'GET /auth/me': () => json(meAs('ENGINEER', SAM)) });
    await loaded();
    expect(screen.queryByRole('button', { name: /New task/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Delete/ })).toBeNull();

    // Sam's own tasks can be moved...
    expect(within(card('Patch the outboard')).getByRole('button', { name: /^Start: move/ })).toBeTruthy();
    // ...Theo's can't.
    expect(within(card('Print stems')).queryByRole('button', { name: /^Start: move/ })).toBeNull();
    expect(within(card('Print stems')).queryByRole('button', { name: /Move “Print stems” to another column/ })).toBeNull();
    // Sam staffs the session, so he may reassign.
    expect(within(card('Print stems')).getByRole('button', { name: 'Assign “Print stems”' })).toBeTruthy();
  });

  it('an engineer not on the session (and without tasks in it) cannot assign', async () => {
    const lena = { id: '44444444-4444-4444-8444-444444444449', name: 'Lena Park' };
    mockApi({
      'GET /auth/me': () => json(meAs('ENGINEER', lena)),
      'GET /studio': () => json(studio),
      'GET /task-kinds': () => json(taskKinds),
      [BOARD]: () => json(makeSnapshot([mic], 10, makeSession({ seq: 10 }))),
    });
    renderApp(`/sessions/${SESSION_ID}`);
    await loaded();
    expect(within(card('Mic the kit')).queryByRole('button', { name: /^Assign “/ })).toBeNull();
    expect(within(card('Mic the kit')).queryByRole('button', { name: /^Re-route/ })).toBeNull();
    expect(within(card('Mic the kit')).getByRole('button', { name: /^Assignment history/ })).toBeTruthy();
  });

  it('a producer of the session sees every control', async () => {
    setup([mic]);
    await loaded();
    expect(screen.getByRole('button', { name: /New task/ })).toBeTruthy();
    const c = card('Mic the kit');
    for (const name of [/^Start: move/, /^Delete/, /^Assign “/, /^Re-route/]) expect(within(c).getByRole('button', { name })).toBeTruthy();
  });

  it('an engineer sees My day, Sessions, Calendar, Workload and Studio (for templates) in the menu', async () => {
    setup([mic], { 'GET /auth/me': () => json(meAs('ENGINEER', SAM)) });
    await loaded();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['My day', 'Sessions', 'Calendar', 'Workload', 'Studio']);
  });

  it('a guest opening a board is taken to their own page (Your sessions), asking nothing of the board or the studio', async () => {
    const ada = { id: '44444444-4444-4444-8444-444444444450', name: 'Ada Quinn' };
    const api = setup([mic], { 'GET /auth/me': () => json(meAs('GUEST', ada)), 'GET /artist/sessions': () => json({ timeZone: 'Europe/London', from: '2026-11-23T10:00:00.000Z', sessions: [] }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Your sessions' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /New task/ })).toBeNull();
    expect(api.calls.some((c) => c.path === '/studio' || c.path.startsWith('/sessions'))).toBe(false);
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getAllByRole('link').map((a) => a.textContent)).toEqual(['Your sessions']);
  });
});
