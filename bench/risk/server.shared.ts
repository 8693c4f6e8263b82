/** Names shared by the benchmark's server process and its client. */
export const BANK = 'ICBC';
export const PASSWORD = 'Bench-pass-123';
