import { z } from 'zod';

/** Every error the API can answer, with the HTTP status it maps to. */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  BOOKING_CONFLICT: 409,
  /** Gear planned beyond what the studio owns at that time (details.issues name the item and the other session). */
  GEAR_CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  /** The database cannot be reached or does not answer in time; retry shortly (the server recovers by itself). */
  DATABASE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/** The one error body of the API: `{ "error": { "code", "message", "details" } }`. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.unknown().optional(),
  }),
}).meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** One problem with one field of a request, as the API reports validation failures. */
export const FieldIssueSchema = z.object({
  location: z.enum(['params', 'query', 'body', 'payload']),
  path: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssueSchema>;
