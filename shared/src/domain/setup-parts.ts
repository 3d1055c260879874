/** The three parts of a session's setup list, and their limits (no zod: the client imports this). */
export const SETUP_PARTS = ['INPUT', 'PATCH', 'CHECK'] as const;
export type SetupPart = (typeof SETUP_PARTS)[number];
export const SETUP_PART_LABELS: Readonly<Record<SetupPart, string>> = { INPUT: 'Input list', PATCH: 'Patch plan', CHECK: 'Prep checklist' };

export const MAX_CHANNEL = 999;
export const MAX_PATCH_POINTS = 12;
/** Lines in one session's setup list, all parts together. */
export const MAX_SETUP_ITEMS = 300;
