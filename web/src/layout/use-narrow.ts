import { useMediaQuery } from '../lib/use-media-query.ts';

// Below antd's lg breakpoint the side menu becomes a drawer: phones and small tablets in the field.
const QUERY = '(max-width: 991.98px)';

/** Read synchronously (unlike Grid.useBreakpoint), so a phone never flashes the desktop layout first. */
export function useNarrow(): boolean {
  return useMediaQuery(QUERY);
}
