import type { PersonQuery, ReductionPeriod } from '../../../api/persons.ts';

// Query keys of the persons screens: everything under PERSONS_KEY is refetched after a change.
export const PERSONS_KEY = ['persons'] as const;
export const personListKey = (q: PersonQuery) => ['persons', 'list', q] as const;
export const personDetailKey = (id: number) => ['persons', 'detail', id] as const;
export const reductionKey = (p: ReductionPeriod) => ['persons', 'reduction', p] as const;
export const officersKey = (orgCode: string) => ['persons', 'officers', orgCode] as const;
