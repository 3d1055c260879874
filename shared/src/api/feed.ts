// Calendar feeds (iCalendar): a secret subscription URL per member or per room.
import { z } from 'zod';
import { InstantSchema } from './common';

/**
 * A feed as its owner sees it: the subscription URL (absolute, with its secret token) and when it
 * was made, or both null when there is no feed (never made, or turned off).
 */
export const CalendarFeedSchema = z
  .object({
    url: z.url().nullable(),
    createdAt: InstantSchema.nullable(),
  })
  .meta({ id: 'CalendarFeed' });
export type CalendarFeed = z.infer<typeof CalendarFeedSchema>;

/** The public feed's path below the site: `/feeds/<token>.ics`. */
export const FEED_PATH_PREFIX = '/feeds/';
/** A feed token: 32 random bytes, base64url without padding. */
export const FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
