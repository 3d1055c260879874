// The demo studio: a mid-size studio with two control rooms, its people and two artists' records.

type Role = 'PRODUCER' | 'ENGINEER' | 'ASSISTANT_ENGINEER';
type RoomKind = 'CONTROL_ROOM' | 'LIVE_ROOM' | 'BOOTH' | 'PRODUCTION_SUITE';

export const demoStudio = { name: 'Blackbird Lane Studios', slug: 'blackbird-lane', timezone: 'Europe/London' };

export const demoRooms: { key: string; name: string; kind: RoomKind; notes: string; prepMinutes: number; teardownMinutes: number }[] = [
  { key: 'crA', name: 'Control Room A', kind: 'CONTROL_ROOM', notes: 'Large-format console, main monitors. Tie lines to Live Room A and Iso Booth A1.', prepMinutes: 30, teardownMinutes: 15 },
  { key: 'liveA', name: 'Live Room A', kind: 'LIVE_ROOM', notes: 'Drums and full band. Wall boxes 1–4, 24 lines each.', prepMinutes: 45, teardownMinutes: 30 },
  { key: 'isoA1', name: 'Iso Booth A1', kind: 'BOOTH', notes: 'Vocals and amps.', prepMinutes: 15, teardownMinutes: 15 },
  { key: 'crB', name: 'Control Room B', kind: 'CONTROL_ROOM', notes: 'Mixing, in-the-box with a small console.', prepMinutes: 30, teardownMinutes: 15 },
  { key: 'boothB1', name: 'Vocal Booth B1', kind: 'BOOTH', notes: 'Lead vocals. Tie lines to Control Room B.', prepMinutes: 20, teardownMinutes: 10 },
  { key: 'suite', name: 'Production Suite', kind: 'PRODUCTION_SUITE', notes: 'Writing, editing and overdubs.', prepMinutes: 0, teardownMinutes: 0 },
];

type Access = 'ADMIN' | 'MANAGER' | 'PRODUCER' | 'ENGINEER' | 'ASSISTANT_ENGINEER' | 'GUEST';

/** Every demo account signs in with this password (listed in the README). */
export const DEMO_PASSWORD = 'patchbay-demo';

export const demoMembers: {
  key: string; name: string; email: string; roles: Role[]; skills: string[]; weeklyCapacityHours: number; knows: string[]; access: Access; guestOf?: string[];
}[] = [
  { key: 'nina', name: 'Nina Alvarez', email: 'nina@blackbird.studio', roles: [], skills: [], weeklyCapacityHours: 0, knows: [], access: 'ADMIN' },
  { key: 'maya', name: 'Maya Okafor', email: 'maya@blackbird.studio', roles: ['PRODUCER'], skills: ['engineering'], weeklyCapacityHours: 40, knows: ['crA'], access: 'PRODUCER' },
  { key: 'jonas', name: 'Jonas Berg', email: 'jonas@blackbird.studio', roles: ['PRODUCER'], skills: [], weeklyCapacityHours: 32, knows: [], access: 'PRODUCER' },
  { key: 'sam', name: 'Sam Reyes', email: 'sam@blackbird.studio', roles: ['ENGINEER'], skills: [], weeklyCapacityHours: 40, knows: ['crA', 'liveA', 'isoA1'], access: 'ENGINEER' },
  { key: 'lena', name: 'Lena Park', email: 'lena@blackbird.studio', roles: ['ENGINEER'], skills: ['mixing', 'noise_cleanup'], weeklyCapacityHours: 40, knows: ['crB', 'boothB1'], access: 'ENGINEER' },
  { key: 'priya', name: 'Priya Nair', email: 'priya@blackbird.studio', roles: ['ENGINEER'], skills: ['arrangement'], weeklyCapacityHours: 24, knows: ['suite'], access: 'ENGINEER' },
  { key: 'theo', name: 'Theo Grant', email: 'theo@blackbird.studio', roles: ['ASSISTANT_ENGINEER'], skills: [], weeklyCapacityHours: 30, knows: ['liveA', 'crA'], access: 'ASSISTANT_ENGINEER' },
  { key: 'ada', name: 'Ada Quinn', email: 'ada@quinn.music', roles: [], skills: [], weeklyCapacityHours: 0, knows: [], access: 'GUEST', guestOf: ['ada'] },
];

export const demoProjects = [
  { key: 'pines', artist: 'The Hollow Pines', title: 'Northern Lights', kind: 'ALBUM' as const, lead: 'maya' },
  { key: 'ada', artist: 'Ada Quinn', title: 'Glasshouse', kind: 'EP' as const, lead: 'jonas' },
];

export interface DemoTask {
  kind: string;
  title: string;
  who: string | null;
  notes?: string;
  estimate?: number;
}

/** Sessions relative to today (day 0), local studio time. */
export const demoSessions: {
  title: string; project: string; room: string; day: number; start: number; end: number; producer: string | null; engineer: string | null; tasks: DemoTask[];
  /** Booked from this template (tasks routed, setup list created). */
  template?: string;
  /** Pencilled in rather than confirmed, to be released by this many days from today (at 18:00). */
  hold?: { kind: 'FIRST_HOLD' | 'SECOND_HOLD'; releaseDay: number };
  /** The producer's note to the artist. */
  guestNote?: string;
}[] = [
  {
    title: 'Drum tracking', project: 'pines', room: 'liveA', day: -2, start: 10, end: 20, producer: 'maya', engineer: 'sam',
    tasks: [
      { kind: 'room_prep', title: 'Power up console and outboard, check word clock', who: 'theo', estimate: 30 },
      { kind: 'mic_setup', title: 'Mic the kit: 12-input drum list', who: 'sam', estimate: 90, notes: 'Overheads on the Coles 4038 pair: phantom OFF. Snare bottom polarity flipped.' },
      { kind: 'soundboard_operation', title: 'Line-check all inputs, set headphone mixes', who: 'sam', estimate: 45 },
      { kind: 'tracking', title: 'Track drums for songs 1–4', who: 'sam', estimate: 360 },
      { kind: 'creative_direction', title: 'Agree tempo map and feel references with the band', who: 'maya', estimate: 30 },
    ],
  },
  {
    title: 'Bass & guitar overdubs', project: 'pines', room: 'isoA1', day: -1, start: 11, end: 19, producer: 'maya', engineer: 'sam',
    tasks: [
      { kind: 'equipment_setup', title: 'DI and amp mic for bass, re-amp box for guitars', who: 'theo', estimate: 45 },
      { kind: 'tracking', title: 'Bass overdubs, songs 1–4', who: 'sam', estimate: 180 },
      { kind: 'arrangement', title: 'Rework the second guitar part in the bridge of "Harbour"', who: 'maya', estimate: 60 },
      { kind: 'editing', title: 'Back up yesterday\'s drum session', who: 'theo', estimate: 20 },
    ],
  },
  {
    title: 'Lead vocal overdubs', project: 'ada', room: 'boothB1', day: 0, start: 9, end: 21, producer: 'jonas', engineer: 'lena',
    guestNote: 'Bring your lyric sheets and your in-ear moulds. Warm-up with Jonas at 9; lunch is on us.',
    tasks: [
      { kind: 'room_prep', title: 'Warm up the U47 (tube PSU in rack 2), pop filter', who: 'lena', estimate: 30 },
      { kind: 'mic_setup', title: 'Lead vox on U47, talkback check', who: 'lena', estimate: 20 },
      { kind: 'soundboard_operation', title: 'Headphone mix: track, click, reverb send, own voice', who: 'lena', estimate: 20 },
      { kind: 'artist_coaching', title: 'Warm-up and phrasing notes for "Glasshouse" verses', who: 'jonas', estimate: 45 },
      { kind: 'tracking', title: 'Lead vocals, songs 1–3 (3 full takes each)', who: 'lena', estimate: 240 },
      { kind: 'editing', title: 'Comp lead vocal, song 1', who: 'lena', estimate: 90 },
      { kind: 'production_planning', title: 'Decide which songs get doubles and harmonies', who: 'jonas', estimate: 30 },
      { kind: 'noise_cleanup', title: 'Remove headphone bleed on take 2, bar 33', who: null, estimate: 30 },
    ],
  },
  {
    // Booked from the "Full band live" template: its tasks are routed by the rules (see demo-setup.ts).
    title: 'Full band live: "Lantern"', project: 'pines', room: 'liveA', day: 0, start: 10, end: 20, producer: 'maya', engineer: 'sam', template: 'Full band live',
    tasks: [{ kind: 'mic_setup', title: 'Set out stands and cables from the input list, label every line', who: 'theo', estimate: 45 }],
  },
  {
    title: 'Editing & comping', project: 'pines', room: 'suite', day: 0, start: 10, end: 18, producer: null, engineer: 'priya',
    tasks: [
      { kind: 'editing', title: 'Tighten drum edits, songs 1–2', who: 'priya', estimate: 180 },
      { kind: 'noise_cleanup', title: 'Clean chair squeaks from bass takes', who: 'priya', estimate: 60 },
      { kind: 'team_coordination', title: 'Send edit notes to the band', who: 'maya', estimate: 15 },
      // Planned for Lena though she is on the vocal session all day: the workload page shows her
      // day over its share, and moving this to Priya (who runs this session) costs nobody hours.
      { kind: 'noise_cleanup', title: 'De-click the piano takes for "Harbour"', who: 'lena', estimate: 120 },
    ],
  },
  {
    title: 'Mixdown: "Harbour"', project: 'pines', room: 'crB', day: 1, start: 10, end: 20, producer: 'maya', engineer: 'lena',
    tasks: [
      { kind: 'equipment_setup', title: 'Recall console and outboard from the mix template', who: 'lena', estimate: 30 },
      { kind: 'mixing', title: 'Mix "Harbour"', who: 'lena', estimate: 420 },
      { kind: 'bounce_export', title: 'Print mix, instrumental and a cappella stems', who: 'lena', estimate: 45 },
      { kind: 'creative_direction', title: 'Mix notes: vocal up in the last chorus, less room on snare', who: 'maya', estimate: 30 },
    ],
  },
  {
    title: 'Piano & keys', project: 'pines', room: 'liveA', day: 2, start: 11, end: 17, producer: 'maya', engineer: 'sam',
    tasks: [
      { kind: 'room_prep', title: 'Have the C7 tuned before 10:30', who: 'theo', estimate: 15 },
      { kind: 'mic_setup', title: 'Piano: U87 pair inside, room pair', who: 'sam', estimate: 45 },
      { kind: 'tracking', title: 'Piano for "Harbour" and "Lantern"', who: 'sam', estimate: 240 },
      { kind: 'arrangement', title: 'Voicings for the "Lantern" outro', who: 'maya', estimate: 60 },
    ],
  },
  {
    title: 'Mix revisions', project: 'ada', room: 'crB', day: 3, start: 13, end: 18, producer: 'jonas', engineer: 'lena',
    tasks: [
      { kind: 'mixing', title: 'Apply label notes to "Glasshouse" mix', who: 'lena', estimate: 180 },
      { kind: 'mix_review', title: 'Approve revised "Glasshouse" mix', who: 'jonas', estimate: 30 },
    ],
  },
  {
    title: 'Writing session', project: 'ada', room: 'suite', day: 4, start: 12, end: 16, producer: 'jonas', engineer: null,
    tasks: [
      { kind: 'creative_direction', title: 'Pick two song ideas for the B-side', who: 'jonas', estimate: 60 },
      { kind: 'production_planning', title: 'Book strings date and players', who: 'jonas', estimate: 30 },
    ],
  },
  {
    title: 'Strings for "Glasshouse"', project: 'ada', room: 'liveA', day: 8, start: 10, end: 17, producer: 'jonas', engineer: 'sam',
    hold: { kind: 'FIRST_HOLD', releaseDay: 3 },
    guestNote: 'Pencilled in while the string players confirm. Charts by Friday, please.',
    tasks: [{ kind: 'production_planning', title: 'Confirm the quartet and send charts', who: 'jonas', estimate: 30 }],
  },
  {
    title: 'Live video: "Lantern"', project: 'pines', room: 'liveA', day: 8, start: 12, end: 18, producer: 'maya', engineer: null,
    hold: { kind: 'SECOND_HOLD', releaseDay: 5 },
    tasks: [],
  },
];
