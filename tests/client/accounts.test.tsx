import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSession, studio } from './fixtures';
import { apiError, json, meAs, mockApi, renderApp } from './harness';

const signedOut = () => apiError(401, 'UNAUTHENTICATED', 'Sign in to continue');
const NINA = { id: '44444444-4444-4444-8444-444444444400', name: 'Nina Alvarez' };
const TOKEN = 'tok_0123456789abcdefghijkl';

describe('first run', () => {
  it('creates the studio and its admin, then opens the studio set-up', async () => {
    let me: unknown = null;
    const api = mockApi({
      'GET /auth/me': () => (me ? json(me) : signedOut()),
      'GET /setup': () => json({ needsSetup: me === null }),
      'POST /setup': () => {
        me = meAs('ADMIN', NINA);
        return json(me, 201);
      },
      'GET /studio': () => json(studio),
    });
    renderApp('/setup');
    await screen.findByRole('heading', { level: 1, name: 'Set up Patchbay' });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create studio and sign in' }));
    expect(await screen.findByText('Give the studio a name.')).toBeTruthy();
    expect(screen.getByText('Use at least 10 characters.')).toBeTruthy();
    expect(api.writes()).toEqual([]);

    fireEvent.change(screen.getByLabelText('Studio name'), { target: { value: 'Blackbird Lane Studios' } });
    fireEvent.change(screen.getByLabelText('Time zone'), { target: { value: 'Europe/London' } });
    fireEvent.change(screen.getByLabelText('Your name'), { target: { value: 'Nina Alvarez' } });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'nina@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'a long enough password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create studio and sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Studio' }, { timeout: 5000 })).toBeTruthy();
    expect(api.writes()[0]?.body).toEqual({ studioName: 'Blackbird Lane Studios', timezone: 'Europe/London', name: 'Nina Alvarez', email: 'nina@example.com', password: 'a long enough password' });
  });
});

describe('accepting an invitation', () => {
  it('shows what the link offers, and joins with a name and password', async () => {
    let me: unknown = null;
    const api = mockApi({
      'GET /auth/me': () => (me ? json(me) : signedOut()),
      [`GET /invitations/by-token/${TOKEN}`]: () => json({ studio: 'Blackbird Lane Studios', email: 'theo@example.com', name: 'Theo', accessRole: 'ASSISTANT_ENGINEER', expiresAt: '2026-12-01T10:00:00.000Z' }),
      [`POST /invitations/by-token/${TOKEN}/accept`]: () => {
        me = meAs('ASSISTANT_ENGINEER', { id: '44444444-4444-4444-8444-444444444443', name: 'Theo Grant' });
        return json(me, 201);
      },
      'GET /studio': () => json(studio),
      'GET /sessions': () => json({ sessions: [makeSession()] }),
      'GET /me/agenda': () => json({ from: '2026-11-24T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', sessions: [], tasks: [] }),
    });
    renderApp(`/invite/${TOKEN}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Join Blackbird Lane Studios' })).toBeTruthy();
    expect(screen.getByText('Assistant engineer')).toBeTruthy();
    expect(screen.getByText('theo@example.com')).toBeTruthy();
    expect((screen.getByLabelText('Your name') as HTMLInputElement).value).toBe('Theo');

    fireEvent.change(screen.getByLabelText('Your name'), { target: { value: 'Theo Grant' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'tuned the C7 twice' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join Blackbird Lane Studios' }));

    // An assistant engineer lands on their day.
    expect(await screen.findByRole('heading', { level: 1, name: 'My day' })).toBeTruthy();
    expect(api.writes()[0]?.body).toEqual({ name: 'Theo Grant', password: 'tuned the C7 twice' });
  });

  it('says when the link was used or has expired', async () => {
    mockApi({
      'GET /auth/me': signedOut,
      [`GET /invitations/by-token/${TOKEN}`]: () => apiError(404, 'NOT_FOUND', 'This invitation link is not valid any more; ask for a new one'),
    });
    renderApp(`/invite/${TOKEN}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'This invitation can’t be used' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/sign-in');
  });
});

describe('account page', () => {
  const browsers = {
    sessions: [
      { id: '13131313-1313-4131-8131-000000000001', current: true, createdAt: '2026-11-20T09:00:00.000Z', lastSeenAt: '2026-11-24T10:00:00.000Z', expiresAt: '2026-12-20T09:00:00.000Z', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0' },
      { id: '13131313-1313-4131-8131-000000000002', current: false, createdAt: '2026-11-01T09:00:00.000Z', lastSeenAt: '2026-11-10T10:00:00.000Z', expiresAt: '2026-12-01T09:00:00.000Z', userAgent: 'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) Version/17.0 Mobile Safari/604.1' },
    ],
  };

  it('changes the password: checks both new ones agree, and says when the current one is wrong', async () => {
    let attempts = 0;
    const api = mockApi({
      'GET /auth/sessions': () => json(browsers),
      'POST /auth/password': () => {
        attempts += 1;
        return attempts === 1
          ? apiError(400, 'VALIDATION_FAILED', 'The current password is not right', { issues: [{ location: 'body', path: 'currentPassword', message: 'is not right' }] })
          : new Response(null, { status: 204 });
      },
    });
    renderApp('/account');
    await screen.findByRole('heading', { level: 1, name: 'Account' });
    fireEvent.change(screen.getByLabelText('Current password'), { target: { value: 'old password' } });
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'a brand new password' } });
    fireEvent.change(screen.getByLabelText('New password again'), { target: { value: 'a brand new passwort' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('The two new passwords are not the same.')).toBeTruthy();
    expect(api.writes()).toEqual([]);

    fireEvent.change(screen.getByLabelText('New password again'), { target: { value: 'a brand new password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('That is not your current password.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Current password'), { target: { value: 'the real old one' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('Password changed.')).toBeTruthy();
    expect(api.writes().at(-1)?.body).toEqual({ currentPassword: 'the real old one', newPassword: 'a brand new password' });
    expect((screen.getByLabelText('Current password') as HTMLInputElement).value).toBe('');
  });

  it('lists the signed-in browsers and signs another one out', async () => {
    let list = browsers;
    const other = browsers.sessions[1]!;
    const api = mockApi({
      'GET /auth/sessions': () => json(list),
      [`DELETE /auth/sessions/${other.id}`]: () => {
        list = { sessions: [browsers.sessions[0]!] };
        return new Response(null, { status: 204 });
      },
    });
    renderApp('/account');
    const region = await screen.findByRole('region', { name: 'Signed-in browsers' });
    await within(region).findByText('Firefox on Linux');
    expect(within(region).getByText('This browser')).toBeTruthy();
    expect(within(region).getByText('Safari on iOS')).toBeTruthy();
    fireEvent.click(within(region).getByRole('button', { name: /^Sign out Safari on iOS/ }));
    await waitFor(() => expect(within(region).queryByText('Safari on iOS')).toBeNull());
    expect(api.writes()[0]).toMatchObject({ method: 'DELETE', path: `/auth/sessions/${other.id}` });
  });
});
