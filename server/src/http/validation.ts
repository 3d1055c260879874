import type { FieldIssue } from '@patchbay/shared';
import type { z } from 'zod';
import { AppError } from './errors';

type Location = FieldIssue['location'];

function issuesOf(location: Location, error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    location,
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** Parses one part of a request; throws a 400 naming every bad field. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, location: Location): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = issuesOf(location, result.error);
  const first = issues[0];
  const where = first ? `${location}${first.path ? `.${first.path}` : ''}` : location;
  throw new AppError('VALIDATION_FAILED', `Invalid ${where}: ${first?.message ?? 'invalid value'}`, { issues });
}
