import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { NavLink } from 'react-router';
import { queryKeys, useMentions } from '../api/queries';
import { useRealtime } from '../realtime/realtime-context';

function BellIcon() {
  return (
    <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
      <path d="M10 2.5a5 5 0 0 0-5 5v3.2L3.5 13.5h13L15 10.7V7.5a5 5 0 0 0-5-5Z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
      <path d="M8 15.5a2 2 0 0 0 4 0" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

/** The header's way to one's mentions, with how many are unread (live: the server says when). */
export function MentionsLink() {
  const realtime = useRealtime();
  const queryClient = useQueryClient();
  const mentions = useMentions({ enabled: true });
  useEffect(() => realtime.onMentionsChanged(() => void queryClient.invalidateQueries({ queryKey: queryKeys.mentions })), [realtime, queryClient]);
  const unread = mentions.data?.unread ?? 0;
  return (
    <NavLink to="/mentions" className={unread > 0 ? 'app-header__mentions app-header__mentions--unread' : 'app-header__mentions'}>
      <BellIcon />
      <span className="visually-hidden">Mentions</span>
      {unread > 0 ? (
        <span className="app-header__mentions-count">
          {unread}
          <span className="visually-hidden"> unread</span>
        </span>
      ) : null}
    </NavLink>
  );
}
