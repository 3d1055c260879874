// What a guest (the artist) may see. Every shape here is an allow-list: a field is on the wire for
// a guest only when it is named below (server/src/presenters/guest.ts fills them). No routing
// reasons, notes, estimates, hours, availability, setup lists or staff contact details.
import { z } from 'zod';
import { IdSchema, InstantSchema } from './common';
import { SessionStatusSchema, TaskStatusSchema } from './enums';

/** Someone the artist will work with: a name, nothing else. */
export const GuestPersonSchema = z.object({ name: z.string() }).meta({ id: 'GuestPerson' });
export type GuestPerson = z.infer<typeof GuestPersonSchema>;

/**
 * How firm the booking is, in the artist's words: confirmed, pencilled in (a first or second
 * hold) or off (a hold that was released or expired).
 */
export const GUEST_BOOKINGS = ['CONFIRMED', 'PENCILLED', 'OFF'] as const;
export const GuestBookingSchema = z.enum(GUEST_BOOKINGS);
export type GuestBooking = z.infer<typeof GuestBookingSchema>;

/** A session as a guest sees it. */
export const GuestSessionSchema = z
  .object({
    id: IdSchema,
    title: z.string(),
    status: SessionStatusSchema,
    booking: GuestBookingSchema,
    /** Call time: when to be there (the session's start minus its prep time). */
    callAt: InstantSchema,
    startsAt: InstantSchema,
    endsAt: InstantSchema,
    room: z.object({ name: z.string() }),
    project: z.object({ id: IdSchema, artist: z.string(), title: z.string() }),
    producer: GuestPersonSchema.nullable(),
    engineer: GuestPersonSchema.nullable(),
    /** The producer's note to the artist ("what to bring"); empty when there is none. */
    guestNote: z.string(),
  })
  .meta({ id: 'GuestSession' });
export type GuestSession = z.infer<typeof GuestSessionSchema>;

export const GuestSessionListSchema = z.object({ sessions: z.array(GuestSessionSchema) }).meta({ id: 'GuestSessionList' });
export type GuestSessionList = z.infer<typeof GuestSessionListSchema>;

/** A task as a guest sees it: what is being done and how far it is. */
export const GuestTaskSchema = z
  .object({
    id: IdSchema,
    sessionId: IdSchema,
    title: z.string(),
    status: TaskStatusSchema,
    position: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'GuestTask' });
export type GuestTask = z.infer<typeof GuestTaskSchema>;

/**
 * A board as a guest sees it. Board events reach guests as `redacted` (the sequence number
 * only): a guest's client reloads this snapshot when `seq` moves.
 */
export const GuestBoardSnapshotSchema = z
  .object({ session: GuestSessionSchema, tasks: z.array(GuestTaskSchema), seq: z.number().int() })
  .meta({ id: 'GuestBoardSnapshot' });
export type GuestBoardSnapshot = z.infer<typeof GuestBoardSnapshotSchema>;

export const ArtistSessionsQuerySchema = z.strictObject({
  /** Sessions ending after this instant (default: 24 hours ago). */
  from: InstantSchema.optional(),
});

/** "Your sessions": the sessions of the projects the member is a guest of, by call time. */
export const ArtistSessionsSchema = z
  .object({
    /** The studio's time zone: days and times are shown in it. */
    timeZone: z.string(),
    from: InstantSchema,
    sessions: z.array(GuestSessionSchema),
  })
  .meta({ id: 'ArtistSessions' });
export type ArtistSessions = z.infer<typeof ArtistSessionsSchema>;
