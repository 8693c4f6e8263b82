import type { PersonCategory, PersonQuery, PersonStatus } from '../../../api/persons.ts';
import { CATEGORIES, STATUSES } from '../shared/labels.ts';

/** The list's filters live in the address, so a reload or a shared link keeps them. */
export interface PersonFilter {
  category?: PersonCategory | undefined;
  status?: PersonStatus | undefined;
  /** An exact ID number or mobile number, or the start of a name. */
  q?: string | undefined;
  orgCode?: string | undefined;
  /** The files the signed-in officer is responsible for. */
  mine?: boolean | undefined;
  /** Still under control after the control period ended. */
  overdue?: boolean | undefined;
  page: number;
}

export const PAGE_SIZE = 20;

export function readFilter(p: URLSearchParams): PersonFilter {
  const category = p.get('category') ?? '';
  const status = p.get('status') ?? '';
  const page = Number(p.get('page'));
  return {
    category: (CATEGORIES as readonly string[]).includes(category) ? (category as PersonCategory) : undefined,
    status: (STATUSES as readonly string[]).includes(status) ? (status as PersonStatus) : undefined,
    q: p.get('q')?.trim().slice(0, 50) || undefined,
    orgCode: p.get('org') || undefined,
    mine: p.get('mine') === '1' || undefined,
    overdue: p.get('overdue') === '1' || undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function writeFilter(f: PersonFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.category) p.set('category', f.category);
  if (f.status) p.set('status', f.status);
  if (f.orgCode) p.set('org', f.orgCode);
  if (f.mine) p.set('mine', '1');
  if (f.overdue) p.set('overdue', '1');
  if (f.page > 1) p.set('page', String(f.page));
  return p;
}

export const isFiltered = (f: PersonFilter): boolean => Boolean(f.category || f.status || f.q || f.orgCode || f.mine || f.overdue);

export const toQuery = (f: PersonFilter): PersonQuery => ({
  category: f.category,
  status: f.status,
  q: f.q,
  orgCode: f.orgCode,
  officerId: f.mine ? 'me' : undefined,
  overdueControl: f.overdue ? 'true' : undefined,
  page: f.page,
  pageSize: PAGE_SIZE,
});
