import type { Role } from '../../../src/lib/roles.ts';
import type { z } from 'zod';
import type { UserCreate, UserDto, UserUpdate } from '../../../src/modules/users/users.schema.ts';
import { request } from './client.ts';

export type { UserDto };

export interface UserQuery {
  q?: string | undefined;
  role?: Role | undefined;
  orgCode?: string | undefined;
  active?: 'true' | 'false' | undefined;
  page: number;
  pageSize: number;
}

/** Request bodies as the server's schemas accept them (before its transforms, e.g. phone normalising). */
export type UserCreateBody = z.input<typeof UserCreate>;
export type UserPatch = z.input<typeof UserUpdate>;

export const listUsers = (q: UserQuery): Promise<{ items: UserDto[]; total: number }> =>
  request('GET', '/api/v1/users', { query: { ...q } });

export const createUser = (body: UserCreateBody): Promise<UserDto> => request('POST', '/api/v1/users', { body });

export const updateUser = (id: number, patch: UserPatch): Promise<UserDto> => request('PATCH', `/api/v1/users/${id}`, { body: patch });

export const resetPassword = (id: number, password: string): Promise<void> =>
  request('POST', `/api/v1/users/${id}/password`, { body: { password } });

/** The full phone number; the server records the reveal in the audit log. */
export const revealUser = (id: number): Promise<UserDto> => request('GET', `/api/v1/users/${id}`, { query: { reveal: '1' } });
