import { useSyncExternalStore } from 'react';

// Below antd's lg breakpoint the side menu becomes a drawer: phones and small tablets in the field.
const QUERY = '(max-width: 991.98px)';

function subscribe(onChange: () => void): () => void {
  const mql = window.matchMedia(QUERY);
  mql.addEventListener('change', onChange);
  return () => mql.removeEventListener('change', onChange);
}

/** Read synchronously (unlike Grid.useBreakpoint), so a phone never flashes the desktop layout first. */
export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches);
}
