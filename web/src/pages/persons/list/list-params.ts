import type { PersonCategory, PersonQuery, PersonStatus } from '../../../api/persons.ts';
import { CATEGORIES, STATUSES } from '../shared/labels.ts';

/** The list's filters live in the address, so a reload or a shared link keeps them. */
export interface PersonFilter {
  category?: PersonCategory | undefined;
  status?: PersonStatus | undefined;
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
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function writeFilter(f: PersonFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (f.category) p.set('category', f.category);
  if (f.status) p.set('status', f.status);
  if (f.page > 1) p.set('page', String(f.page));
  return p;
}

export const toQuery = (f: PersonFilter): PersonQuery => ({ category: f.category, status: f.status, page: f.page, pageSize: PAGE_SIZE });
