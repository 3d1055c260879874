/** Longest task title (the API refuses more; the forms stop typing there and count down near it). */
export const TASK_TITLE_MAX = 200;
/** From this many characters on, title fields show how many are left. */
export const TASK_TITLE_COUNT_FROM = 180;
