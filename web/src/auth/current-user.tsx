import { createContext, useContext } from 'react';
import type { Me } from '../api/auth.ts';

export const CurrentUserContext = createContext<Me | null>(null);

/** The signed-in user; only valid below <RequireAuth>, which renders nothing else until it is known. */
export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser outside RequireAuth');
  return me;
}
