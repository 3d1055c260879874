// The demo studio's gear inventory, its session templates and the setup lists of its sessions,
// from common studio practice (../shared/data/studio-reference.md: drum and vocal input lists,
// a patch line, prep steps, gear states).
import type { GearCategory, SessionTemplateInput, TemplateInputLine } from '@patchbay/shared';

export interface DemoGear {
  label: string;
  category: GearCategory;
  make: string;
  model: string;
  quantity?: number;
  room: string;
  status?: 'OK' | 'IN_REPAIR' | 'MISSING';
  ribbon?: boolean;
  tube?: boolean;
  needsPhantom?: boolean;
  notes?: string;
}

export const demoGear: DemoGear[] = [
  // Control Room A
  { label: 'Neve 8078 console', category: 'OTHER', make: 'Neve', model: '8078', room: 'crA' },
  { label: 'Neve 1073', category: 'PREAMP', make: 'Neve', model: '1073', quantity: 8, room: 'crA', notes: 'Rack 1, channels #1–#8.' },
  { label: 'UREI 1176', category: 'OUTBOARD', make: 'UREI', model: '1176LN', quantity: 2, room: 'crA' },
  { label: 'Word clock', category: 'OUTBOARD', make: 'Antelope', model: 'Trinity', room: 'crA', notes: 'Master clock for both control rooms.' },
  { label: 'ATC mains', category: 'MONITOR', make: 'ATC', model: 'SCM150', room: 'crA' },
  { label: 'Beyerdynamic DT 770', category: 'HEADPHONES', make: 'Beyerdynamic', model: 'DT 770 Pro 80 Ω', quantity: 8, room: 'crA' },
  // Live Room A
  { label: 'Yamaha C7 grand', category: 'INSTRUMENT', make: 'Yamaha', model: 'C7', room: 'liveA', notes: 'Tuned on Mondays; book the tuner for other days.' },
  { label: 'U87 #1', category: 'MICROPHONE', make: 'Neumann', model: 'U87 Ai', room: 'liveA', needsPhantom: true },
  { label: 'U87 #2', category: 'MICROPHONE', make: 'Neumann', model: 'U87 Ai', room: 'liveA', needsPhantom: true },
  { label: 'Coles 4038 #1', category: 'MICROPHONE', make: 'Coles', model: '4038', room: 'liveA', ribbon: true, notes: 'Ribbon: never phantom power.' },
  { label: 'Coles 4038 #2', category: 'MICROPHONE', make: 'Coles', model: '4038', room: 'liveA', ribbon: true, notes: 'Ribbon: never phantom power.' },
  { label: 'Shure SM57', category: 'MICROPHONE', make: 'Shure', model: 'SM57', quantity: 6, room: 'liveA' },
  { label: 'MD421 #1', category: 'MICROPHONE', make: 'Sennheiser', model: 'MD 421-II', room: 'liveA' },
  { label: 'MD421 #2', category: 'MICROPHONE', make: 'Sennheiser', model: 'MD 421-II', room: 'liveA' },
  { label: 'MD421 #3', category: 'MICROPHONE', make: 'Sennheiser', model: 'MD 421-II', room: 'liveA', status: 'IN_REPAIR', notes: 'Bass roll-off switch broken; back from the workshop next week.' },
  { label: 'Beta 91A', category: 'MICROPHONE', make: 'Shure', model: 'Beta 91A', room: 'liveA', needsPhantom: true },
  { label: 'AKG D112', category: 'MICROPHONE', make: 'AKG', model: 'D112 MkII', room: 'liveA' },
  { label: 'KM184 #1', category: 'MICROPHONE', make: 'Neumann', model: 'KM 184', room: 'liveA', needsPhantom: true },
  { label: 'KM184 #2', category: 'MICROPHONE', make: 'Neumann', model: 'KM 184', room: 'liveA', needsPhantom: true },
  { label: 'Beta 52A', category: 'MICROPHONE', make: 'Shure', model: 'Beta 52A', room: 'liveA', status: 'MISSING', notes: 'Not seen since the live session on the 3rd.' },
  { label: 'Radial J48', category: 'DI', make: 'Radial', model: 'J48', quantity: 4, room: 'liveA', needsPhantom: true },
  { label: 'Boom stand', category: 'STAND', make: 'K&M', model: '210/9', quantity: 14, room: 'liveA' },
  { label: 'Short boom stand', category: 'STAND', make: 'K&M', model: '259', quantity: 6, room: 'liveA' },
  { label: 'XLR cable 10 m', category: 'CABLE', make: 'Van Damme', model: 'XLR 10 m', quantity: 40, room: 'liveA' },
  // Iso Booth A1
  { label: 'C414 #1', category: 'MICROPHONE', make: 'AKG', model: 'C414 XLS', room: 'isoA1', needsPhantom: true },
  { label: 'C414 #2', category: 'MICROPHONE', make: 'AKG', model: 'C414 XLS', room: 'isoA1', needsPhantom: true },
  // Control Room B
  { label: 'API 1608 console', category: 'OTHER', make: 'API', model: '1608', room: 'crB' },
  { label: 'Yamaha NS10', category: 'MONITOR', make: 'Yamaha', model: 'NS-10M', room: 'crB' },
  // Vocal Booth B1
  { label: 'Neumann U47', category: 'MICROPHONE', make: 'Neumann', model: 'U 47 (tube)', room: 'boothB1', tube: true, notes: 'Tube: PSU in rack 2, warm up 30 min.' },
  { label: 'Pop filter', category: 'OTHER', make: 'Stedman', model: 'Proscreen', quantity: 2, room: 'boothB1' },
  // Production Suite
  { label: 'Shure SM7B', category: 'MICROPHONE', make: 'Shure', model: 'SM7B', room: 'suite' },
];

/** A template input line by gear label (resolved to the seeded item's id at seed time). */
export type DemoInput = Omit<Partial<TemplateInputLine>, 'gearId' | 'gearLabel'> & { channel: number; source: string; gear?: string };

export interface DemoTemplate extends Omit<SessionTemplateInput, 'inputs'> {
  inputs: DemoInput[];
}

const drumInputs: DemoInput[] = [
  { channel: 1, source: 'Kick In', gear: 'Beta 91A', stand: 'inside the drum', preamp: 'Neve 1073 #1', phantom: true, notes: 'Boundary mic on the pillow.' },
  { channel: 2, source: 'Kick Out', gear: 'AKG D112', stand: 'Short boom stand', preamp: 'Neve 1073 #2', notes: 'Outside the resonant head.' },
  { channel: 3, source: 'Snare Top', gear: 'Shure SM57', stand: 'Short boom stand', preamp: 'Neve 1073 #3', insert: 'UREI 1176 #1', notes: 'Phantom off.' },
  { channel: 4, source: 'Snare Bottom', gear: 'Shure SM57', stand: 'Short boom stand', preamp: 'Neve 1073 #4', polarity: true },
  { channel: 5, source: 'Hi-Hat', gear: 'KM184 #1', stand: 'Boom stand', preamp: 'Neve 1073 #5', phantom: true, padDb: 10, highPassHz: 100 },
  { channel: 6, source: 'Rack Tom', gear: 'MD421 #1', stand: 'rim clip', preamp: 'Neve 1073 #6' },
  { channel: 7, source: 'Floor Tom', gear: 'MD421 #2', stand: 'Short boom stand', preamp: 'Neve 1073 #7' },
  { channel: 8, source: 'Overhead L', gear: 'Coles 4038 #1', stand: 'Boom stand', preamp: 'Neve 1073 #8', notes: 'Ribbon: phantom OFF.' },
  { channel: 9, source: 'Overhead R', gear: 'Coles 4038 #2', stand: 'Boom stand', preamp: 'Console ch 9', notes: 'Ribbon: phantom OFF.' },
  { channel: 10, source: 'Room L', gear: 'U87 #1', stand: 'Boom stand', preamp: 'Console ch 10', phantom: true },
  { channel: 11, source: 'Room R', gear: 'U87 #2', stand: 'Boom stand', preamp: 'Console ch 11', phantom: true },
  { channel: 12, source: 'Mono Room (crush)', gear: 'Shure SM57', stand: 'Short boom stand', preamp: 'Console ch 12', insert: 'UREI 1176 #2, all buttons in' },
];

const bandInputs: DemoInput[] = [
  { channel: 1, source: 'Kick In', gear: 'Beta 91A', stand: 'inside the drum', preamp: 'Neve 1073 #1', phantom: true },
  { channel: 2, source: 'Kick Out', gear: 'AKG D112', stand: 'Short boom stand', preamp: 'Neve 1073 #2' },
  { channel: 3, source: 'Snare Top', gear: 'Shure SM57', stand: 'Short boom stand', preamp: 'Neve 1073 #3' },
  { channel: 4, source: 'Snare Bottom', gear: 'Shure SM57', stand: 'Short boom stand', preamp: 'Neve 1073 #4', polarity: true },
  { channel: 5, source: 'Hi-Hat', gear: 'KM184 #1', stand: 'Boom stand', preamp: 'Neve 1073 #5', phantom: true, padDb: 10, highPassHz: 100 },
  { channel: 6, source: 'Rack Tom', gear: 'MD421 #1', stand: 'rim clip', preamp: 'Neve 1073 #6' },
  { channel: 7, source: 'Floor Tom', gear: 'MD421 #2', stand: 'Short boom stand', preamp: 'Neve 1073 #7' },
  { channel: 8, source: 'Overhead L', gear: 'C414 #1', stand: 'Boom stand', preamp: 'Neve 1073 #8', phantom: true },
  { channel: 9, source: 'Overhead R', gear: 'C414 #2', stand: 'Boom stand', preamp: 'Console ch 9', phantom: true },
  { channel: 10, source: 'Room L', gear: 'U87 #1', stand: 'Boom stand', preamp: 'Console ch 10', phantom: true },
  { channel: 11, source: 'Room R', gear: 'U87 #2', stand: 'Boom stand', preamp: 'Console ch 11', phantom: true },
  { channel: 12, source: 'Bass DI', gear: 'Radial J48', preamp: 'Console ch 12', phantom: true, notes: 'Thru to the bass amp.' },
  { channel: 13, source: 'Bass Amp', gear: 'Shure SM57', stand: 'Short boom stand', preamp: 'Console ch 13' },
  { channel: 14, source: 'Guitar Amp 1', gear: 'Shure SM57', stand: 'Short boom stand', preamp: 'Console ch 14', highPassHz: 80 },
  { channel: 15, source: 'Guitar Amp 2', gear: 'Shure SM57', stand: 'Short boom stand', preamp: 'Console ch 15', highPassHz: 80 },
  { channel: 16, source: 'Keys L', gear: 'Radial J48', preamp: 'Console ch 16', phantom: true },
  { channel: 17, source: 'Keys R', gear: 'Radial J48', preamp: 'Console ch 17', phantom: true },
  { channel: 18, source: 'Guide Vox', gearText: 'Shure SM58 (band’s own)', stand: 'Boom stand', preamp: 'Console ch 18', highPassHz: 100, notes: 'Guide only: the singer re-records later.' },
];

export const demoTemplates: DemoTemplate[] = [
  {
    name: 'Drum tracking',
    description: 'A 12-input drum kit from setup to tracking, one full day.',
    durationMinutes: 600,
    tasks: [
      { kind: 'room_prep', title: 'Power up console and outboard, check word clock', estimateMinutes: 30 },
      { kind: 'mic_setup', title: 'Mic the kit from the input list', estimateMinutes: 90 },
      { kind: 'soundboard_operation', title: 'Line-check all inputs, set headphone mixes', estimateMinutes: 45 },
      { kind: 'tracking', title: 'Track drums', estimateMinutes: 360 },
      { kind: 'creative_direction', title: 'Agree tempo map and feel references with the band', estimateMinutes: 30 },
    ],
    inputs: drumInputs,
    patches: [
      { points: ['Live Room wall box 1–8', 'Neve 1073 #1–#8', 'Interface in 1–8', 'DAW tracks 1–8'] },
      { points: ['Live Room wall box 3', 'Neve 1073 #3', 'UREI 1176 #1', 'Interface in 3', 'DAW track 3'], notes: 'Snare top through the 1176, 4:1, just kissing.' },
      { points: ['Live Room wall box 9–12', 'Console ch 9–12', 'Interface in 9–12', 'DAW tracks 9–12'] },
      { points: ['Console cue send 1', 'Headphone amp A', 'Drummer’s DT 770'] },
    ],
    checks: [
      { text: 'Power up console and outboard (in order: console, outboard, converters, monitors last)' },
      { text: 'Check the word clock: 48 kHz, every device locked' },
      { text: 'Create the DAW session from the drum template (48 kHz / 24-bit)' },
      { text: 'Set the drummer’s headphone mix: click, kit, guide track' },
      { text: 'Test talkback both ways' },
      { text: 'Back up yesterday’s session' },
    ],
  },
  {
    name: 'Vocal overdub',
    description: 'Lead vocals on a tube mic in the vocal booth, 3–4 hours.',
    durationMinutes: 240,
    tasks: [
      { kind: 'room_prep', title: 'Warm up the U47 (PSU in rack 2), set the pop filter', estimateMinutes: 30 },
      { kind: 'mic_setup', title: 'Lead vox mic and talkback check', estimateMinutes: 20 },
      { kind: 'soundboard_operation', title: 'Headphone mix: track, click, reverb send, own voice', estimateMinutes: 20 },
      { kind: 'artist_coaching', title: 'Warm-up and phrasing notes', estimateMinutes: 45 },
      { kind: 'tracking', title: 'Lead vocal takes', estimateMinutes: 150 },
    ],
    inputs: [
      { channel: 1, source: 'Lead Vox', gear: 'Neumann U47', stand: 'Boom stand with pop filter', preamp: 'API 1608 ch 1', highPassHz: 80, notes: 'Pop filter 10 cm from the capsule.' },
      { channel: 2, source: 'Talkback', gearText: 'Console talkback mic', preamp: 'API 1608 TB' },
    ],
    patches: [
      { points: ['Vocal Booth B1 wall box 1', 'API 1608 ch 1', 'Interface in 1', 'DAW track “Lead Vox”'] },
      { points: ['Cue send 1', 'Headphone amp B', 'Singer’s DT 770'] },
    ],
    checks: [
      { text: 'Power up the U47’s PSU 30 minutes before the call' },
      { text: 'Create the DAW session with the song’s stems and a guide' },
      { text: 'Set the singer’s headphone mix: track, click, reverb send, own voice' },
      { text: 'Test talkback' },
      { text: 'Print a track sheet' },
    ],
  },
  {
    name: 'Full band live',
    description: 'Drums, bass, two guitars, keys and a guide vocal tracked together in Live Room A.',
    durationMinutes: 600,
    tasks: [
      { kind: 'room_prep', title: 'Set out stands, cables and the band’s positions', estimateMinutes: 45 },
      { kind: 'equipment_setup', title: 'Patch the band: wall boxes, DIs and cue mixes', estimateMinutes: 60 },
      { kind: 'mic_setup', title: 'Mic the kit, amps and guide vocal from the input list', estimateMinutes: 90 },
      { kind: 'soundboard_operation', title: 'Line-check all 18 inputs, four headphone mixes', estimateMinutes: 45 },
      { kind: 'tracking', title: 'Track the band live', estimateMinutes: 300 },
      { kind: 'creative_direction', title: 'Agree the running order and keeper takes with the band', estimateMinutes: 30 },
    ],
    inputs: bandInputs,
    patches: [
      { points: ['Live Room wall box 1–8', 'Neve 1073 #1–#8', 'Interface in 1–8'] },
      { points: ['Live Room wall box 9–18', 'Console ch 9–18', 'Interface in 9–18'] },
      { points: ['Bass DI thru', 'Bass amp'] },
      { points: ['Console cue sends 1–4', 'Headphone amps A–D', 'Band’s DT 770s'] },
    ],
    checks: [
      { text: 'Power up console and outboard (in order)' },
      { text: 'Check the word clock: 48 kHz, every device locked' },
      { text: 'Create the DAW session from the band template (48 kHz / 24-bit)' },
      { text: 'Set four headphone mixes: drums, bass, guitars, vocal' },
      { text: 'Test talkback to every headphone mix' },
      { text: 'Walk the room for hum and buzz with everything powered' },
    ],
  },
  {
    name: 'Mixdown',
    description: 'One song a day in Control Room B: recall, mix, print stems.',
    durationMinutes: 600,
    tasks: [
      { kind: 'equipment_setup', title: 'Recall console and outboard from the mix template', estimateMinutes: 30 },
      { kind: 'mixing', title: 'Mix the song', estimateMinutes: 420 },
      { kind: 'bounce_export', title: 'Print mix, instrumental and a cappella stems', estimateMinutes: 45 },
      { kind: 'creative_direction', title: 'Mix notes with the artist', estimateMinutes: 30 },
    ],
    inputs: [],
    patches: [
      { points: ['DAW outs 1–16', 'API 1608 ch 1–16', 'Mix bus', 'Interface in 31–32', 'DAW print track'] },
      { points: ['API 1608 aux 1', 'Reverb', 'API 1608 returns 17–18'] },
    ],
    checks: [
      { text: 'Recall the console from the mix photos' },
      { text: 'Calibrate monitor level (83 dB SPL pink noise)' },
      { text: 'Import the stems and check the sample rate' },
      { text: 'Back up the session before printing' },
    ],
  },
  {
    name: 'Podcast / voice-over',
    description: 'Two voices and a remote guest in the Production Suite, 1–2 hours.',
    durationMinutes: 120,
    tasks: [
      { kind: 'room_prep', title: 'Chairs, table, headphones for each speaker', estimateMinutes: 20 },
      { kind: 'mic_setup', title: 'Mic the host and the guest', estimateMinutes: 15 },
      { kind: 'tracking', title: 'Record the episode', estimateMinutes: 90 },
      { kind: 'editing', title: 'Edit the episode', estimateMinutes: 60 },
      { kind: 'noise_cleanup', title: 'Remove room noise and mouth clicks', estimateMinutes: 30 },
    ],
    inputs: [
      { channel: 1, source: 'Host', gear: 'Shure SM7B', stand: 'Desk arm', preamp: 'API 1608 ch 1', highPassHz: 80 },
      { channel: 2, source: 'Guest', gear: 'C414 #1', stand: 'Desk arm', preamp: 'API 1608 ch 2', phantom: true, highPassHz: 80 },
      { channel: 3, source: 'Remote guest', gearText: 'Source-Connect return', preamp: 'Interface in 3' },
    ],
    patches: [{ points: ['Interface out 3–4', 'Remote guest mix-minus'] }],
    checks: [
      { text: 'Switch off the air conditioning in the booth during takes' },
      { text: 'Record 10 seconds of room tone' },
      { text: 'Slate the episode number' },
    ],
  },
];

/** Setup lists of the demo's sessions: booked from a template, or their own input list. */
export const demoSessionSetup: Record<string, { template: string; extraInputs?: DemoInput[] } | { inputs: DemoInput[]; patches: string[][]; checks: string[] }> = {
  'Drum tracking': { template: 'Drum tracking' },
  'Lead vocal overdubs': { template: 'Vocal overdub' },
  'Full band live: "Lantern"': { template: 'Full band live' },
  'Piano & keys': {
    inputs: [
      { channel: 1, source: 'Piano Low', gear: 'U87 #1', stand: 'Boom stand, inside over the low strings', preamp: 'Neve 1073 #1', phantom: true },
      { channel: 2, source: 'Piano High', gear: 'U87 #2', stand: 'Boom stand, inside over the high strings', preamp: 'Neve 1073 #2', phantom: true },
      { channel: 3, source: 'Room L', gear: 'C414 #1', stand: 'Boom stand', preamp: 'Neve 1073 #3', phantom: true },
      { channel: 4, source: 'Room R', gear: 'C414 #2', stand: 'Boom stand', preamp: 'Neve 1073 #4', phantom: true },
      // Planned before it went into repair: the list shows the error until someone swaps it.
      { channel: 5, source: 'Piano Spot (hammers)', gear: 'MD421 #3', stand: 'Short boom stand', preamp: 'Neve 1073 #5' },
    ],
    patches: [['Live Room wall box 1–5', 'Neve 1073 #1–#5', 'Interface in 1–5']],
    checks: ['Have the C7 tuned before 10:30', 'Lid on the long stick; check for sympathetic rattles', 'Create the DAW session (48 kHz / 24-bit)'],
  },
};
