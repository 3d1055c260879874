import { useCallback, useState } from 'react';

/** How the board draws its cards: compact (details on demand) or detailed (everything shown). */
export type CardView = 'compact' | 'detailed';

const KEY = 'patchbay:card-view';
/** Below this width (tablets, phones) a board starts compact; a choice once made is kept. */
const DETAILED_FROM_PX = 1400;

function initialView(): CardView {
  try {
    const stored = window.localStorage.getItem(KEY);
    if (stored === 'compact' || stored === 'detailed') return stored;
  } catch {
    // Storage off: fall back to the screen's width.
  }
  return window.innerWidth >= DETAILED_FROM_PX ? 'detailed' : 'compact';
}

/** The card view for this browser, and a setter that remembers the choice. */
export function useCardView(): [CardView, (view: CardView) => void] {
  const [view, setView] = useState<CardView>(initialView);
  const choose = useCallback((next: CardView) => {
    setView(next);
    try {
      window.localStorage.setItem(KEY, next);
    } catch {
      // Private mode: the choice lasts until the page is left.
    }
  }, []);
  return [view, choose];
}
