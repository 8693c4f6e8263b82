import type { TokenDto } from '../../../api/tokens.ts';

export type TokenStatus = 'active' | 'revoked' | 'expired';

export function tokenStatus(tok: TokenDto, now: Date = new Date()): TokenStatus {
  if (tok.revokedAt) return 'revoked';
  if (tok.expiresAt && new Date(tok.expiresAt) <= now) return 'expired';
  return 'active';
}
