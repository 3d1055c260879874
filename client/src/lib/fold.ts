/** Lower case without accents, for finding as people type: "rene" finds "René". */
export const fold = (s: string): string => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
