import type { OutreachAudience, OutreachVenue, ReferenceFigureKey } from '../../../src/db/types.ts';
import type { FraudType } from '../../../src/lib/fraud-types.ts';
import { request } from './client.ts';

// The 宣传 API (src/modules/outreach/outreach.routes.ts) and the reference figures it reads for the app
// registration rate (src/modules/stats/reference.ts). The routes keep their schemas private, so their
// shapes are written out here after them.

export type { FraudType, OutreachAudience, OutreachVenue, ReferenceFigureKey };
export type DirectiveKind = 'daily' | 'precision';

export interface MaterialDto {
  kind: string;
  count: number;
}

export interface ActivityDto {
  id: number;
  orgCode: string;
  orgName: string;
  /** The day it was held, YYYY-MM-DD (China time). */
  heldOn: string;
  place: string;
  venue: OutreachVenue;
  audience: OutreachAudience;
  peopleReached: number;
  materials: MaterialDto[];
  fraudTypes: string[];
  /** The directive it answered, if any. */
  directiveId: number | null;
  note: string | null;
  /** People on the vulnerable register it reached. */
  vulnerableReached: number;
  createdBy: string | null;
}

export interface ActivityBody {
  /** The holding unit; the caller's own unit when left out. */
  orgCode?: string | undefined;
  heldOn: string;
  place: string;
  venue: OutreachVenue;
  audience: OutreachAudience;
  peopleReached: number;
  materials?: MaterialDto[] | undefined;
  fraudTypes?: FraudType[] | undefined;
  directiveId?: number | undefined;
  note?: string | undefined;
  /** Mobile numbers of people on the vulnerable register it reached (each must be on it). */
  reachedPhones?: string[] | undefined;
}

export interface ActivityQuery {
  /** First day, YYYY-MM-DD. */
  from?: string | undefined;
  /** Exclusive, YYYY-MM-DD. */
  to?: string | undefined;
  /** A unit and the units below it. */
  orgCode?: string | undefined;
  audience?: OutreachAudience | undefined;
  page: number;
  pageSize: number;
}

export interface ActivityListDto {
  items: ActivityDto[];
  total: number;
  /** People reached by all the activities that match, not only this page's. */
  peopleReached: number;
}

export interface CoverageRow {
  code: string;
  name: string;
  activities: number;
  people: number;
  /** People on the vulnerable register of the unit, and how many of them the period's activities reached. */
  vulnerable: number;
  reached: number;
  /** Fractions (0.5 = 50 %); null: nothing to divide by, or no reference figures. */
  vulnerableRate: number | null;
  population: number | null;
  appRegistered: number | null;
  appRate: number | null;
}

export interface CoverageDto {
  from: string;
  /** Exclusive. */
  to: string;
  items: CoverageRow[];
}

export interface CoverageQuery {
  from?: string | undefined;
  to?: string | undefined;
  orgCode?: string | undefined;
}

export interface ProposalDto {
  orgCode: string;
  orgName: string;
  fraudType: string;
  /** Cases of the type in the last four weeks and in the four before. */
  recent: number;
  before: number;
  /** recent ÷ before; null when there were none before. */
  ratio: number | null;
  /** The group the unit's recent victims mostly belong to. */
  audience: OutreachAudience;
}

/** Whole China-time days, both ends included. */
export interface DaysDto {
  firstDay: string;
  lastDay: string;
}

export interface ProposalsDto {
  recent: DaysDto;
  before: DaysDto;
  items: ProposalDto[];
}

export interface DirectiveDto {
  id: number;
  directiveNo: string;
  kind: DirectiveKind;
  fromOrgCode: string;
  fromOrgName: string;
  title: string;
  body: string;
  fraudType: string | null;
  audience: OutreachAudience | null;
  /** What it was issued on: for one from a proposal, the proposal. */
  basis: Record<string, unknown> | null;
  issuedAt: string;
  dueAt: string;
  /** Units addressed, and how many have reported back. */
  targets: number;
  done: number;
  /** Past its deadline with units still to report back. */
  overdue: boolean;
}

export interface DirectiveUnitDto {
  orgCode: string;
  orgName: string;
  doneAt: string | null;
  /** The activity that reported back, when it was one (rather than a written feedback). */
  activityId: number | null;
  note: string | null;
  overdue: boolean;
}

export type DirectiveDetailDto = DirectiveDto & { units: DirectiveUnitDto[] };

export interface DirectiveBody {
  kind: DirectiveKind;
  title: string;
  body: string;
  fraudType?: FraudType | undefined;
  audience?: OutreachAudience | undefined;
  orgCodes: string[];
  /** Days to report back (default 7). */
  dueDays?: number | undefined;
  basis?: Record<string, unknown> | undefined;
}

export interface ReferenceFigureDto {
  orgCode: string;
  orgName: string;
  /** YYYY-MM. */
  month: string;
  key: ReferenceFigureKey;
  value: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface ReferenceFigureIn {
  orgCode: string;
  month: string;
  key: ReferenceFigureKey;
  value: number;
}

/** Newest first, with the number of all matches and the people they reached. */
export const listActivities = (q: ActivityQuery): Promise<ActivityListDto> => request('GET', '/api/v1/outreach/activities', { query: { ...q } });

/** 201; one held for a directive reports back on it for the unit it was addressed to. */
export const recordActivity = (body: ActivityBody): Promise<ActivityDto> => request('POST', '/api/v1/outreach/activities', { body });

/** Per unit directly below the chosen one (default: the caller's); the period defaults to the year so far. */
export const fetchCoverage = (q: CoverageQuery): Promise<CoverageDto> => request('GET', '/api/v1/outreach/coverage', { query: { ...q } });

export const fetchProposals = (orgCode?: string): Promise<ProposalsDto> => request('GET', '/api/v1/outreach/directives/proposals', { query: { orgCode } });

export const listDirectives = async (q: { open?: 'true' | undefined; limit: number }): Promise<DirectiveDto[]> =>
  (await request<{ items: DirectiveDto[] }>('GET', '/api/v1/outreach/directives', { query: { ...q } })).items;

export const getDirective = (id: number): Promise<DirectiveDetailDto> => request('GET', `/api/v1/outreach/directives/${id}`);

/** 201; each unit addressed is told. */
export const issueDirective = (body: DirectiveBody): Promise<DirectiveDetailDto> => request('POST', '/api/v1/outreach/directives', { body });

/** Once per unit: 409 when it already reported back, 403 when the directive does not address it. */
export const sendFeedback = (id: number, note: string): Promise<DirectiveDetailDto> => request('POST', `/api/v1/outreach/directives/${id}/feedback`, { body: { note } });

/** Months YYYY-MM, both ends included. */
export const listReferenceFigures = async (q: { from?: string | undefined; to?: string | undefined; key?: ReferenceFigureKey | undefined }): Promise<ReferenceFigureDto[]> =>
  (await request<{ items: ReferenceFigureDto[] }>('GET', '/api/v1/stats/reference-figures', { query: { ...q } })).items;

/** All or nothing; a unit and month's figure replaces the one before. */
export const putReferenceFigures = (items: ReferenceFigureIn[]): Promise<{ stored: number }> => request('PUT', '/api/v1/stats/reference-figures', { body: { items } });
