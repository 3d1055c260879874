/** Longest task title (the API refuses more; the forms stop typing there and count down near it). */
export const TASK_TITLE_MAX = 200;
/** From this many characters on, title fields show how many are left. */
export const TASK_TITLE_COUNT_FROM = 180;
/** Longest reason for a blocked task. */
export const BLOCKED_REASON_MAX = 500;
/** Longest comment on a task. */
export const COMMENT_MAX = 2000;
