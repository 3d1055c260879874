import { ERROR_STATUS, type ErrorBody, type ErrorCode } from '@patchbay/shared';

/** The one error type of the API: a code that maps to an HTTP status, a message and details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toJSON(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) } };
  }
}

export const notFound = (what: string, id?: string): AppError =>
  new AppError('NOT_FOUND', id ? `${what} ${id} was not found` : `${what} was not found`);

/** A 400 for one field of a request, in the same shape as schema validation failures. */
export const invalidField = (path: string, message: string, location: 'params' | 'query' | 'body' = 'body'): AppError =>
  new AppError('VALIDATION_FAILED', `Invalid ${location}.${path}: ${message}`, { issues: [{ location, path, message }] });

/** A 503 for a database that cannot be reached or does not answer in time (see db/unavailable.ts). */
export const databaseUnavailable = (): AppError =>
  new AppError('DATABASE_UNAVAILABLE', 'The database is not answering; try again in a moment');
