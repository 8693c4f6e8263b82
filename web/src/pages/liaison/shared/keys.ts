import type { TaskQuery } from '../../../api/liaison.ts';

// Query keys of the 联席办 screens: everything under LIAISON_KEY is refetched after a change (a reply moves
// the overview, the meeting's progress and the queue; a letter the overview's letter count).
export const LIAISON_KEY = ['liaison'] as const;
export const overviewKey = (year?: number) => ['liaison', 'overview', year ?? null] as const;
export const meetingListKey = (limit: number) => ['liaison', 'meetings', 'list', limit] as const;
export const meetingKey = (id: number) => ['liaison', 'meetings', 'detail', id] as const;
export const taskListKey = (q: TaskQuery) => ['liaison', 'tasks', 'list', q] as const;
export const taskKey = (id: number) => ['liaison', 'tasks', 'detail', id] as const;
export const lettersKey = (year: number) => ['liaison', 'letters', year] as const;
