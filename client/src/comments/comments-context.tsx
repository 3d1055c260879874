import type { Mentionable, Task, TaskComment } from '@patchbay/shared';
import { createContext, useContext } from 'react';

/** What a board's cards need to show and write comments (stable while the board changes). */
export interface CommentsApi {
  /** Who can be named with "@" (the studio's people, not guests). */
  people: readonly Mentionable[];
  meId: string;
  timeZone: string;
  /** May comment on this board's tasks. */
  canComment: boolean;
  /** Whether the signed-in member may take this comment back (its author, or whoever may edit the tasks). */
  mayTakeBack: (comment: TaskComment) => boolean;
  /** Posts a comment; false when it was refused (the reason is shown as a notice). */
  post: (task: Task, body: string) => Promise<boolean>;
  remove: (comment: TaskComment) => Promise<void>;
  /** Half-written comments by task, kept while the board is open (a card remounts when it moves). */
  drafts: Map<string, string>;
}

export const CommentsContext = createContext<CommentsApi | null>(null);

export function useComments(): CommentsApi | null {
  return useContext(CommentsContext);
}
