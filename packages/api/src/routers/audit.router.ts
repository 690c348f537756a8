import { z } from 'zod';
import { browseAuditLog } from '../services/audit.service.js';
import { publicProcedure, router } from '../trpc.js';

export const auditRouter = router({
  list: publicProcedure
    .input(
      z.object({
        actor: z.string().trim().max(320).optional(),
        action: z.string().trim().max(100).optional(),
        country: z
          .string()
          .regex(/^[A-Z]{3}$/)
          .optional(),
        from: z.iso.datetime({ offset: true }).optional(),
        to: z.iso.datetime({ offset: true }).optional(),
        before: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(({ ctx, input }) => browseAuditLog(ctx, input)),
});
