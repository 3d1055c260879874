import type { Mention, TaskComment } from '@patchbay/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MAYA, SAM, SESSION_ID, THEO, ev, makeSnapshot, makeTask, studio, taskKinds } from './fixtures';
import { FakeRealtime, json, mockApi, renderApp } from './harness';

const mic = makeTask(1, { title: 'Mic the kit' });
// Theo has work on this board, so he may be named here.
const phones = makeTask(2, { title: 'Set headphone mixes', assignee: THEO });
const earlier: TaskComment = {
  id: '77777777-7777-4777-8777-000000000001',
  sessionId: SESSION_ID,
  taskId: mic.id,
  author: SAM,
  body: '@Maya Okafor the Coles pair or the 414s?',
  mentions: [MAYA],
  createdAt: '2026-11-24T09:00:00.000Z',
};

function setup(comments: TaskComment[] = [earlier]) {
  const api = mockApi({
    'GET /studio': () => json(studio),
    'GET /task-kinds': () => json(taskKinds),
    [`GET /sessions/${SESSION_ID}/board`]: () => json({ ...makeSnapshot([mic, phones], 10), comments }),
  });
  const realtime = new FakeRealtime();
  renderApp(`/sessions/${SESSION_ID}`, realtime);
  return { api, realtime };
}

const card = () => screen.getByRole('article', { name: 'Mic the kit' });

describe('comments on a task', () => {
  it('lists the comments with the people named marked, and posts one naming someone picked from "@"', async () => {
    const { api } = setup();
    await screen.findByRole('heading', { level: 1, name: 'Drum tracking' });
    fireEvent.click(within(card()).getByRole('button', { name: 'Comments (1) on “Mic the kit”' }));
    const panel = within(card()).getByRole('region', { name: 'Comments on “Mic the kit”' });
    expect(within(panel).getByText('Sam Reyes')).toBeTruthy();
    expect(within(panel).getByText('@Maya Okafor').tagName).toBe('MARK');
    expect(panel.textContent).toContain('Notified: you.');

    const box = within(panel).getByRole('textbox', { name: 'Comment on “Mic the kit”' }) as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: 'Over to @th', selectionStart: 11 } });
    const list = await within(panel).findByRole('listbox', { name: 'People to name' });
    expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['Theo Grant']);
    // Said aloud as the list opens (focus stays in the box), and the box says how to post.
    expect(within(panel).getByText('1 person to name: Theo Grant. Up and down to choose, Enter to name, Escape to close.').getAttribute('role')).toBe('status');
    expect(box.getAttribute('aria-describedby')).toBe(within(panel).getByText('Ctrl+Enter posts').id);
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(box.value).toBe('Over to @Theo Grant ');
    expect(within(panel).queryByRole('listbox')).toBeNull();
    fireEvent.change(box, { target: { value: 'Over to @Theo Grant for the overheads', selectionStart: 37 } });

    const posted: TaskComment = { ...earlier, id: '77777777-7777-4777-8777-000000000002', author: MAYA, body: 'Over to @Theo Grant for the overheads', mentions: [THEO], createdAt: '2026-11-24T10:00:00.000Z' };
    api.route(`POST /tasks/${mic.id}/comments`, () => json(posted, 201));
    fireEvent.click(within(panel).getByRole('button', { name: 'Post' }));
    await waitFor(() => expect(within(panel).getByText('@Theo Grant').tagName).toBe('MARK'));
    expect(api.writes().at(-1)).toMatchObject({ method: 'POST', path: `/tasks/${mic.id}/comments`, body: { body: 'Over to @Theo Grant for the overheads' } });
    expect(box.value).toBe('');
    expect(within(card()).getByRole('button', { name: 'Comments (2) on “Mic the kit”' })).toBeTruthy();
  });

  it('suggests only people who may open the board (the server tells no one else)', async () => {
    mockApi({
      'GET /studio': () => json(studio),
      'GET /task-kinds': () => json(taskKinds),
      // Theo, an assistant, has no task here: this board is not his.
      [`GET /sessions/${SESSION_ID}/board`]: () => json({ ...makeSnapshot([mic], 10), comments: [] }),
    });
    renderApp(`/sessions/${SESSION_ID}`, new FakeRealtime());
    await screen.findByRole('heading', { level: 1, name: 'Drum tracking' });
    fireEvent.click(within(card()).getByRole('button', { name: 'Comments on “Mic the kit”' }));
    const box = within(card()).getByRole('textbox', { name: 'Comment on “Mic the kit”' });
    fireEvent.change(box, { target: { value: '@s', selectionStart: 2 } });
    const list = await within(card()).findByRole('listbox', { name: 'People to name' });
    expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['Sam Reyes']);
    fireEvent.change(box, { target: { value: '@th', selectionStart: 3 } });
    await waitFor(() => expect(within(card()).queryByRole('listbox')).toBeNull());
  });

  it('a comment made elsewhere shows up live; a compact card counts them on Details', async () => {
    window.localStorage.setItem('patchbay:card-view', 'compact');
    const { realtime } = setup([]);
    // Joining takes a moment (as on a busy machine); what happens meanwhile comes with the join's
    // answer, which this fake server does not replay, so the live comment is sent once joined.
    realtime.answerJoin = (_id, afterSeq) => new Promise((resolve) => setTimeout(() => resolve({ ok: true, seq: afterSeq, missed: [], reset: false }), 300));
    await screen.findByRole('heading', { level: 1, name: 'Drum tracking' });
    expect(within(card()).getByRole('button', { name: 'Details of “Mic the kit”' })).toBeTruthy();
    await screen.findByText('Live');
    realtime.push(ev.commentAdded(11, earlier));
    await waitFor(() => expect(within(card()).getByText('1 comment')).toBeTruthy());
    realtime.push(ev.commentDeleted(12, earlier));
    await waitFor(() => expect(within(card()).queryByText('1 comment')).toBeNull());
  });
});

describe('mentions', () => {
  const mention = (read: boolean): Mention => ({
    id: '66666666-0000-4000-8000-000000000001',
    comment: earlier,
    task: { id: mic.id, title: mic.title },
    session: { id: SESSION_ID, title: 'Drum tracking' },
    readAt: read ? '2026-11-24T11:00:00.000Z' : null,
  });

  it('the header counts unread mentions and follows the server live; the page lists them and marks them read', async () => {
    let unread = 0;
    const api = mockApi({
      'GET /me/mentions': () => json(unread ? { mentions: [mention(false)], unread } : { mentions: [], unread: 0 }),
      'POST /me/mentions/read': () => json({ mentions: [mention(true)], unread: 0 }),
      'GET /studio': () => json(studio),
    });
    const realtime = new FakeRealtime();
    renderApp('/mentions', realtime);
    await screen.findByRole('heading', { level: 1, name: 'Mentions' });
    expect(screen.getByText(/Nobody has named you in a comment yet/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Mentions' })).toBeTruthy();

    unread = 1;
    realtime.mentionsChanged();
    expect(await screen.findByRole('link', { name: 'Mentions 1 unread' })).toBeTruthy();
    const item = await screen.findByRole('listitem');
    expect(item.textContent).toContain('Sam Reyes on “Mic the kit” in Drum tracking');
    fireEvent.click(screen.getByRole('button', { name: 'Mark all as read' }));
    await waitFor(() => expect(screen.getByRole('link', { name: 'Mentions' })).toBeTruthy());
    expect(api.writes().at(-1)).toMatchObject({ method: 'POST', path: '/me/mentions/read', body: {} });
  });
});
