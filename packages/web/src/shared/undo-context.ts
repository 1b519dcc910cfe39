import { createContext, useContext } from 'react';

import type { Deleted } from '../api/api-client';

/** What was deleted, in words ("Calls at 09:00": the notice says "Deleted Calls at 09:00."), and how to bring it back. */
export interface UndoOffer {
  what: string;
  deleted: Deleted;
}

export const UndoContext = createContext<((offer: UndoOffer) => void) | null>(null);

/** Offers to undo a delete in the notice at the foot of the page (see UndoNotice). */
export function useUndo(): (offer: UndoOffer) => void {
  const offer = useContext(UndoContext);
  if (offer === null) throw new Error('useUndo needs an <UndoProvider> above it (the layout has one).');
  return offer;
}
