import type { Session } from '@patchbay/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAYA, PROJECT_ID, ROOM_B, SAM, THEO, makeSession, studio } from './fixtures';
import { apiError, json, meAs, mockApi, renderApp } from './harness';

const field = (label: string | RegExp) => screen.getByLabelText(label) as HTMLInputElement;
const change = (label: string | RegExp, value: string) => fireEvent.change(field(label), { target: { value } });

describe('booking a session', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-24T11:00:00.000Z') });
  });

  function openForm(routes: Parameters<typeof mockApi>[0] = {}) {
    const api = mockApi({
      'GET /studio': () => json(studio),
      'GET /sessions': () => json({ sessions: [makeSession()] }),
      ...routes,
    });
    renderApp('/');
    return api;
  }

  it('turns studio-time fields into instants and books the session', async () => {
    const booked: Session = makeSession({ id: '88888888-8888-4888-8888-000000000009', title: 'Strings', status: 'PLANNED' });
    const api = openForm({ 'POST /sessions': () => json(booked, 201) });
    fireEvent.click(await screen.findByRole('button', { name: /Book session/ }));
    expect(screen.getByText(/Times are studio time: Europe\/London/)).toBeTruthy();
    change('Title', 'Strings');
    change('Project', PROJECT_ID);
    change('Room', ROOM_B);
    change('Day', '2026-11-26');
    change('Starts', '22:00');
    change('Ends', '02:00');
    change('Producer', MAYA.id);
    change('Engineer', SAM.id);
    // An end before the start is never guessed to be the next day (it used to become a 24-hour session).
    fireEvent.click(screen.getByRole('button', { name: 'Confirm booking' }));
    expect(await screen.findByText(/The end must be after the start\. For a session past midnight, tick “Ends the next day”\./)).toBeTruthy();
    expect(api.writes()).toEqual([]);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Ends the next day' }));
    expect(screen.getByText('Ends Fri 27 Nov.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Confirm booking' }));

    await screen.findByText('Booked “Strings”.');
    expect(api.writes()[0]?.body).toEqual({
      title: 'Strings',
      projectId: PROJECT_ID,
      roomId: ROOM_B,
      startsAt: '2026-11-26T22:00:00.000Z',
      endsAt: '2026-11-27T02:00:00.000Z',
      producerId: MAYA.id,
      engineerId: SAM.id,
      hold: 'CONFIRMED',
    });
    // The form closes and the list is asked again.
    expect(screen.queryByRole('button', { name: 'Confirm booking' })).toBeNull();
    await waitFor(() => expect(api.calls.filter((c) => c.path === '/sessions' && c.method === 'GET').length).toBeGreaterThan(1));
  });

  it('shows each clash of a double booking by name (409 BOOKING_CONFLICT)', async () => {
    const conflicts = [
      { kind: 'room', sessionId: makeSession().id, title: 'Drum tracking', startsAt: '2026-11-24T10:00:00.000Z', endsAt: '2026-11-24T20:00:00.000Z', message: "Live Room A is booked for 'Drum tracking' 10:00–20:00." },
      { kind: 'engineer', sessionId: makeSession().id, title: 'Drum tracking', startsAt: '2026-11-24T10:00:00.000Z', endsAt: '2026-11-24T20:00:00.000Z', memberId: SAM.id, message: "Sam Reyes is engineering 'Drum tracking' 10:00–20:00." },
    ];
    const api = openForm({ 'POST /sessions': () => apiError(409, 'BOOKING_CONFLICT', `${conflicts[0]!.message} (and 1 more)`, { conflicts }) });
    fireEvent.click(await screen.findByRole('button', { name: /Book session/ }));
    change('Title', 'Overdubs');
    change('Project', PROJECT_ID);
    change('Room', studio.rooms[0]!.id);
    change('Day', '2026-11-24');
    change('Starts', '12:00');
    change('Ends', '15:00');
    change('Engineer', SAM.id);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm booking' }));

    const heading = await screen.findByText('This is a double booking (2 clashes):');
    const box = heading.closest('[role="alert"]') as HTMLElement;
    expect(within(box).getAllByRole('listitem').map((li) => li.textContent)).toEqual(conflicts.map((c) => c.message));
    expect(api.writes()).toHaveLength(1);
    // The form stays open with what was typed.
    expect(field('Title').value).toBe('Overdubs');
  });

  it('checks the fields first and puts the server’s validation next to the field', async () => {
    const api = openForm({
      'POST /sessions': () => apiError(400, 'VALIDATION_FAILED', 'Invalid body.engineerId', { issues: [{ location: 'body', path: 'engineerId', message: 'Theo Grant is not an engineer' }] }),
    });
    fireEvent.click(await screen.findByRole('button', { name: /Book session/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm booking' }));
    expect(await screen.findByText('Give the session a title.')).toBeTruthy();
    expect(screen.getByText('Choose the project.')).toBeTruthy();
    expect(screen.getByText('Choose the room.')).toBeTruthy();
    expect(api.writes()).toEqual([]);

    change('Title', 'Overdubs');
    change('Project', PROJECT_ID);
    change('Room', ROOM_B);
    change('Engineer', THEO.id);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm booking' }));
    const message = await screen.findByText('The server says: Theo Grant is not an engineer.');
    expect(field('Engineer').getAttribute('aria-describedby')).toContain(message.id);
    expect(field('Engineer').getAttribute('aria-invalid')).toBe('true');
  });

  it('is not offered to engineers', async () => {
    mockApi({ 'GET /auth/me': () => json(meAs('ENGINEER', SAM)), 'GET /studio': () => json(studio), 'GET /sessions': () => json({ sessions: [makeSession()] }) });
    renderApp('/sessions');
    await screen.findByRole('link', { name: 'Drum tracking' });
    expect(screen.queryByRole('button', { name: /Book session/ })).toBeNull();
  });
});

describe('studio admin', () => {
  it('shows the tabs each role may use', async () => {
    mockApi({ 'GET /studio': () => json(studio) });
    const { unmount } = renderApp('/studio');
    // A producer: projects, templates and sessions only; the first one opens.
    const tabs = await screen.findByRole('navigation', { name: 'Studio sections' });
    expect(within(tabs).getAllByRole('link').map((a) => a.textContent)).toEqual(['Projects', 'Templates', 'Sessions']);
    expect(await screen.findByRole('columnheader', { name: 'Lead producer' })).toBeTruthy();
    unmount();

    mockApi({ 'GET /auth/me': () => json(meAs('ADMIN', { id: '44444444-4444-4444-8444-444444444400', name: 'Nina Alvarez' })), 'GET /studio': () => json(studio), 'GET /invitations': () => json({ invitations: [] }) });
    renderApp('/studio/members');
    const adminTabs = await screen.findByRole('navigation', { name: 'Studio sections' });
    expect(within(adminTabs).getAllByRole('link').map((a) => a.textContent)).toEqual(['Rooms', 'Gear', 'Members', 'Projects', 'Task kinds', 'Templates', 'Sessions', 'Audit log']);
  });

  it('creates an invitation and shows its link once, to copy', async () => {
    const writeText = vi.fn<(text: string) => Promise<void>>(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const invitation = {
      id: '12121212-1212-4121-8121-121212121212',
      email: 'lena@example.com',
      name: 'Lena Park',
      accessRole: 'ENGINEER',
      roles: ['ENGINEER'],
      // A week from whenever the test runs: pending, not expired (a fixed date expired once the day came).
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      usedAt: null,
      revokedAt: null,
      createdAt: '2026-11-24T10:00:00.000Z',
      invitedBy: 'Nina Alvarez',
    };
    let invitations: unknown[] = [];
    const api = mockApi({
      'GET /auth/me': () => json(meAs('ADMIN', { id: '44444444-4444-4444-8444-444444444400', name: 'Nina Alvarez' })),
      'GET /studio': () => json(studio),
      'GET /invitations': () => json({ invitations }),
      'POST /invitations': () => {
        invitations = [invitation];
        return json({ invitation, token: 'tok_0123456789abcdefghij', path: '/invite/tok_0123456789abcdefghij' }, 201);
      },
    });
    renderApp('/studio/members');
    const form = await screen.findByRole('form', { name: 'Invite someone' });
    fireEvent.change(within(form).getByLabelText('Email'), { target: { value: 'lena@example.com' } });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Lena Park' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create invitation link' }));

    const link = (await screen.findByLabelText('Invitation link')) as HTMLInputElement;
    expect(link.value).toBe(`${window.location.origin}/invite/tok_0123456789abcdefghij`);
    expect(api.writes()[0]?.body).toEqual({ email: 'lena@example.com', name: 'Lena Park', accessRole: 'ENGINEER', roles: ['ENGINEER'], projectIds: [] });
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByText('Copied to the clipboard.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(link.value);
    // The pending list shows it, with a way to revoke it.
    expect(await screen.findByRole('button', { name: 'Revoke the invitation for lena@example.com' })).toBeTruthy();
  });

  it('changes a member’s access role, and signs someone out everywhere after confirming', async () => {
    const api = mockApi({
      'GET /auth/me': () => json(meAs('ADMIN', { id: '44444444-4444-4444-8444-444444444400', name: 'Nina Alvarez' })),
      'GET /studio': () => json(studio),
      'GET /invitations': () => json({ invitations: [] }),
      [`PUT /members/${SAM.id}/access`]: () => json({ ...studio.members[1], accessRole: 'PRODUCER' }),
      [`DELETE /members/${SAM.id}/sessions`]: () => new Response(null, { status: 204 }),
    });
    renderApp('/studio/members');
    fireEvent.change(await screen.findByLabelText('Access role of Sam Reyes'), { target: { value: 'PRODUCER' } });
    expect(await screen.findByText('Sam Reyes is now Producer.')).toBeTruthy();
    expect(api.writes()[0]).toMatchObject({ method: 'PUT', path: `/members/${SAM.id}/access`, body: { accessRole: 'PRODUCER' } });

    fireEvent.click(screen.getByRole('button', { name: 'Sign Sam Reyes out everywhere' }));
    expect(api.writes()).toHaveLength(1);
    const confirm = screen.getByRole('group', { name: 'Sign Sam Reyes out of every browser?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Sign out everywhere' }));
    expect(await screen.findByText('Sam Reyes is signed out everywhere.')).toBeTruthy();
    expect(api.writes()[1]).toMatchObject({ method: 'DELETE', path: `/members/${SAM.id}/sessions` });
    // Theo has no account: nothing to sign out.
    expect(screen.queryByRole('button', { name: 'Sign Theo Grant out everywhere' })).toBeNull();
  });

  it('adds a room and shows the server’s validation next to the field', async () => {
    const api = mockApi({
      'GET /auth/me': () => json(meAs('ADMIN', { id: '44444444-4444-4444-8444-444444444400', name: 'Nina Alvarez' })),
      'GET /studio': () => json(studio),
      'POST /rooms': () => apiError(400, 'VALIDATION_FAILED', 'Invalid body.name', { issues: [{ location: 'body', path: 'name', message: 'is already used by another room' }] }),
    });
    renderApp('/studio/rooms');
    fireEvent.click(await screen.findByRole('button', { name: /Add room/ }));
    const form = screen.getByRole('form', { name: 'New room' });
    fireEvent.click(within(form).getByRole('button', { name: 'Add room' }));
    expect(await within(form).findByText('Give the room a name.')).toBeTruthy();
    expect(api.writes()).toEqual([]);

    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Live Room A' } });
    // Prep and teardown are whole minutes up to 4 hours.
    fireEvent.change(within(form).getByLabelText('Prep (min)'), { target: { value: '300' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add room' }));
    expect(await within(form).findByText('Give minutes, from 0 to 240.')).toBeTruthy();
    expect(api.writes()).toEqual([]);
    fireEvent.change(within(form).getByLabelText('Prep (min)'), { target: { value: '45' } });
    fireEvent.change(within(form).getByLabelText('Teardown (min)'), { target: { value: '30' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add room' }));
    expect(await within(form).findByText('The server says: is already used by another room.')).toBeTruthy();
    expect(api.writes()[0]?.body).toEqual({ name: 'Live Room A', kind: 'CONTROL_ROOM', notes: '', prepMinutes: 45, teardownMinutes: 30 });
  });

  it('the audit log lists entries for admins only', async () => {
    mockApi({
      'GET /auth/me': () => json(meAs('ADMIN', { id: '44444444-4444-4444-8444-444444444400', name: 'Nina Alvarez' })),
      'GET /audit': () =>
        json({
          entries: [
            {
              id: 'e1', at: '2026-11-24T10:02:00.000Z', actor: MAYA, action: 'task.assigned_by_hand', entityType: 'task', entityId: '55555555-5555-4555-8555-000000000001',
              entityName: 'Comp the lead vocal', details: { assignee: 'Theo Grant', rule: 'session_staff', reason: 'Maya picked Theo.', warnings: ['double_booked'] },
            },
            { id: 'e2', at: '2026-11-24T09:00:00.000Z', actor: null, action: 'auth.sign_in_failed', entityType: 'member', entityId: '44444444-4444-4444-8444-444444444401', entityName: 'Maya Okafor', details: {} },
          ],
        }),
    });
    renderApp('/studio/audit');
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Task assigned by hand', 'Sign-in failed (wrong password)']);
    expect(rows[0]?.textContent).toContain('Maya Okafor');
    expect(rows[0]?.textContent).toContain('Comp the lead vocal');
    expect(rows[0]?.textContent).toContain('Assigned toTheo Grant');
    expect(rows[0]?.textContent).toContain("Decided bythe session's own staff");
    expect(rows[0]?.textContent).toContain('WarningsDouble booked');
    expect(rows[1]?.textContent).toContain('System');
    // Words, not ids or keys.
    for (const row of rows) expect(row.textContent).not.toMatch(/[0-9a-f]{8}|assigneeId|session_staff|entityId/);
  });

  it('engineers have no studio pages', async () => {
    const api = mockApi({ 'GET /auth/me': () => json(meAs('ENGINEER', SAM)) });
    renderApp('/studio/audit');
    expect(await screen.findByText('You don’t have access to the audit log')).toBeTruthy();
    expect(api.calls.some((c) => c.path === '/audit')).toBe(false);
  });
});
