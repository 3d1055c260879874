// A board viewer as the web client runs one: the client's own reducer over a snapshot, the
// socket's events, its own write results, and gap fetches. Used by the live-board tests.
import type { BoardEvent, BoardJoinAck, SetupItem, Task } from '@patchbay/shared';
import { BOARD_EVENTS_FRAME, PROTOCOL_VERSION, SOCKET_ID_HEADER } from '@patchbay/shared';
import { io, type Socket } from 'socket.io-client';
import { boardReducer, gapAfter, type BoardAction, type BoardState } from '../../client/src/board/board-state';
import type { Api } from './test-server';

export class BoardClient {
  state: BoardState | null = null;
  /** Every seq this viewer received over the socket or in join acks, in arrival order. */
  readonly received: number[] = [];
  private socket: Socket | undefined;
  private fetching: Promise<void> | undefined;

  constructor(
    readonly name: string,
    private readonly baseUrl: string,
    private readonly cookie: string,
    private readonly api: Api,
    private readonly sessionId: string,
  ) {}

  private dispatch(action: BoardAction): void {
    this.state = boardReducer(this.state, action);
  }

  async open(): Promise<void> {
    const snapshot = await this.api('GET', `/api/sessions/${this.sessionId}/board`);
    this.dispatch({ type: 'snapshot', snapshot: snapshot.body });
    await this.connect();
  }

  private async connect(): Promise<void> {
    const socket = io(this.baseUrl, { path: '/socket.io', transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie: this.cookie } });
    this.socket = socket;
    socket.on(BOARD_EVENTS_FRAME, (frame: { events: BoardEvent[] }) => this.onEvents(frame.events));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    await this.join();
  }

  private async join(): Promise<void> {
    const ack: BoardJoinAck = await this.socket!.timeout(5000).emitWithAck('board.join', { v: PROTOCOL_VERSION, sessionId: this.sessionId, afterSeq: this.state!.seq });
    if (!ack.ok) throw new Error(`${this.name} could not join: ${ack.error.message}`);
    if (ack.reset) await this.reload();
    else this.onEvents(ack.missed);
  }

  private onEvents(events: BoardEvent[]): void {
    for (const e of events) this.received.push(e.seq);
    this.dispatch({ type: 'events', events });
    if (gapAfter(this.state) !== null) void this.fillGap();
  }

  private async reload(): Promise<void> {
    const snapshot = await this.api('GET', `/api/sessions/${this.sessionId}/board`);
    this.dispatch({ type: 'snapshot', snapshot: snapshot.body, force: true });
  }

  /** Fetches what is missing after the last applied seq, like the client's gap handling. */
  fillGap(): Promise<void> {
    this.fetching ??= (async () => {
      try {
        for (let after = gapAfter(this.state); after !== null; after = gapAfter(this.state)) {
          const page = await this.api('GET', `/api/sessions/${this.sessionId}/events?after=${after}`);
          if (page.body.reset) return this.reload();
          this.dispatch({ type: 'events', events: page.body.events });
          if (gapAfter(this.state) === after) break;
        }
      } finally {
        this.fetching = undefined;
      }
    })();
    return this.fetching;
  }

  /** Catches up with the log up to `seq` (own writes are not echoed, so the tail may be missing). */
  async catchUp(seq: number): Promise<void> {
    for (let round = 0; this.state && this.state.seq < seq; round += 1) {
      if (round > 50) {
        throw new Error(`${this.name} cannot catch up to seq ${seq}: at ${this.state.seq}, pending ${[...this.state.pending.keys()].join(',')}, needsReload ${this.state.needsReload}`);
      }
      const page = await this.api('GET', `/api/sessions/${this.sessionId}/events?after=${this.state.seq}`);
      if (page.body.reset) await this.reload();
      else this.dispatch({ type: 'events', events: page.body.events });
    }
  }

  /** The socket id its writes carry (undefined while cut). */
  get socketId(): string | undefined {
    return this.socket?.connected ? this.socket.id : undefined;
  }

  /** A setup line as the server answered one of our writes (or a 409's current). */
  setupSaved(item: SetupItem): void {
    this.dispatch({ type: 'setupSaved', item });
  }

  /** Writes as this viewer: its socket id goes along, so it is not echoed; the answer is applied at once. */
  async write(method: string, path: string, body?: unknown) {
    const res = await this.api(method, path, body, { [SOCKET_ID_HEADER]: this.socket!.id! });
    if ((res.status === 200 || res.status === 201) && typeof res.body?.part === 'string') this.dispatch({ type: 'setupSaved', item: res.body as SetupItem });
    else if (res.status === 409 && typeof res.body?.error?.details?.current?.part === 'string') this.dispatch({ type: 'setupSaved', item: res.body.error.details.current as SetupItem });
    else if (res.status === 201 || (res.status === 200 && res.body?.id)) this.dispatch({ type: 'taskSaved', task: res.body as Task });
    else if (res.status === 200 && res.body?.task && res.body?.columns) this.dispatch({ type: 'taskMoved', task: res.body.task, columns: res.body.columns, seq: res.body.seq });
    else if (res.status === 204 && method === 'DELETE') this.dispatch({ type: 'taskRemoved', taskId: path.split('/')[3]!.split('?')[0]! });
    else if (res.status === 409 && res.body?.error?.details?.current) this.dispatch({ type: 'taskSaved', task: res.body.error.details.current as Task });
    return res;
  }

  /** Drops the connection (like a network cut), keeping the state. */
  cut(): void {
    this.socket?.disconnect();
  }

  /** Connects again and rejoins from the last applied seq. */
  async reconnect(): Promise<void> {
    this.socket?.removeAllListeners();
    await this.connect();
  }

  close(): void {
    this.socket?.disconnect();
  }

  /** Setup lines as a plain sorted list, to compare boards. */
  setup(): SetupItem[] {
    return [...(this.state?.setup?.values() ?? [])].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Tasks as a plain sorted list, to compare boards. */
  tasks(): Task[] {
    return [...(this.state?.tasks.values() ?? [])].sort((a, b) => a.id.localeCompare(b.id));
  }
}
