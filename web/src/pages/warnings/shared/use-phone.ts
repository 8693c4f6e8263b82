import { useMediaQuery } from '../../../lib/use-media-query.ts';

// Below 768 px the queue turns from a table into cards: a grid worker's phone in the field.
const QUERY = '(max-width: 767.98px)';

export function usePhone(): boolean {
  return useMediaQuery(QUERY);
}
