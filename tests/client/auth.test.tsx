import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SESSION_ID, makeSession, makeSnapshot, makeTask, studio, taskKinds } from './fixtures';
import { FakeRealtime, apiError, json, meAs, mockApi, renderApp } from './harness';

const signedOut = () => apiError(401, 'UNAUTHENTICATED', 'Sign in to continue');

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function signInForm() {
  fill('Email', 'maya@example.com');
  fill('Password', 'correct horse battery');
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('sign-in', () => {
  it('sends signed-out visitors to the sign-in page, signs in and opens the app', async () => {
    let signedIn = false;
    const api = mockApi({
      'GET /auth/me': () => (signedIn ? json(meAs()) : signedOut()),
      'GET /setup': () => json({ needsSetup: false }),
      'POST /auth/sign-in': () => {
        signedIn = true;
        return json(meAs());
      },
      'GET /studio': () => json(studio),
      'GET /sessions': () => json({ sessions: [makeSession()] }),
    });
    const { realtime } = renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    // Nobody signed in: no socket either.
    expect(realtime.lifecycle).not.toContain('connect');

    signInForm();
    expect(await screen.findByRole('heading', { level: 1, name: 'Sessions' })).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'POST' && c.path === '/auth/sign-in')?.body).toEqual({ email: 'maya@example.com', password: 'correct horse battery' });
    // The header shows the studio and who is signed in.
    const header = screen.getByRole('banner');
    expect(within(header).getByText('Blackbird Lane Studios')).toBeTruthy();
    expect(within(header).getByRole('button', { name: 'Maya Okafor, Producer: account menu' })).toBeTruthy();
    expect(realtime.lifecycle.at(-1)).toBe('connect');
  });

  it('says so when the email and password do not match, and clears the password', async () => {
    mockApi({
      'GET /auth/me': signedOut,
      'GET /setup': () => json({ needsSetup: false }),
      'POST /auth/sign-in': () => apiError(401, 'UNAUTHENTICATED', 'Email or password is not right'),
    });
    renderApp('/sign-in');
    await screen.findByRole('heading', { name: 'Sign in' });
    signInForm();

    const message = await screen.findByText(/That email and password don’t match an account/);
    expect(message.closest('[role="alert"]')).not.toBeNull();
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(screen.getByLabelText('Password'));
    // Still on the sign-in page: a wrong password is not "signed out elsewhere".
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
  });

  it('explains rate limiting (429) with the wait the server asks for', async () => {
    mockApi({
      'GET /auth/me': signedOut,
      'GET /setup': () => json({ needsSetup: false }),
      'POST /auth/sign-in': () =>
        new Response(JSON.stringify({ error: { code: 'RATE_LIMITED', message: 'Too many attempts; wait a few minutes and try again' } }), {
          status: 429,
          headers: { 'content-type': 'application/json', 'retry-after': '300' },
        }),
    });
    renderApp('/sign-in');
    await screen.findByRole('heading', { name: 'Sign in' });
    signInForm();

    const message = await screen.findByText('Too many sign-in attempts. Wait 5 minutes, then try again.');
    expect(message.closest('[role="alert"]')).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('checks the fields before asking the server', async () => {
    const api = mockApi({ 'GET /auth/me': signedOut, 'GET /setup': () => json({ needsSetup: false }) });
    renderApp('/sign-in');
    await screen.findByRole('heading', { name: 'Sign in' });
    fill('Email', 'not-an-email');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter an email address like name@studio.com.')).toBeTruthy();
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect(api.writes()).toEqual([]);
  });

  it('goes to first-run set-up when Patchbay has no studio yet', async () => {
    mockApi({ 'GET /auth/me': signedOut, 'GET /setup': () => json({ needsSetup: true }) });
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Set up Patchbay' })).toBeTruthy();
    // The time zone defaults to the browser's own.
    const zone = screen.getByLabelText('Time zone') as HTMLSelectElement;
    expect(zone.value).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});

describe('signed out while using the app', () => {
  it('an API call answering 401 goes to sign-in, and signing in comes back to the same board', async () => {
    let signedIn = true;
    const board = `GET /sessions/${SESSION_ID}/board`;
    mockApi({
      'GET /auth/me': () => (signedIn ? json(meAs()) : signedOut()),
      'GET /setup': () => json({ needsSetup: false }),
      'GET /studio': () => json(studio),
      'GET /task-kinds': () => json(taskKinds),
      'GET /sessions': () => json({ sessions: [makeSession()] }),
      [board]: () => {
        // The sign-in ended (revoked elsewhere) between loading the app and opening the board.
        signedIn = false;
        return signedOut();
      },
      'POST /auth/sign-in': () => {
        signedIn = true;
        return json(meAs());
      },
    });
    const { realtime } = renderApp(`/sessions/${SESSION_ID}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(realtime.lifecycle.at(-1)).toBe('disconnect');

    // Back where we were once signed in again.
    const api = mockApi({
      'GET /auth/me': () => json(meAs()),
      'GET /studio': () => json(studio),
      'GET /task-kinds': () => json(taskKinds),
      'POST /auth/sign-in': () => json(meAs()),
      [board]: () => json(makeSnapshot([makeTask(1, { title: 'Mic the kit' })])),
    });
    signInForm();
    expect(await screen.findByRole('heading', { level: 1, name: 'Drum tracking' })).toBeTruthy();
    expect(await screen.findByRole('article', { name: 'Mic the kit' })).toBeTruthy();
    expect(api.calls.some((c) => c.path === `/sessions/${SESSION_ID}/board`)).toBe(true);
  });

  it('a socket dropped by the server re-checks the sign-in: revoked goes to sign-in', async () => {
    let signedIn = true;
    const api = mockApi({
      'GET /auth/me': () => (signedIn ? json(meAs()) : signedOut()),
      'GET /setup': () => json({ needsSetup: false }),
      'GET /studio': () => json(studio),
      'GET /sessions': () => json({ sessions: [makeSession()] }),
    });
    const realtime = new FakeRealtime();
    renderApp('/', realtime);
    await screen.findByRole('heading', { level: 1, name: 'Sessions' });
    const meCalls = () => api.calls.filter((c) => c.path === '/auth/me').length;
    const before = meCalls();

    // Still signed in (e.g. the access role changed): reconnect.
    realtime.refuse();
    await waitFor(() => expect(meCalls()).toBe(before + 1));
    await waitFor(() => expect(realtime.lifecycle.at(-1)).toBe('connect'));
    expect(screen.getByRole('heading', { level: 1, name: 'Sessions' })).toBeTruthy();

    // Revoked: the check answers 401 and the app goes to the sign-in page.
    signedIn = false;
    realtime.refuse();
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' }, { timeout: 3000 })).toBeTruthy();
  });

  it('signs out from the account menu', async () => {
    const api = mockApi({
      'GET /setup': () => json({ needsSetup: false }),
      'GET /studio': () => json(studio),
      'GET /sessions': () => json({ sessions: [] }),
      'POST /auth/sign-out': () => new Response(null, { status: 204 }),
    });
    renderApp('/');
    const menu = await screen.findByRole('button', { name: /account menu/ });
    fireEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('link', { name: 'Account' }).getAttribute('href')).toBe('/account');
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(api.writes().map((c) => `${c.method} ${c.path}`)).toEqual(['POST /auth/sign-out']);
  });
});
