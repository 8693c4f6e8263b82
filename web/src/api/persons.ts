import type { z } from 'zod';
import type { PersonCategory, PersonStatus } from '../../../src/db/types.ts';
import type { PersonIn, PersonPatch } from '../../../src/modules/persons/persons.ts';
import { request } from './client.ts';

// The 重点人员 API (src/modules/persons/persons.ts). The body takes the server's own schema; the answers'
// schemas are private to that module, so their shapes are written out here after them.

export type { PersonCategory, PersonStatus };
/** A new file as the server's schema takes it (before its transforms: upper-cased ID, phone). */
export type PersonBody = z.input<typeof PersonIn>;
/** An edit as the server's schema takes it: only the fields that change; null or '' clears a text. */
export type PersonPatchBody = z.input<typeof PersonPatch>;
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
  officerName: string | null;
  measures: string[];
  status: PersonStatus;
  abroadLocation: string | null;
  returnPlan: string | null;
  familyContacts: FamilyContactDto[];
  listedAt: string;
  returnedAt: string | null;
  controlUntil: string | null;
  /** Still under control although the control period has ended: the unit should review release. */
  controlOverdue: boolean;
  updatedAt: string;
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
/** Listing days in China time, `to` excluded; null: open on that side. */
export interface ReductionPeriod {
  from?: string | undefined;
  to?: string | undefined;
}
export interface ReductionDto {
  period: { from: string | null; to: string | null };
  items: ReductionRow[];
  total: { listed: number; reduced: number; rate: number | null };
}

export interface PersonQuery {
  category?: PersonCategory | undefined;
  status?: PersonStatus | undefined;
  /** An exact ID number or mobile number, or the start of a name. */
  q?: string | undefined;
  /** A unit and the units below it. */
  orgCode?: string | undefined;
  /** "me": the files the caller is responsible for. */
  officerId?: 'me' | number | undefined;
  overdueControl?: 'true' | undefined;
  page: number;
  pageSize: number;
}

export interface OfficerDto {
  id: number;
  name: string;
  role: string;
  orgCode: string;
  orgName: string;
}

/** The latest change first, with the number of all matches. */
export const listPersons = (q: PersonQuery): Promise<{ items: PersonDto[]; total: number }> => request('GET', '/api/v1/persons', { query: { ...q } });

export const personReduction = (period: ReductionPeriod = {}): Promise<ReductionDto> => request('GET', '/api/v1/persons/reduction', { query: { ...period } });

/** Who may be made responsible for a file of this unit: its active police users and those below it. */
export const listOfficers = async (orgCode: string): Promise<OfficerDto[]> => (await request<{ items: OfficerDto[] }>('GET', '/api/v1/persons/officers', { query: { orgCode } })).items;

/** Only the fields that change; the answer is masked like any other. */
export const updatePerson = (id: number, body: PersonPatchBody): Promise<PersonDetailDto> => request('PATCH', `/api/v1/persons/${id}`, { body });

/** With reveal the server shows the ID number, name, phone and family contacts unmasked and writes an audit entry. */
export const getPerson = (id: number, reveal = false): Promise<PersonDetailDto> => request('GET', `/api/v1/persons/${id}`, { query: { reveal: reveal ? '1' : undefined } });

/** 201; 409 when the person already has a file in that category. */
export const createPerson = (body: PersonBody): Promise<PersonDetailDto> => request('POST', '/api/v1/persons', { body });

/** 409 when the step is out of order (someone moved first). */
export const movePersonStatus = (id: number, to: PersonStatus, note?: string): Promise<PersonDetailDto> =>
  request('POST', `/api/v1/persons/${id}/status`, { body: { to, ...(note ? { note } : {}) } });

export const addPersonEvent = (id: number, body: { kind: EventKind; at: string; text: string }): Promise<PersonDetailDto> =>
  request('POST', `/api/v1/persons/${id}/events`, { body });
