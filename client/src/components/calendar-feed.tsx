import type { CalendarFeed } from '@patchbay/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useApi } from '../api/api-context';
import { errorMessage } from '../api/client';
import { queryKeys } from '../api/queries';
import { formatInstant } from '../lib/format';
import { ConfirmAction } from '../studio/common';
import { Dialog } from './dialog';
import { useNotices } from './notices';
import { PageError, PageLoading } from './page-state';
import './calendar-feed.css';

type Owner = 'me' | { roomId: string };

/** The same address for calendar apps that open `webcal:` links (Apple Calendar, Outlook). */
export const webcalUrl = (url: string): string => url.replace(/^https?:\/\//, 'webcal://');

function useFeed(owner: Owner) {
  const api = useApi();
  const queryClient = useQueryClient();
  const queryKey = queryKeys.calendarFeed(owner);
  const feed = useQuery({
    queryKey,
    queryFn: ({ signal }) => (owner === 'me' ? api.getMyFeed(signal) : api.getRoomFeed(owner.roomId, signal)),
  });
  const rotate = async () => {
    const next = owner === 'me' ? await api.rotateMyFeed() : await api.rotateRoomFeed(owner.roomId);
    queryClient.setQueryData<CalendarFeed>(queryKey, next);
  };
  const revoke = async () => {
    if (owner === 'me') await api.revokeMyFeed();
    else await api.revokeRoomFeed(owner.roomId);
    queryClient.setQueryData<CalendarFeed>(queryKey, { url: null, createdAt: null });
  };
  return { feed, rotate, revoke };
}

/**
 * A calendar feed's controls: the secret link (read-only, with Copy and a `webcal:` link), a new
 * link (the old one stops working), and turning it off; or a button to make one.
 */
export function CalendarFeedControls({ owner, what, timeZone }: { owner: Owner; what: string; timeZone: string }) {
  const { feed, rotate, revoke } = useFeed(owner);
  const { notify } = useNotices();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const makeRef = useRef<HTMLButtonElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  // The button pressed goes away when the link appears or goes: focus moves to what replaced it.
  const moveFocus = useRef(false);
  const url = feed.data?.url;
  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    (url ? inputRef.current : makeRef.current)?.focus();
  }, [url]);
  const make = useMutation({
    mutationFn: rotate,
    onMutate: () => {
      moveFocus.current = true;
    },
    onSuccess: () => notify({ tone: 'success', title: 'Calendar link ready.', message: 'Copy it into your calendar app.' }),
    onError: (err) => notify({ tone: 'error', title: "Couldn't make the calendar link.", message: errorMessage(err) }),
  });

  if (feed.isPending) return <PageLoading label="Loading the calendar link…" />;
  if (feed.isError) return <PageError title="Couldn't load the calendar link" error={feed.error} />;
  const { createdAt } = feed.data;

  if (!url) {
    return (
      <div className="calendar-feed">
        <p className="calendar-feed__state">The calendar feed is off: there is no link.</p>
        <div className="button-row">
          <button ref={makeRef} type="button" className="button button--primary" disabled={make.isPending} onClick={() => make.mutate()}>
            {make.isPending ? 'Making the link…' : `Get a calendar link for ${what}`}
          </button>
        </div>
      </div>
    );
  }

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Copied. Paste it where your calendar app asks for a URL.');
    } catch {
      // No clipboard (permission, old browser): select the text so a keyboard copy works.
      inputRef.current?.select();
      setCopied('Selected: press Ctrl+C (⌘C on a Mac) to copy it.');
    }
  };

  return (
    <div className="calendar-feed">
      <div className="field">
        <label className="field__label" htmlFor={`${id}-url`}>
          Subscription link
        </label>
        <div className="calendar-feed__link">
          <input
            ref={inputRef}
            id={`${id}-url`}
            className="input calendar-feed__url"
            type="text"
            readOnly
            value={url}
            spellCheck={false}
            aria-describedby={`${id}-made ${id}-copied`}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" className="button button--primary" onClick={() => void copy()}>
            Copy
          </button>
        </div>
        <p className="field__help" id={`${id}-made`}>
          Made {createdAt ? formatInstant(createdAt, timeZone) : ''} ·{' '}
          <a className="calendar-feed__open" href={webcalUrl(url)}>
            Open in your calendar app
          </a>
        </p>
        <p className="calendar-feed__copied" id={`${id}-copied`} role="status">
          {copied}
        </p>
      </div>
      <div className="button-row calendar-feed__actions">
        <ConfirmAction
          label={`Get a new calendar link for ${what}`}
          question="The old link stops working: calendars subscribed with it stop updating. Get a new one?"
          confirmLabel="Get a new link"
          tone="plain"
          quietTrigger
          failure="Couldn't make a new link."
          onConfirm={async () => {
            await rotate();
            setCopied(null);
            notify({ tone: 'success', title: 'New calendar link ready.', message: 'The old link no longer works: subscribe again with this one.' });
          }}
        />
        <ConfirmAction
          label={`Turn off the calendar feed for ${what}`}
          question="Calendars subscribed with this link stop updating. Turn the feed off?"
          confirmLabel="Turn off"
          failure="Couldn't turn the feed off."
          onConfirm={async () => {
            moveFocus.current = true;
            await revoke();
            setCopied(null);
            notify({ tone: 'success', title: 'Calendar feed turned off.', message: 'Its link no longer works.' });
          }}
        />
      </div>
    </div>
  );
}

/** How to subscribe, in the words of the apps people use. */
export function CalendarFeedHelp({ children }: { children?: ReactNode }) {
  return (
    <div className="calendar-feed__help">
      {children}
      <p>
        Add the link as a subscription: in <strong>Google Calendar</strong> “Other calendars → From URL”, in <strong>Apple Calendar</strong> “File → New
        Calendar Subscription”, in <strong>Outlook</strong> “Add calendar → Subscribe from web”.
      </p>
      <p>
        Some calendar apps refresh subscriptions only every few hours, so a change made here can take a while to show there. Anyone with the link can
        read this calendar: keep it to yourself, and get a new link if it got out.
      </p>
    </div>
  );
}

/** The account page's panel: the signed-in member's own feed. */
export function MyCalendarFeed({ timeZone }: { timeZone: string }) {
  return (
    <section className="panel" aria-labelledby="calendar-feed-heading">
      <h2 className="panel__title" id="calendar-feed-heading">
        Calendar feed
      </h2>
      <CalendarFeedHelp>
        <p className="panel__intro">
          Your sessions in your own calendar app — from call time, with the room, artist and project — and your tasks that have a time of their own.
          Holds show as tentative; cancelled sessions and released holds are marked cancelled.
        </p>
      </CalendarFeedHelp>
      <CalendarFeedControls owner="me" what="you" timeZone={timeZone} />
    </section>
  );
}

/** Studio → Rooms: a room's feed in a dialog (admins and managers). */
export function RoomCalendarFeedButton({ room, timeZone }: { room: { id: string; name: string }; timeZone: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button--small" aria-label={`Calendar feed of ${room.name}`} onClick={() => setOpen(true)}>
        Calendar feed
      </button>
      {open ? (
        <Dialog title={`Calendar feed of ${room.name}`} onClose={() => setOpen(false)} className="calendar-feed-dialog">
          <CalendarFeedHelp>
            <p className="panel__intro">
              Every session booked in {room.name}, from call time until the room is clear, for a wall screen or the people who run the room.
            </p>
          </CalendarFeedHelp>
          <CalendarFeedControls owner={{ roomId: room.id }} what={room.name} timeZone={timeZone} />
        </Dialog>
      ) : null}
    </>
  );
}
