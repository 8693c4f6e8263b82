import { useSyncExternalStore } from 'react';

/** Whether a CSS media query matches, read synchronously (no first render with the wrong answer) and followed. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const mql = window.matchMedia(query);
      mql.addEventListener('change', onChange);
      return () => mql.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}

/** The user asked the system for less motion: dialogs, drawers and menus then open without animating. */
export function useReducedMotion(): boolean {
  return useMediaQuery('(prefers-reduced-motion: reduce)');
}
