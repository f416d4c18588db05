import { createContext, useContext } from 'react';

/**
 * False while a screen is kept alive out of sight (a lead's dashboard, approvals or review behind a case opened
 * from them): its dialogs close, to open again as they were when the user comes back.
 */
export const ScreenActive = createContext(true);

export const useScreenActive = (): boolean => useContext(ScreenActive);
