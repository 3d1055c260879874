import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ROOM_A, SAM, studio } from './fixtures';
import { json, meAs, mockApi, renderApp } from './harness';

const NINA = { id: '44444444-4444-4444-8444-444444444400', name: 'Nina Alvarez' };
const ADA = { id: '44444444-4444-4444-8444-444444444499', name: 'Ada Quinn' };
const FIRST = `https://patchbay.test/feeds/${'a'.repeat(43)}.ics`;
const SECOND = `https://patchbay.test/feeds/${'b'.repeat(43)}.ics`;
const noContent = () => new Response(null, { status: 204 });

describe('calendar feed on the account page', () => {
  it('makes a link, copies it, gets a new one after asking, and turns the feed off after asking', async () => {
    let feed: { url: string | null; createdAt: string | null } = { url: null, createdAt: null };
    const links = [FIRST, SECOND];
    const api = mockApi({
      'GET /auth/me': () => json(meAs('ENGINEER', SAM)),
      'GET /auth/sessions': () => json({ sessions: [] }),
      'GET /feeds/me': () => json(feed),
      'POST /feeds/me': () => {
        feed = { url: links.shift()!, createdAt: '2026-11-24T10:00:00.000Z' };
        return json(feed);
      },
      'DELETE /feeds/me': () => {
        feed = { url: null, createdAt: null };
        return noContent();
      },
    });
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    renderApp('/account');

    const panel = (await screen.findByRole('heading', { name: 'Calendar feed' })).closest('section')!;
    const inPanel = within(panel as HTMLElement);
    expect(inPanel.getByText(/refresh subscriptions only every few hours/)).toBeTruthy();
    expect(await inPanel.findByText('The calendar feed is off: there is no link.')).toBeTruthy();
    fireEvent.click(inPanel.getByRole('button', { name: 'Get a calendar link for you' }));

    const field = (await inPanel.findByLabelText('Subscription link')) as HTMLInputElement;
    expect(field.value).toBe(FIRST);
    expect(field.readOnly).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(inPanel.getByRole('link', { name: 'Open in your calendar app' }).getAttribute('href')).toBe(`webcal://patchbay.test/feeds/${'a'.repeat(43)}.ics`);
    // Made at 10:00 UTC = 10:00 in London in November.
    expect(inPanel.getByText(/Made .*10:00/)).toBeTruthy();

    fireEvent.click(inPanel.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(FIRST));
    expect((await inPanel.findByRole('status')).textContent).toContain('Copied.');

    // A new link asks first; Cancel changes nothing.
    fireEvent.click(inPanel.getByRole('button', { name: 'Get a new calendar link for you' }));
    const asking = inPanel.getByRole('group', { name: /The old link stops working/ });
    fireEvent.click(within(asking).getByRole('button', { name: 'Cancel' }));
    expect(api.writes()).toHaveLength(1);
    fireEvent.click(inPanel.getByRole('button', { name: 'Get a new calendar link for you' }));
    fireEvent.click(within(inPanel.getByRole('group', { name: /The old link stops working/ })).getByRole('button', { name: 'Get a new link' }));
    await waitFor(() => expect(((inPanel.getByLabelText('Subscription link')) as HTMLInputElement).value).toBe(SECOND));
    expect(await screen.findByText('New calendar link ready.')).toBeTruthy();

    fireEvent.click(inPanel.getByRole('button', { name: 'Turn off the calendar feed for you' }));
    fireEvent.click(within(inPanel.getByRole('group', { name: /Turn the feed off\?/ })).getByRole('button', { name: 'Turn off' }));
    expect(await inPanel.findByText('The calendar feed is off: there is no link.')).toBeTruthy();
    expect(inPanel.queryByLabelText('Subscription link')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(inPanel.getByRole('button', { name: 'Get a calendar link for you' })));
    expect(api.writes().map((c) => `${c.method} ${c.path}`)).toEqual(['POST /feeds/me', 'POST /feeds/me', 'DELETE /feeds/me']);
  });

  it('is not offered to guests', async () => {
    const api = mockApi({
      'GET /auth/me': () => json(meAs('GUEST', ADA)),
      'GET /auth/sessions': () => json({ sessions: [] }),
    });
    renderApp('/account');
    expect(await screen.findByRole('heading', { name: 'Signed-in browsers' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Calendar feed' })).toBeNull();
    expect(api.calls.some((c) => c.path.startsWith('/feeds'))).toBe(false);
  });
});

describe("a room's calendar feed in Studio → Rooms", () => {
  it('opens in a dialog with the link, and turns off after asking', async () => {
    const url = `https://patchbay.test/feeds/${'r'.repeat(43)}.ics`;
    let feed: { url: string | null; createdAt: string | null } = { url, createdAt: '2026-11-20T09:00:00.000Z' };
    const api = mockApi({
      'GET /auth/me': () => json(meAs('ADMIN', NINA)),
      'GET /studio': () => json(studio),
      'GET /gear': () => json({ items: [] }),
      [`GET /rooms/${ROOM_A}/feed`]: () => json(feed),
      [`DELETE /rooms/${ROOM_A}/feed`]: () => {
        feed = { url: null, createdAt: null };
        return noContent();
      },
    });
    renderApp('/studio/rooms');
    fireEvent.click(await screen.findByRole('button', { name: 'Calendar feed of Live Room A' }));
    const dialog = await screen.findByRole('dialog', { name: 'Calendar feed of Live Room A' });
    const inDialog = within(dialog);
    expect(((await inDialog.findByLabelText('Subscription link')) as HTMLInputElement).value).toBe(url);
    expect(inDialog.getByText(/Every session booked in Live Room A/)).toBeTruthy();
    fireEvent.click(inDialog.getByRole('button', { name: 'Turn off the calendar feed for Live Room A' }));
    fireEvent.click(within(inDialog.getByRole('group', { name: /Turn the feed off\?/ })).getByRole('button', { name: 'Turn off' }));
    expect(await inDialog.findByRole('button', { name: 'Get a calendar link for Live Room A' })).toBeTruthy();
    expect(api.writes().map((c) => `${c.method} ${c.path}`)).toEqual([`DELETE /rooms/${ROOM_A}/feed`]);
  });
});
