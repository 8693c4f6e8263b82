import { z } from 'zod';
import { ORG_KINDS } from '../../lib/roles.ts';

export const HomeOut = z.object({
  scope: z.object({ code: z.string(), name: z.string(), kind: z.enum(ORG_KINDS), partner: z.boolean() }),
  orgCounts: z.record(z.string(), z.number()),
  userCounts: z.record(z.string(), z.number()),
  activeTokens: z.number(),
  recentActivity: z.array(z.object({ at: z.string(), action: z.string(), targetType: z.string().nullable(), targetId: z.string().nullable() })),
});
export type HomeDto = z.infer<typeof HomeOut>;
