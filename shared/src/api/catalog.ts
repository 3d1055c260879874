// Inputs for the studio's catalog: rooms, members, projects, sessions and task kinds.
import { z } from 'zod';
import { IdSchema, InstantSchema, PersonRefSchema, requiredText, text } from './common';
import { BusyWithSchema } from './routing';
import { MemberRoleSchema, ProjectKindSchema, RoomKindSchema, SessionStatusSchema } from './enums';
import { TASK_CATEGORIES } from '../domain/task-kinds';
import { MAX_PREP_MINUTES } from '../domain/availability';

const name = (max: number) => requiredText(max);
const nonEmptyPatch = <T extends z.ZodObject>(schema: T) =>
  schema.partial().refine((v) => Object.keys(v).length > 0, { message: 'nothing to change: give at least one field' });

const roomPrep = z.number().int().min(0).max(MAX_PREP_MINUTES);
export const RoomInputSchema = z
  .strictObject({
    name: name(80),
    kind: RoomKindSchema,
    notes: z.string().max(2000).default(''),
    /** Default prep and teardown of sessions booked in the room. */
    prepMinutes: roomPrep.default(0),
    teardownMinutes: roomPrep.default(0),
  })
  .meta({ id: 'RoomInput' });
export const RoomPatchSchema = nonEmptyPatch(
  z.strictObject({ name: name(80), kind: RoomKindSchema, notes: z.string().max(2000), prepMinutes: roomPrep, teardownMinutes: roomPrep }),
).meta({ id: 'RoomPatch' });

const memberFields = {
  name: name(120),
  email: z.email('must be an email address').max(200),
  phone: z.string().trim().max(40).nullable(),
  roles: z.array(MemberRoleSchema).min(1, 'give at least one role').max(3),
  skills: z.array(z.string().trim().min(1).max(64)).max(30),
  weeklyCapacityHours: z.number().int().min(0).max(168),
  knownRoomIds: z.array(IdSchema).max(50),
};
export const MemberInputSchema = z
  .strictObject({
    ...memberFields,
    phone: memberFields.phone.default(null),
    skills: memberFields.skills.default([]),
    weeklyCapacityHours: memberFields.weeklyCapacityHours.default(40),
    knownRoomIds: memberFields.knownRoomIds.default([]),
  })
  .meta({ id: 'MemberInput' });
export const MemberPatchSchema = nonEmptyPatch(z.strictObject(memberFields)).meta({ id: 'MemberPatch' });

const projectFields = { artist: name(120), title: name(160), kind: ProjectKindSchema, leadProducerId: IdSchema.nullable() };
export const ProjectInputSchema = z
  .strictObject({ ...projectFields, kind: ProjectKindSchema.default('ALBUM'), leadProducerId: IdSchema.nullable().default(null) })
  .meta({ id: 'ProjectInput' });
export const ProjectPatchSchema = nonEmptyPatch(z.strictObject(projectFields)).meta({ id: 'ProjectPatch' });

const MAX_SESSION_HOURS = 24;
const sessionWindow = (v: { startsAt?: string | undefined; endsAt?: string | undefined }) =>
  !v.startsAt || !v.endsAt || (Date.parse(v.endsAt) > Date.parse(v.startsAt) && Date.parse(v.endsAt) - Date.parse(v.startsAt) <= MAX_SESSION_HOURS * 3_600_000);
const windowMessage = {
  message: `The session must end after it starts, at most ${MAX_SESSION_HOURS} hours later (to end after midnight, give the next day's date for the end)`,
  path: ['endsAt'],
};
const prepField = z.number().int().min(0).max(MAX_PREP_MINUTES);
/** The holds a booking can be made as (released and expired are where holds end, not what is booked). */
export const NEW_BOOKING_HOLDS = ['CONFIRMED', 'FIRST_HOLD', 'SECOND_HOLD'] as const;

export const GUEST_NOTE_MAX = 2000;
const sessionFields = {
  title: name(160),
  projectId: IdSchema,
  roomId: IdSchema,
  startsAt: InstantSchema,
  endsAt: InstantSchema,
  producerId: IdSchema.nullable(),
  engineerId: IdSchema.nullable(),
  status: SessionStatusSchema,
  /** Minutes of room and engineer time before the start (call time) and after the end. */
  prepMinutes: prepField,
  teardownMinutes: prepField,
  /** When a hold is released by itself (holds only). */
  holdUntil: InstantSchema,
  /** The producer's note to the artist ("what to bring"): the artist sees it on their page. */
  guestNote: text(GUEST_NOTE_MAX),
};
export const SessionInputSchema = z
  .strictObject({
    ...sessionFields,
    /** Defaults: the template's, else the room's. */
    prepMinutes: prepField.optional(),
    teardownMinutes: prepField.optional(),
    /** Book as confirmed (default) or pencil it in as a first or second hold. */
    hold: z.enum(NEW_BOOKING_HOLDS).default('CONFIRMED'),
    /** A hold's release deadline; default a week ahead, never after the call time. Not for confirmed bookings. */
    holdUntil: InstantSchema.optional(),
    /** Book from a template: its tasks (routed) and setup list come with the session. */
    templateId: IdSchema.optional(),
    guestNote: sessionFields.guestNote.optional(),
    producerId: IdSchema.nullable().default(null),
    engineerId: IdSchema.nullable().default(null),
    status: SessionStatusSchema.default('PLANNED'),
  })
  .refine(sessionWindow, windowMessage)
  .meta({ id: 'SessionInput' });
export const SessionPatchSchema = z
  .strictObject(sessionFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change: give at least one field' })
  .refine(sessionWindow, windowMessage)
  .meta({ id: 'SessionPatch' });
export type SessionInput = z.infer<typeof SessionInputSchema>;
export type SessionPatch = z.infer<typeof SessionPatchSchema>;

const kindFields = {
  label: name(80),
  defaultRole: MemberRoleSchema,
  category: z.enum(TASK_CATEGORIES),
  roomBound: z.boolean(),
  defaultEstimateMinutes: z.number().int().min(1).max(24 * 60),
  assistantCapable: z.boolean(),
};
export const TaskKindInputSchema = z
  .strictObject({
    key: z.string().trim().min(1).max(64).regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case, like "strings_setup"'),
    ...kindFields,
    category: kindFields.category.optional(),
    roomBound: z.boolean().default(false),
    defaultEstimateMinutes: kindFields.defaultEstimateMinutes.default(60),
    assistantCapable: z.boolean().default(false),
  })
  .meta({ id: 'TaskKindInput' });
export const TaskKindPatchSchema = nonEmptyPatch(z.strictObject(kindFields)).meta({ id: 'TaskKindPatch' });

export const RoomParamsSchema = z.strictObject({ roomId: IdSchema });
export const MemberParamsSchema = z.strictObject({ memberId: IdSchema });
export const ProjectParamsSchema = z.strictObject({ projectId: IdSchema });
export const TaskKindParamsSchema = z.strictObject({ key: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be a task kind key') });

export const BookingConflictDetailsSchema = z.object({
  conflicts: z.array(
    z.object({
      /** gear: an item the session's input list plans is planned at the new time elsewhere too. */
      kind: z.enum(['room', 'producer', 'engineer', 'member', 'task', 'gear']),
      sessionId: IdSchema,
      title: z.string(),
      startsAt: InstantSchema,
      endsAt: InstantSchema,
      memberId: IdSchema.optional(),
      gearId: IdSchema.optional(),
      message: z.string(),
    }),
  ),
});

export type RoomInput = z.input<typeof RoomInputSchema>;
export type MemberInput = z.input<typeof MemberInputSchema>;
export type ProjectInput = z.input<typeof ProjectInputSchema>;
export type TaskKindInput = z.input<typeof TaskKindInputSchema>;
export type BookingConflictDetails = z.infer<typeof BookingConflictDetailsSchema>;

/** A slot being typed into the booking form, checked before "Confirm booking". */
export const BookingCheckInputSchema = z
  .strictObject({
    startsAt: InstantSchema,
    endsAt: InstantSchema,
    roomId: IdSchema.nullable().optional(),
    producerId: IdSchema.nullable().optional(),
    engineerId: IdSchema.nullable().optional(),
    /** The session being changed, when it is not a new booking (its own time is left out). */
    sessionId: IdSchema.optional(),
    /** Prep and teardown (default: the room's, or the session's own when changing one). */
    prepMinutes: prepField.optional(),
    teardownMinutes: prepField.optional(),
    hold: z.enum(NEW_BOOKING_HOLDS).optional(),
  })
  .refine(sessionWindow, windowMessage)
  .meta({ id: 'BookingCheckInput' });
export type BookingCheckInput = z.infer<typeof BookingCheckInputSchema>;

export const BookingCheckSchema = z
  .object({
    /** What booking this would be refused for (as BOOKING_CONFLICT details). */
    conflicts: BookingConflictDetailsSchema.shape.conflicts,
    /** Everyone with a trade role: free in the slot or what they are busy with, and their hours without this session. */
    people: z.array(
      z.object({
        member: PersonRefSchema,
        free: z.boolean(),
        busyWith: BusyWithSchema.nullable(),
        bookedMinutes: z.number(),
        capacityMinutes: z.number(),
        dayBookedMinutes: z.number(),
        dayCapacityMinutes: z.number(),
      }),
    ),
    rooms: z.array(z.object({ room: z.object({ id: IdSchema, name: z.string() }), free: z.boolean(), busyWith: BusyWithSchema.nullable() })),
    week: z.object({ start: InstantSchema, end: InstantSchema }),
    /** The slot as checked: call and clear time with the prep and teardown used. */
    callAt: InstantSchema,
    clearAt: InstantSchema,
    prepMinutes: z.number().int(),
    teardownMinutes: z.number().int(),
    /** First holds on the room then: a second hold may queue behind them (empty: no second hold possible). */
    firstHolds: z.array(z.object({ sessionId: IdSchema, title: z.string(), startsAt: InstantSchema, endsAt: InstantSchema, holdUntil: InstantSchema.nullable() })),
  })
  .meta({ id: 'BookingCheck' });
export type BookingCheck = z.infer<typeof BookingCheckSchema>;
