import { formatClock, formatDay } from '@patchbay/shared/domain/time-zone';

/** "Tue 24 Nov, 10:02" in the zone (the browser's own when none is given). */
export function formatInstant(iso: string, timeZone?: string): string {
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return `${formatDay(at, zone)}, ${formatClock(at, zone)}`;
}

/** "just now", "5 min ago", "3 h ago", "2 days ago". */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const ms = now - Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const wholeHours = Math.round(minutes / 60);
  if (wholeHours < 24) return `${wholeHours} h ago`;
  const days = Math.round(wholeHours / 24);
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

/** "Firefox on Linux" from a User-Agent header; the raw text when it is unusual. */
export function describeUserAgent(ua: string): string {
  if (!ua.trim()) return 'Unknown browser';
  const browser =
    /Edg\//.test(ua) ? 'Edge'
    : /OPR\//.test(ua) ? 'Opera'
    : /Firefox\//.test(ua) ? 'Firefox'
    : /Chrome\/|Chromium\//.test(ua) ? (/HeadlessChrome/.test(ua) ? 'Headless Chrome' : 'Chrome')
    : /Safari\//.test(ua) ? 'Safari'
    : /curl\//i.test(ua) ? 'curl'
    : null;
  const os =
    /iPad|iPhone|iPod/.test(ua) ? 'iOS'
    : /Android/.test(ua) ? 'Android'
    : /Mac OS X|Macintosh/.test(ua) ? 'macOS'
    : /Windows/.test(ua) ? 'Windows'
    : /CrOS/.test(ua) ? 'ChromeOS'
    : /Linux/.test(ua) ? 'Linux'
    : null;
  if (browser && os) return `${browser} on ${os}`;
  if (browser) return browser;
  return ua.length > 60 ? `${ua.slice(0, 57)}…` : ua;
}

/** 90 → "1.5 h", 480 → "8 h", 0 → "0 h". */
export function hours(minutes: number): string {
  const tenths = Math.round(minutes / 6);
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)} h`;
}
