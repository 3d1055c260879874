import type {
  Agenda,
  MentionList,
  TaskComment,
  HoldConfirmation,
  ArtistSessions,
  AgendaQuery,
  CreatedSetupItems,
  CreateSetupItemInput,
  GearInput,
  GearItem,
  GearPatch,
  ImportInputs,
  MovedSetupItem,
  MoveSetupItemInput,
  SessionTemplate,
  SessionTemplateInput,
  SetupContext,
  SetupItem,
  UpdateSetupItemInput,
  AssignmentCheck,
  BoardSnapshot,
  CreateTaskInput,
  EventsPage,
  ListSessionsQuery,
  Me,
  Member,
  MovedTask,
  MoveTaskInput,
  Project,
  Room,
  RoutingPreview,
  RoutingPreviewInput,
  Session,
  Studio,
  Task,
  TaskAssignment,
  TaskKindList,
  UpdateTaskInput,
  Workload,
  WorkloadItems,
  TaskCandidates,
  BookingCheck,
  BookingCheckInput,
  SessionCommand,
  SessionStatusChange,
  CalendarFeed,
} from '@patchbay/shared';
import { ApiError, createHttpClient, type HttpClientOptions } from './http';
import type {
  AcceptInvitationInput,
  AuditEntry,
  AuditQuery,
  AuthSession,
  BookingConflict,
  ChangePasswordInput,
  CreatedInvitation,
  Invitation,
  InvitationInput,
  InvitationPreview,
  MemberAccessInput,
  MemberInput,
  MemberPatch,
  ProjectInput,
  ProjectPatch,
  RoomInput,
  RoomPatch,
  SessionCreateInput,
  SessionPatchInput,
  SetupInput,
  SetupStatus,
  SignInInput,
  TaskKind,
  TaskKindInput,
  TaskKindPatch,
} from './types';

/** Every API call the web client makes. Components get it from ApiProvider (tests may pass a fake). */
export interface ApiClient {
  // Accounts
  /** The signed-in member, or null when nobody is signed in (401). */
  getMe(signal?: AbortSignal): Promise<Me | null>;
  signIn(input: SignInInput): Promise<Me>;
  signOut(): Promise<void>;
  changePassword(input: ChangePasswordInput): Promise<void>;
  listAuthSessions(signal?: AbortSignal): Promise<AuthSession[]>;
  revokeAuthSession(authSessionId: string): Promise<void>;
  getSetupStatus(signal?: AbortSignal): Promise<SetupStatus>;
  setup(input: SetupInput): Promise<Me>;
  listInvitations(signal?: AbortSignal): Promise<Invitation[]>;
  createInvitation(input: InvitationInput): Promise<CreatedInvitation>;
  revokeInvitation(invitationId: string): Promise<void>;
  previewInvitation(token: string, signal?: AbortSignal): Promise<InvitationPreview>;
  acceptInvitation(token: string, input: AcceptInvitationInput): Promise<Me>;
  setMemberAccess(memberId: string, input: MemberAccessInput): Promise<Member>;
  signOutMember(memberId: string): Promise<void>;
  listAudit(query: AuditQuery, signal?: AbortSignal): Promise<AuditEntry[]>;
  /** Called whenever a request answers 401 (the sign-in ended); returns the unsubscribe function. */
  onUnauthenticated(listener: () => void): () => void;

  // Studio and catalog
  getStudio(signal?: AbortSignal): Promise<Studio>;
  getTaskKinds(signal?: AbortSignal): Promise<TaskKindList>;
  getWorkload(range: { from: string; to: string }, signal?: AbortSignal): Promise<Workload>;
  /** The sessions and tasks behind one member's hours in the window. */
  getWorkloadItems(memberId: string, range: { from: string; to: string }, signal?: AbortSignal): Promise<WorkloadItems>;
  /** Where the browser downloads the report of the window as CSV. */
  workloadCsvUrl(range: { from: string; to: string }): string;
  createRoom(input: RoomInput): Promise<Room>;
  updateRoom(roomId: string, patch: RoomPatch): Promise<Room>;
  deleteRoom(roomId: string): Promise<void>;
  createMember(input: MemberInput): Promise<Member>;
  updateMember(memberId: string, patch: MemberPatch): Promise<Member>;
  deleteMember(memberId: string): Promise<void>;
  createProject(input: ProjectInput): Promise<Project>;
  updateProject(projectId: string, patch: ProjectPatch): Promise<Project>;
  deleteProject(projectId: string): Promise<void>;
  createTaskKind(input: TaskKindInput): Promise<TaskKind>;
  updateTaskKind(key: string, patch: TaskKindPatch): Promise<TaskKind>;
  deleteTaskKind(key: string): Promise<void>;

  // Sessions and boards
  listSessions(query: ListSessionsQuery, signal?: AbortSignal): Promise<Session[]>;
  createSession(input: SessionCreateInput): Promise<Session>;
  updateSession(sessionId: string, patch: SessionPatchInput): Promise<Session>;
  deleteSession(sessionId: string): Promise<void>;
  /** Start, wrap or reopen a session (POST /sessions/:id/start|wrap|reopen); 409 says why it does not fit its status. */
  changeSessionStatus(sessionId: string, command: SessionCommand): Promise<SessionStatusChange>;
  /** Confirm a hold (POST /sessions/:id/confirm): `challenged` when a live first hold was challenged instead. */
  confirmHold(sessionId: string): Promise<HoldConfirmation>;
  /** Let a hold go (POST /sessions/:id/release); the second hold behind a first moves up. */
  releaseHold(sessionId: string): Promise<Session>;
  getBoard(sessionId: string, signal?: AbortSignal): Promise<BoardSnapshot>;
  getEvents(sessionId: string, after: number, signal?: AbortSignal): Promise<EventsPage>;

  // Tasks and routing
  createTask(sessionId: string, input: CreateTaskInput): Promise<Task>;
  updateTask(taskId: string, input: UpdateTaskInput): Promise<Task>;
  deleteTask(taskId: string, version?: number): Promise<void>;
  /** Drag and drop: the task to `index` (0 = top) of the `status` column; answers the new order of the columns it touched. */
  moveTask(taskId: string, input: MoveTaskInput): Promise<MovedTask>;
  // Comments and the mentions in them
  addComment(taskId: string, body: string): Promise<TaskComment>;
  deleteComment(commentId: string): Promise<void>;
  mentions(): Promise<MentionList>;
  /** Marks these mentions read (all of them without ids). */
  readMentions(ids?: string[]): Promise<MentionList>;
  previewRouting(sessionId: string, input: RoutingPreviewInput, signal?: AbortSignal): Promise<RoutingPreview>;
  rerouteTask(taskId: string, version: number): Promise<Task>;
  checkAssignment(taskId: string, memberId: string, signal?: AbortSignal): Promise<AssignmentCheck>;
  /** Who could take a task instead of its assignee, with their hours and what moving it does. */
  getTaskCandidates(taskId: string, signal?: AbortSignal): Promise<TaskCandidates>;
  /** The booking form's live check of a slot: conflicts, who and which rooms are free. */
  checkBooking(input: BookingCheckInput, signal?: AbortSignal): Promise<BookingCheck>;
  listAssignments(taskId: string, signal?: AbortSignal): Promise<TaskAssignment[]>;

  // Gear, setup lists and templates
  listGear(signal?: AbortSignal): Promise<GearItem[]>;
  createGear(input: GearInput): Promise<GearItem>;
  updateGear(gearId: string, patch: GearPatch): Promise<GearItem>;
  deleteGear(gearId: string): Promise<void>;
  createSetupItem(sessionId: string, input: CreateSetupItemInput): Promise<SetupItem>;
  updateSetupItem(itemId: string, input: UpdateSetupItemInput): Promise<SetupItem>;
  moveSetupItem(itemId: string, input: MoveSetupItemInput): Promise<MovedSetupItem>;
  deleteSetupItem(itemId: string, version?: number): Promise<void>;
  generateChecklist(sessionId: string): Promise<CreatedSetupItems>;
  importInputs(sessionId: string, input: ImportInputs): Promise<CreatedSetupItems>;
  /** Address of the input list as a CSV file (a download link). */
  inputsCsvUrl(sessionId: string): string;
  getSetupContext(sessionId: string, signal?: AbortSignal): Promise<SetupContext>;
  listTemplates(signal?: AbortSignal): Promise<SessionTemplate[]>;
  createTemplate(input: SessionTemplateInput): Promise<SessionTemplate>;
  replaceTemplate(templateId: string, input: SessionTemplateInput): Promise<SessionTemplate>;
  duplicateTemplate(templateId: string, name?: string): Promise<SessionTemplate>;
  deleteTemplate(templateId: string): Promise<void>;
  saveSessionAsTemplate(sessionId: string, input: { name: string; description?: string }): Promise<SessionTemplate>;
  getAgenda(query: AgendaQuery, signal?: AbortSignal): Promise<Agenda>;
  /** The artist's page: the sessions of the projects one is a guest of. */
  getArtistSessions(signal?: AbortSignal): Promise<ArtistSessions>;

  // Calendar feeds: one's own, and a room's (admins)
  getMyFeed(signal?: AbortSignal): Promise<CalendarFeed>;
  /** Makes the feed, or gives it a new URL (the old one stops working). */
  rotateMyFeed(): Promise<CalendarFeed>;
  revokeMyFeed(): Promise<void>;
  getRoomFeed(roomId: string, signal?: AbortSignal): Promise<CalendarFeed>;
  rotateRoomFeed(roomId: string): Promise<CalendarFeed>;
  revokeRoomFeed(roomId: string): Promise<void>;
}

export function createApiClient(options: HttpClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '/api';
  const unauthenticated = new Set<() => void>();
  const request = createHttpClient({
    ...options,
    onUnauthenticated: () => {
      options.onUnauthenticated?.();
      for (const listener of unauthenticated) listener();
    },
  });
  const id = encodeURIComponent;
  return {
    async getMe(signal) {
      try {
        // optional=true: signed out is a 200 with null, not a 401 the browser logs as an error.
        return await request<Me | null>('/auth/me', { signal, query: { optional: 'true' }, authProbe: true });
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    signIn: (input) => request<Me>('/auth/sign-in', { method: 'POST', body: input, authProbe: true }),
    signOut: () => request<void>('/auth/sign-out', { method: 'POST', authProbe: true }),
    changePassword: (input) => request<void>('/auth/password', { method: 'POST', body: input }),
    listAuthSessions: async (signal) => (await request<{ sessions: AuthSession[] }>('/auth/sessions', { signal })).sessions,
    revokeAuthSession: (authSessionId) => request<void>(`/auth/sessions/${id(authSessionId)}`, { method: 'DELETE' }),
    getSetupStatus: (signal) => request<SetupStatus>('/setup', { signal, authProbe: true }),
    setup: (input) => request<Me>('/setup', { method: 'POST', body: input, authProbe: true }),
    listInvitations: async (signal) => (await request<{ invitations: Invitation[] }>('/invitations', { signal })).invitations,
    createInvitation: (input) => request<CreatedInvitation>('/invitations', { method: 'POST', body: input }),
    revokeInvitation: (invitationId) => request<void>(`/invitations/${id(invitationId)}`, { method: 'DELETE' }),
    previewInvitation: (token, signal) => request<InvitationPreview>(`/invitations/by-token/${id(token)}`, { signal, authProbe: true }),
    acceptInvitation: (token, input) =>
      request<Me>(`/invitations/by-token/${id(token)}/accept`, { method: 'POST', body: input, authProbe: true }),
    setMemberAccess: (memberId, input) => request<Member>(`/members/${id(memberId)}/access`, { method: 'PUT', body: input }),
    signOutMember: (memberId) => request<void>(`/members/${id(memberId)}/sessions`, { method: 'DELETE' }),
    listAudit: async (query, signal) => (await request<{ entries: AuditEntry[] }>('/audit', { query: { ...query }, signal })).entries,
    onUnauthenticated(listener) {
      unauthenticated.add(listener);
      return () => void unauthenticated.delete(listener);
    },

    getStudio: (signal) => request<Studio>('/studio', { signal }),
    getTaskKinds: (signal) => request<TaskKindList>('/task-kinds', { signal }),
    getWorkload: (range, signal) => request<Workload>('/workload', { query: range, signal }),
    getWorkloadItems: (memberId, range, signal) => request<WorkloadItems>(`/workload/members/${id(memberId)}/items`, { query: range, signal }),
    workloadCsvUrl: (range) => `${baseUrl}/workload.csv?${new URLSearchParams(range).toString()}`,
    createRoom: (input) => request<Room>('/rooms', { method: 'POST', body: input }),
    updateRoom: (roomId, patch) => request<Room>(`/rooms/${id(roomId)}`, { method: 'PATCH', body: patch }),
    deleteRoom: (roomId) => request<void>(`/rooms/${id(roomId)}`, { method: 'DELETE' }),
    createMember: (input) => request<Member>('/members', { method: 'POST', body: input }),
    updateMember: (memberId, patch) => request<Member>(`/members/${id(memberId)}`, { method: 'PATCH', body: patch }),
    deleteMember: (memberId) => request<void>(`/members/${id(memberId)}`, { method: 'DELETE' }),
    createProject: (input) => request<Project>('/projects', { method: 'POST', body: input }),
    updateProject: (projectId, patch) => request<Project>(`/projects/${id(projectId)}`, { method: 'PATCH', body: patch }),
    deleteProject: (projectId) => request<void>(`/projects/${id(projectId)}`, { method: 'DELETE' }),
    createTaskKind: (input) => request<TaskKind>('/task-kinds', { method: 'POST', body: input }),
    updateTaskKind: (key, patch) => request<TaskKind>(`/task-kinds/${id(key)}`, { method: 'PATCH', body: patch }),
    deleteTaskKind: (key) => request<void>(`/task-kinds/${id(key)}`, { method: 'DELETE' }),

    listSessions: async (query, signal) =>
      (await request<{ sessions: Session[] }>('/sessions', { query: { ...query }, signal })).sessions,
    createSession: (input) => request<Session>('/sessions', { method: 'POST', body: input }),
    updateSession: (sessionId, patch) => request<Session>(`/sessions/${id(sessionId)}`, { method: 'PATCH', body: patch }),
    deleteSession: (sessionId) => request<void>(`/sessions/${id(sessionId)}`, { method: 'DELETE' }),
    changeSessionStatus: (sessionId, command) => request<SessionStatusChange>(`/sessions/${id(sessionId)}/${command}`, { method: 'POST' }),
    confirmHold: (sessionId) => request<HoldConfirmation>(`/sessions/${id(sessionId)}/confirm`, { method: 'POST' }),
    releaseHold: (sessionId) => request<Session>(`/sessions/${id(sessionId)}/release`, { method: 'POST' }),
    getBoard: (sessionId, signal) => request<BoardSnapshot>(`/sessions/${id(sessionId)}/board`, { signal }),
    getEvents: (sessionId, after, signal) =>
      request<EventsPage>(`/sessions/${id(sessionId)}/events`, { query: { after }, signal }),

    createTask: (sessionId, input) => request<Task>(`/sessions/${id(sessionId)}/tasks`, { method: 'POST', body: input }),
    updateTask: (taskId, input) => request<Task>(`/tasks/${id(taskId)}`, { method: 'PATCH', body: input }),
    deleteTask: (taskId, version) => request<void>(`/tasks/${id(taskId)}`, { method: 'DELETE', query: { version } }),
    moveTask: (taskId, input) => request<MovedTask>(`/tasks/${id(taskId)}/move`, { method: 'POST', body: input }),
    addComment: (taskId, body) => request<TaskComment>(`/tasks/${id(taskId)}/comments`, { method: 'POST', body: { body } }),
    deleteComment: (commentId) => request<void>(`/comments/${id(commentId)}`, { method: 'DELETE' }),
    mentions: () => request<MentionList>('/me/mentions'),
    readMentions: (ids) => request<MentionList>('/me/mentions/read', { method: 'POST', body: ids ? { ids } : {} }),
    previewRouting: (sessionId, input, signal) =>
      request<RoutingPreview>(`/sessions/${id(sessionId)}/routing-preview`, { method: 'POST', body: input, signal }),
    rerouteTask: (taskId, version) => request<Task>(`/tasks/${id(taskId)}/reroute`, { method: 'POST', body: { version } }),
    checkAssignment: (taskId, memberId, signal) =>
      request<AssignmentCheck>(`/tasks/${id(taskId)}/assignment-check`, { method: 'POST', body: { memberId }, signal }),
    getTaskCandidates: (taskId, signal) => request<TaskCandidates>(`/tasks/${id(taskId)}/candidates`, { signal }),
    checkBooking: (input, signal) => request<BookingCheck>('/bookings/check', { method: 'POST', body: input, signal }),
    listAssignments: async (taskId, signal) =>
      (await request<{ assignments: TaskAssignment[] }>(`/tasks/${id(taskId)}/assignments`, { signal })).assignments,

    listGear: async (signal) => (await request<{ items: GearItem[] }>('/gear', { signal })).items,
    createGear: (input) => request<GearItem>('/gear', { method: 'POST', body: input }),
    updateGear: (gearId, patch) => request<GearItem>(`/gear/${id(gearId)}`, { method: 'PATCH', body: patch }),
    deleteGear: (gearId) => request<void>(`/gear/${id(gearId)}`, { method: 'DELETE' }),
    createSetupItem: (sessionId, input) => request<SetupItem>(`/sessions/${id(sessionId)}/setup-items`, { method: 'POST', body: input }),
    updateSetupItem: (itemId, input) => request<SetupItem>(`/setup-items/${id(itemId)}`, { method: 'PATCH', body: input }),
    moveSetupItem: (itemId, input) => request<MovedSetupItem>(`/setup-items/${id(itemId)}/move`, { method: 'POST', body: input }),
    deleteSetupItem: (itemId, version) => request<void>(`/setup-items/${id(itemId)}`, { method: 'DELETE', query: { version } }),
    generateChecklist: (sessionId) => request<CreatedSetupItems>(`/sessions/${id(sessionId)}/setup/checklist`, { method: 'POST' }),
    importInputs: (sessionId, input) => request<CreatedSetupItems>(`/sessions/${id(sessionId)}/setup/inputs/import`, { method: 'POST', body: input }),
    inputsCsvUrl: (sessionId) => `${baseUrl}/sessions/${id(sessionId)}/setup/inputs.csv`,
    getSetupContext: (sessionId, signal) => request<SetupContext>(`/sessions/${id(sessionId)}/setup/context`, { signal }),
    listTemplates: async (signal) => (await request<{ templates: SessionTemplate[] }>('/templates', { signal })).templates,
    createTemplate: (input) => request<SessionTemplate>('/templates', { method: 'POST', body: input }),
    replaceTemplate: (templateId, input) => request<SessionTemplate>(`/templates/${id(templateId)}`, { method: 'PUT', body: input }),
    duplicateTemplate: (templateId, name) => request<SessionTemplate>(`/templates/${id(templateId)}/duplicate`, { method: 'POST', body: name ? { name } : {} }),
    deleteTemplate: (templateId) => request<void>(`/templates/${id(templateId)}`, { method: 'DELETE' }),
    saveSessionAsTemplate: (sessionId, input) => request<SessionTemplate>(`/sessions/${id(sessionId)}/template`, { method: 'POST', body: input }),
    getAgenda: (query, signal) => request<Agenda>('/me/agenda', { query: { ...query }, signal }),
    getArtistSessions: (signal) => request<ArtistSessions>('/artist/sessions', { signal }),

    getMyFeed: (signal) => request<CalendarFeed>('/feeds/me', { signal }),
    rotateMyFeed: () => request<CalendarFeed>('/feeds/me', { method: 'POST' }),
    revokeMyFeed: () => request<void>('/feeds/me', { method: 'DELETE' }),
    getRoomFeed: (roomId, signal) => request<CalendarFeed>(`/rooms/${id(roomId)}/feed`, { signal }),
    rotateRoomFeed: (roomId) => request<CalendarFeed>(`/rooms/${id(roomId)}/feed`, { method: 'POST' }),
    revokeRoomFeed: (roomId) => request<void>(`/rooms/${id(roomId)}/feed`, { method: 'DELETE' }),
  };
}

/** The line as it is now on the server, when a setup write was refused with 409 VERSION_CONFLICT. */
export function conflictingSetupItem(err: unknown): SetupItem | null {
  if (!(err instanceof ApiError) || err.code !== 'VERSION_CONFLICT') return null;
  const current = (err.details as { current?: unknown } | undefined)?.current;
  if (typeof current !== 'object' || current === null) return null;
  const v = current as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.version === 'number' && typeof v.part === 'string' ? (current as SetupItem) : null;
}

/** The rows of a refused CSV import: line, column and why. */
export function importRowErrors(err: unknown): { line: number; column: string | null; message: string }[] {
  if (!(err instanceof ApiError) || err.code !== 'VALIDATION_FAILED') return [];
  const rows = (err.details as { rows?: unknown } | undefined)?.rows;
  return Array.isArray(rows) ? rows.filter((r): r is { line: number; column: string | null; message: string } => typeof r === 'object' && r !== null && typeof (r as { line?: unknown }).line === 'number') : [];
}

function looksLikeTask(value: unknown): value is Task {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.version === 'number' && typeof v.status === 'string' && typeof v.title === 'string';
}

/** The task as it is now on the server, when a write was refused with 409 VERSION_CONFLICT. */
export function conflictingTask(err: unknown): Task | null {
  if (!(err instanceof ApiError) || err.code !== 'VERSION_CONFLICT') return null;
  const details = err.details;
  if (typeof details !== 'object' || details === null) return null;
  const current = (details as { current?: unknown }).current;
  return looksLikeTask(current) ? current : null;
}

/** The clashing bookings of a 409 BOOKING_CONFLICT (empty for any other error). */
export function bookingConflicts(err: unknown): BookingConflict[] {
  if (!(err instanceof ApiError) || err.code !== 'BOOKING_CONFLICT') return [];
  const conflicts = (err.details as { conflicts?: unknown } | undefined)?.conflicts;
  if (!Array.isArray(conflicts)) return [];
  return conflicts.filter(
    (c): c is BookingConflict => typeof c === 'object' && c !== null && typeof (c as { message?: unknown }).message === 'string',
  );
}

/**
 * Validation problems of a 400 VALIDATION_FAILED, by the request field they are about
 * (`details.issues[].path`, first segment: "gear.0.name" → "gear"). Empty for other errors.
 */
export function fieldIssues(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError) || err.code !== 'VALIDATION_FAILED') return {};
  const issues = (err.details as { issues?: unknown } | undefined)?.issues;
  const found: Record<string, string> = {};
  if (!Array.isArray(issues)) return found;
  for (const issue of issues as { path?: unknown; message?: unknown }[]) {
    if (typeof issue.path !== 'string' || typeof issue.message !== 'string') continue;
    const field = issue.path.split('.')[0] ?? '';
    if (field && !(field in found)) found[field] = issue.message;
  }
  return found;
}

/** A readable sentence for any error, for notices. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'RATE_LIMITED' && err.retryAfterSeconds !== null && err.retryAfterSeconds > 0) {
      const minutes = Math.ceil(err.retryAfterSeconds / 60);
      return `${err.message.replace(/\.$/, '')} (try again in ${minutes === 1 ? 'about a minute' : `${minutes} minutes`}).`;
    }
    return err.message;
  }
  if (err instanceof Error && err.message) return err.message;
  return 'Something went wrong.';
}
