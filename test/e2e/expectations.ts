import type { Role } from '../../src/lib/roles.ts';

/**
 * The top-level menu each role must see, written out by hand (not derived from the app's own table)
 * so a change to who sees what shows up here as a deliberate edit.
 */
export const EXPECTED_MENU: Record<Role, readonly string[]> = {
  admin: ['home', 'admin'],
  center_analyst: ['home', 'warnings', 'cases', 'funds', 'cards', 'persons', 'outreach', 'liaison', 'stats'],
  center_leader: ['home', 'warnings', 'cases', 'funds', 'cards', 'persons', 'outreach', 'liaison', 'stats'],
  viewer: ['home', 'warnings', 'cases', 'funds', 'cards', 'persons', 'outreach', 'liaison', 'stats'],
  station_officer: ['home', 'warnings', 'cases', 'cards', 'persons', 'outreach', 'stats'],
  grid_worker: ['home', 'warnings', 'persons'],
  bank_liaison: ['home', 'funds', 'cards', 'liaison'],
  operator_liaison: ['home', 'cards', 'liaison'],
  member_contact: ['home', 'cards', 'outreach', 'liaison'],
};
