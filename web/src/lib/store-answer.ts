import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Puts the server's answer to a change into the cache as the record's state. A fetch of the record already under
 * way (started by a live event or a poll before the change was stored) is cancelled first: its older answer would
 * otherwise land on top and show the record as it was before – a step undone on screen, buttons for the old state.
 */
export async function storeAnswer<T>(queryClient: QueryClient, key: QueryKey, data: T): Promise<void> {
  await queryClient.cancelQueries({ queryKey: key, exact: true });
  queryClient.setQueryData(key, data);
}
