import { isUtf8 } from 'node:buffer';
import { isStorableText, type FieldIssue } from '@patchbay/shared';
import type { IncomingMessage } from 'node:http';
import { unescape as lenientUnescape } from 'node:querystring';
import type { z } from 'zod';
import { AppError } from '../errors';

type Location = FieldIssue['location'];

/** Far deeper than any request Patchbay takes (a few levels: a template with its lines). */
export const MAX_INPUT_DEPTH = 32;
const UNSTORABLE_MESSAGE = 'must not contain control characters (such as NUL) or broken unicode (lone surrogates)';

function issuesOf(location: Location, error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    location,
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

function fail(issues: FieldIssue[]): never {
  const first = issues[0];
  const where = first ? `${first.location}${first.path ? `.${first.path}` : ''}` : 'request';
  throw new AppError('VALIDATION_FAILED', `Invalid ${where}: ${first?.message ?? 'invalid value'}`, { issues });
}

/** A key as it appears in an issue's path: visible even when it holds control characters. */
const keyLabel = (key: string): string => (isStorableText(key) ? key : JSON.stringify(key).slice(1, -1));

/**
 * The one rule for text in a request, whatever its schema says: every string value and every
 * object key anywhere in params, query, body or a socket payload must be storable
 * (`isStorableText`: no NUL or other control characters but tab and newlines, no lone
 * surrogates), and nothing may nest deeper than MAX_INPUT_DEPTH. Returns the first offence.
 * Iterative, so hostile nesting cannot overflow the stack. `ownCheck`: top-level string fields
 * whose handler applies the same rule itself to report it more precisely (a CSV file, by line).
 */
export function findUnstorable(value: unknown, ownCheck: readonly string[] = []): { path: string; message: string } | null {
  const stack: { value: unknown; path: string[]; depth: number }[] = [{ value, path: [], depth: 0 }];
  while (stack.length > 0) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current === 'string') {
      if (!isStorableText(current)) return { path: path.join('.'), message: UNSTORABLE_MESSAGE };
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= MAX_INPUT_DEPTH) return { path: path.join('.'), message: `must not be nested more than ${MAX_INPUT_DEPTH} levels deep` };
    const entries = Array.isArray(current) ? current.map((item, index) => [String(index), item] as const) : Object.entries(current);
    // Pushed in reverse so the first offence in reading order is found first.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i]!;
      if (!isStorableText(key)) return { path: [...path, keyLabel(key)].join('.'), message: `has a key that ${UNSTORABLE_MESSAGE}` };
      if (depth === 0 && typeof item === 'string' && ownCheck.includes(key)) continue;
      stack.push({ value: item, path: [...path, key], depth: depth + 1 });
    }
  }
  return null;
}

/** Parses one part of a request; throws a 400 naming every bad field (or the first unstorable text). */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, location: Location, ownCheck: readonly string[] = []): z.output<S> {
  const unstorable = findUnstorable(value, ownCheck);
  if (unstorable) fail([{ location, ...unstorable }]);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  fail(issuesOf(location, result.error));
}

/**
 * Express decodes query strings leniently (malformed percent-encoding such as `%ED%A0%80`, a
 * lone surrogate's bytes, becomes U+FFFD). Refuses them instead, naming the key.
 */
export function checkQueryEncoding(originalUrl: string): void {
  const at = originalUrl.indexOf('?');
  if (at < 0) return;
  for (const pair of originalUrl.slice(at + 1).split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    const strictlyDecodes = (raw: string) => {
      try {
        decodeURIComponent(raw.replaceAll('+', ' '));
        return true;
      } catch {
        return false;
      }
    };
    if (!strictlyDecodes(rawKey) || !strictlyDecodes(rawValue)) {
      fail([{ location: 'query', path: keyLabel(lenientUnescape(rawKey.replaceAll('+', ' '))), message: 'is not valid percent-encoded UTF-8' }]);
    }
  }
}

/**
 * Path parameters Express could not decode (its router throws a URIError with status 400):
 * names the parameter of the matching route whose raw segment is malformed.
 */
export function malformedParamError(req: { method: string; path: string }, routes: { method: string; path: string }[]): AppError {
  const segments = req.path.split('/');
  const candidates = [...routes].sort((a, b) => Number(b.method === req.method.toLowerCase()) - Number(a.method === req.method.toLowerCase()));
  for (const route of candidates) {
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    let bad: string | null = null;
    let matches = true;
    for (let i = 0; i < pattern.length && matches; i++) {
      const part = pattern[i]!;
      const raw = segments[i]!;
      if (part.startsWith(':')) {
        try {
          decodeURIComponent(raw);
        } catch {
          bad ??= part.slice(1);
        }
      } else if (part !== raw) matches = false;
    }
    if (matches && bad) {
      return new AppError('VALIDATION_FAILED', `Invalid params.${bad}: is not valid percent-encoded UTF-8`, {
        issues: [{ location: 'params', path: bad, message: 'is not valid percent-encoded UTF-8' }],
      });
    }
  }
  return new AppError('VALIDATION_FAILED', 'Invalid params: a path segment is not valid percent-encoded UTF-8', {
    issues: [{ location: 'params', path: '', message: 'is not valid percent-encoded UTF-8' }],
  });
}

/** The body parser's `verify`: remembers a body that is not valid UTF-8 (it would be decoded to U+FFFD). */
export function markInvalidUtf8(req: IncomingMessage, _res: unknown, buffer: Buffer): void {
  if (!isUtf8(buffer)) (req as IncomingMessage & { invalidUtf8?: boolean }).invalidUtf8 = true;
}

/** Refuses a body that `markInvalidUtf8` flagged. */
export function checkBodyEncoding(req: IncomingMessage): void {
  if ((req as IncomingMessage & { invalidUtf8?: boolean }).invalidUtf8) {
    fail([{ location: 'body', path: '', message: 'is not valid UTF-8' }]);
  }
}
