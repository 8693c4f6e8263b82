import type { OrgCreateInput, OrgDto, OrgUpdateInput } from '../../../src/modules/orgs/orgs.schema.ts';
import { request } from './client.ts';

export type { OrgCreateInput, OrgDto, OrgUpdateInput };

export async function listOrgs(includeInactive: boolean): Promise<OrgDto[]> {
  const out = await request<{ items: OrgDto[] }>('GET', '/api/v1/orgs', { query: { includeInactive: includeInactive ? 'true' : undefined } });
  return out.items;
}

export const createOrg = (input: OrgCreateInput): Promise<OrgDto> => request<OrgDto>('POST', '/api/v1/orgs', { body: input });

export const updateOrg = (code: string, patch: OrgUpdateInput): Promise<OrgDto> =>
  request<OrgDto>('PATCH', `/api/v1/orgs/${encodeURIComponent(code)}`, { body: patch });
