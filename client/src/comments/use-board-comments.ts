import { canTakeBackComment, type AccessRole, type AccessScope, type Mentionable, type Task, type TaskComment } from '@patchbay/shared';
import { useCallback, useMemo, useState } from 'react';
import { useApi } from '../api/api-context';
import { errorMessage } from '../api/client';
import { ApiError } from '../api/http';
import { useNotices } from '../components/notices';
import type { BoardAction } from '../board/board-state';
import type { CommentsApi } from './comments-context';

/** What a board's cards need to post and take back comments (stable while the board changes). */
export function useBoardComments(
  dispatch: (action: BoardAction) => void,
  options: { people: readonly Mentionable[]; meId: string; timeZone: string; canComment: boolean; role: AccessRole; scope: AccessScope },
): CommentsApi {
  const apiClient = useApi();
  const { notify } = useNotices();
  const { people, meId, timeZone, canComment, role, scope } = options;
  const mayTakeBack = useCallback((comment: TaskComment) => canTakeBackComment(role, scope, comment.author?.id ?? null, meId), [role, scope, meId]);
  const [drafts] = useState(() => new Map<string, string>());
  const post = useCallback(
    async (task: Task, body: string) => {
      try {
        dispatch({ type: 'commentSaved', comment: await apiClient.addComment(task.id, body) });
        return true;
      } catch (err) {
        notify({ tone: 'error', title: `Couldn't comment on “${task.title}”.`, message: errorMessage(err) });
        return false;
      }
    },
    [apiClient, dispatch, notify],
  );
  const remove = useCallback(
    (comment: TaskComment) =>
      apiClient.deleteComment(comment.id).then(
        () => dispatch({ type: 'commentRemoved', commentId: comment.id, taskId: comment.taskId }),
        (err: unknown) => {
          // Already gone (taken back on another screen): what we wanted.
          if (err instanceof ApiError && err.code === 'NOT_FOUND') dispatch({ type: 'commentRemoved', commentId: comment.id, taskId: comment.taskId });
          else notify({ tone: 'error', title: "Couldn't delete the comment.", message: errorMessage(err) });
        },
      ),
    [apiClient, dispatch, notify],
  );
  return useMemo<CommentsApi>(() => ({ people, meId, timeZone, canComment, mayTakeBack, post, remove, drafts }), [people, meId, timeZone, canComment, mayTakeBack, post, remove, drafts]);
}
