import type { TokenCreateInput, TokenDto } from '../../../src/modules/tokens/tokens.schema.ts';
import { request } from './client.ts';

export type { TokenCreateInput, TokenDto };

export async function listTokens(): Promise<TokenDto[]> {
  return (await request<{ items: TokenDto[] }>('GET', '/api/v1/tokens')).items;
}

export const createToken = (input: TokenCreateInput): Promise<{ id: number; token: string }> => request('POST', '/api/v1/tokens', { body: input });

export const revokeToken = (id: number): Promise<void> => request('DELETE', `/api/v1/tokens/${id}`);
