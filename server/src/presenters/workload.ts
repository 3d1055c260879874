import { workloadItems, type Booking, type MemberRole, type SessionStatus, type TaskStatus, type Workload, type WorkloadItem, type WorkloadItems, type WorkloadReport } from '@patchbay/shared';

interface MemberRow {
  id: string;
  name: string;
  roles: MemberRole[];
  weeklyCapacityHours: number;
}

interface TaskRow {
  id: string;
  title: string;
  kind: string;
  version: number;
  status: TaskStatus;
  estimateMinutes: number | null;
  startsAt: Date | null;
}

/** A session as the workload loader read it, with the tasks read alongside (by id). */
export interface WorkloadSession {
  id: string;
  title: string;
  status: SessionStatus;
  startsAt: Date;
  endsAt: Date;
  room: { id: string; name: string };
  project: { id: string; title: string; artist: string; leadProducerId: string | null };
  producerId: string | null;
  engineerId: string | null;
  tasks: ReadonlyMap<string, TaskRow>;
}

function byMember<T extends { memberId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.memberId);
    if (list) list.push(row);
    else map.set(row.memberId, [row]);
  }
  return map;
}

export function presentWorkload(input: {
  timeZone: string;
  from: Date;
  to: Date;
  members: readonly MemberRow[];
  report: WorkloadReport;
  bookings: readonly Booking[];
  sessions: ReadonlyMap<string, WorkloadSession>;
}): Workload {
  const { report } = input;
  const projects = new Map<string, Workload['projects'][number]>();
  for (const booking of input.bookings) {
    const project = input.sessions.get(booking.sessionId)?.project;
    if (project && booking.minutes > 0) projects.set(project.id, { id: project.id, title: project.title, artist: project.artist });
  }
  const weeksOf = byMember(report.weeks);
  const daysOf = byMember(report.days);
  return {
    timeZone: input.timeZone,
    from: input.from.toISOString(),
    to: input.to.toISOString(),
    projects: [...projects.values()].sort((a, b) => a.artist.localeCompare(b.artist) || a.title.localeCompare(b.title)),
    members: input.members.map((m) => ({
      member: { id: m.id, name: m.name, roles: m.roles, weeklyCapacityHours: m.weeklyCapacityHours },
      weeks: (weeksOf.get(m.id) ?? []).map(({ memberId: _memberId, start, end, ...w }) => ({ ...w, start: start.toISOString(), end: end.toISOString() })),
      days: (daysOf.get(m.id) ?? []).map(({ memberId: _memberId, start: _start, end: _end, ...d }) => d),
    })),
  };
}

export function presentWorkloadItems(input: {
  member: MemberRow;
  /** Sessions whose tasks the viewer may reassign. */
  movableIn: ReadonlySet<string>;
  timeZone: string;
  from: Date;
  to: Date;
  bookings: readonly Booking[];
  sessions: ReadonlyMap<string, WorkloadSession>;
}): WorkloadItems {
  const items: WorkloadItem[] = [];
  for (const { booking, minutes, days } of workloadItems(input.bookings, { from: input.from, to: input.to }, input.timeZone)) {
    const session = input.sessions.get(booking.sessionId);
    if (!session) continue;
    const task = booking.taskId !== undefined ? session.tasks.get(booking.taskId) : undefined;
    items.push({
      kind: booking.kind === 'task' ? 'task' : 'session',
      minutes,
      days,
      busy: booking.busy !== false,
      startsAt: booking.startsAt.toISOString(),
      endsAt: booking.endsAt.toISOString(),
      role: booking.role ?? 'ENGINEER',
      session: {
        id: session.id,
        title: session.title,
        status: session.status,
        startsAt: session.startsAt.toISOString(),
        endsAt: session.endsAt.toISOString(),
        room: session.room,
        project: { id: session.project.id, title: session.project.title, artist: session.project.artist },
      },
      task: task
        ? {
            id: task.id,
            title: task.title,
            kind: task.kind,
            status: task.status,
            estimateMinutes: task.estimateMinutes,
            startsAt: task.startsAt ? task.startsAt.toISOString() : null,
            version: task.version,
            withinStaffedSession: booking.withinStaffedSession === true,
            canMove: input.movableIn.has(session.id),
          }
        : null,
    });
  }
  return { member: input.member, from: input.from.toISOString(), to: input.to.toISOString(), timeZone: input.timeZone, items };
}
