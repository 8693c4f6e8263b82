import type { HomeDto } from '../../../src/modules/home/home.schema.ts';
import { request } from './client.ts';

export type { HomeDto };

export const fetchHome = (): Promise<HomeDto> => request<HomeDto>('GET', '/api/v1/home');
