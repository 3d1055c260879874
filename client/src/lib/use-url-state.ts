import { useSearchParams } from 'react-router';

/**
 * A page's state kept in its URL (?view=week&date=…), so reloads and links keep it: the current
 * parameters and a setter that changes some of them (null removes one). `replace`: without a
 * new history entry.
 */
export function useUrlState({ replace }: { replace: boolean }): [URLSearchParams, (changes: Record<string, string | null>) => void] {
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace },
    );
  return [params, set];
}
