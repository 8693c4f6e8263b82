import dayjs, { type Dayjs } from 'dayjs';

/**
 * The server's clock as seen from this browser. Every API response carries `x-server-time`; the skew
 * (server minus local, less half the round trip) is kept from the response with the shortest round
 * trip, so a phone whose clock is minutes off still shows true countdowns and sends sensible times.
 */
let skewMs = 0;
let bestRoundTrip = Number.POSITIVE_INFINITY;

export function noteServerTime(header: string | null, sentAt: number, receivedAt: number): void {
  if (!header) return;
  const server = Date.parse(header);
  if (Number.isNaN(server)) return;
  const roundTrip = receivedAt - sentAt;
  // A much later answer may carry a changed server clock: refresh the skew every so often anyway.
  if (roundTrip > bestRoundTrip && receivedAt - lastNotedAt < 60_000) return;
  bestRoundTrip = roundTrip;
  lastNotedAt = receivedAt;
  skewMs = server + roundTrip / 2 - receivedAt;
}
let lastNotedAt = 0;

/** Now on the server's clock, in ms. */
export function serverNow(): number {
  return Date.now() + skewMs;
}

export function serverDayjs(): Dayjs {
  return dayjs(serverNow());
}
