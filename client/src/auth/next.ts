/**
 * Where to go after signing in: a path of this app from `?next=`, never another site
 * ("//evil.example" or "https://…" fall back to the sessions list).
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/sign-in') || next.startsWith('/setup') || next.startsWith('/invite/')) return '/';
  return next;
}

/** The sign-in page address that comes back to `path` afterwards. */
export function signInPath(path: string): string {
  const next = safeNext(path);
  return next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
}
