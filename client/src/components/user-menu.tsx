import { ACCESS_ROLE_LABELS } from '@patchbay/shared/domain/permissions';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../api/client';
import { useMe, useAuth } from '../auth/auth-context';
import { initials } from '../lib/labels';
import { useNotices } from './notices';

/**
 * The signed-in member in the header: name and role, and a small menu (a disclosure of a link
 * and a button, so it reads well with any screen reader): Account, Sign out.
 */
export function UserMenu() {
  const me = useMe();
  const { signOut } = useAuth();
  const { notify } = useNotices();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // Close on a press outside, on focus leaving the menu, and on Escape (focus back on the button).
  useEffect(() => {
    if (!open) return;
    const root = rootRef.current;
    const onPointer = (e: PointerEvent) => {
      if (!root?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    const onFocusOut = (e: FocusEvent) => {
      const next = e.relatedTarget as Node | null;
      if (next && !root?.contains(next)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    root?.addEventListener('keydown', onKey);
    root?.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      root?.removeEventListener('keydown', onKey);
      root?.removeEventListener('focusout', onFocusOut);
    };
  }, [open]);


  const onSignOut = async () => {
    setSigningOut(true);
    try {
      await signOut();
      void navigate('/sign-in', { replace: true });
    } catch (err) {
      notify({ tone: 'error', title: "Couldn't sign out on the server.", message: errorMessage(err) });
    } finally {
      setSigningOut(false);
    }
  };

  const role = ACCESS_ROLE_LABELS[me.member.accessRole];
  return (
    <div ref={rootRef} className="user-menu">
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((v) => !v)}
      >
        <span className="user-menu__avatar" aria-hidden="true">
          {initials(me.member.name)}
        </span>
        <span className="user-menu__who" aria-hidden="true">
          <span className="user-menu__name">{me.member.name}</span>
          <span className="user-menu__role">{role}</span>
        </span>
        {/* The button's name comes from its content (no aria-label), starting with the words it shows. */}
        <span className="visually-hidden">{`${me.member.name}, ${role}: account menu`}</span>
        <svg className="user-menu__chevron" viewBox="0 0 10 6" width="10" height="6" aria-hidden="true" focusable="false">
          <path d="M1 1l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      {open ? (
        <div id={menuId} className="user-menu__panel">
          <p className="user-menu__email">{me.user.email}</p>
          <ul className="user-menu__list">
            <li>
              <Link to="/account" className="user-menu__item" onClick={() => setOpen(false)}>
                Account
              </Link>
            </li>
            <li>
              <button type="button" className="user-menu__item" disabled={signingOut} onClick={() => void onSignOut()}>
                {signingOut ? 'Signing out…' : 'Sign out'}
              </button>
            </li>
          </ul>
        </div>
      ) : null}
    </div>
  );
}
