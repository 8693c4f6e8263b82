import type { z } from 'zod';
import type { PersonCategory, PersonStatus } from '../../../src/db/types.ts';
import type { PersonIn } from '../../../src/modules/persons/persons.ts';
import { request } from './client.ts';

// The 重点人员 API (src/modules/persons/persons.ts). The body takes the server's own schema; the answers'
// schemas are private to that module, so their shapes are written out here after them.

export type { PersonCategory, PersonStatus };
/** A new file as the server's schema takes it (before its transforms: upper-cased ID, phone). */
export type PersonBody = z.input<typeof PersonIn>;
export type EventKind = 'contact' | 'movement' | 'family' | 'note';

export interface FamilyContactDto {
  name: string;
  relation: string;
  phone?: string | undefined;
}

/** Masked (ID number, name, phone, family contacts) unless fetched with reveal. */
export interface PersonDto {
  id: number;
  idNumber: string;
  name: string;
  phone: string | null;
  category: PersonCategory;
  orgCode: string;
  orgName: string;
  officerId: number | null;
  measures: string[];
  status: PersonStatus;
  abroadLocation: string | null;
  returnPlan: string | null;
  familyContacts: FamilyContactDto[];
  listedAt: string;
  returnedAt: string | null;
  controlUntil: string | null;
  nextStatuses: PersonStatus[];
}

export interface PersonEventDto {
  at: string;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  actorName: string | null;
  detail: Record<string, unknown>;
}
export type PersonDetailDto = PersonDto & { events: PersonEventDto[] };

export interface ReductionRow {
  orgCode: string;
  orgName: string;
  listed: number;
  reduced: number;
  rate: number | null;
}
export interface ReductionDto {
  items: ReductionRow[];
  total: { listed: number; reduced: number; rate: number | null };
}

export interface PersonQuery {
  category?: PersonCategory | undefined;
  status?: PersonStatus | undefined;
  page: number;
  pageSize: number;
}

/** Newest change first; the server gives no total, so a full page means there may be another. */
export const listPersons = (q: PersonQuery): Promise<{ items: PersonDto[] }> => request('GET', '/api/v1/persons', { query: { ...q } });

export const personReduction = (): Promise<ReductionDto> => request('GET', '/api/v1/persons/reduction');

/** With reveal the server shows the ID number, name, phone and family contacts unmasked and writes an audit entry. */
export const getPerson = (id: number, reveal = false): Promise<PersonDetailDto> => request('GET', `/api/v1/persons/${id}`, { query: { reveal: reveal ? '1' : undefined } });

/** 201; 409 when the person already has a file in that category. */
export const createPerson = (body: PersonBody): Promise<PersonDetailDto> => request('POST', '/api/v1/persons', { body });

/** 409 when the step is out of order (someone moved first). */
export const movePersonStatus = (id: number, to: PersonStatus, note?: string): Promise<PersonDetailDto> =>
  request('POST', `/api/v1/persons/${id}/status`, { body: { to, ...(note ? { note } : {}) } });

export const addPersonEvent = (id: number, body: { kind: EventKind; at: string; text: string }): Promise<PersonDetailDto> =>
  request('POST', `/api/v1/persons/${id}/events`, { body });
