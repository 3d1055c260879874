import { createContext, useContext } from 'react';
import './board-paused.css';

/**
 * True while the board's live connection is lost (reconnecting or offline): a write then could not
 * be confirmed, so every control that saves something waits, forms and dialogs already open
 * included. What someone typed stays where it is until the board is back.
 */
export const BoardPaused = createContext(false);

export function useBoardPaused(): boolean {
  return useContext(BoardPaused);
}

/** Said beside a paused form's save button (announced politely as it appears and goes). */
export function PausedLine({ paused, what = 'Saving' }: { paused: boolean; what?: string }) {
  return (
    <p className="paused-line" role="status">
      {paused ? `${what} waits until Patchbay is back; what you typed stays here.` : null}
    </p>
  );
}
