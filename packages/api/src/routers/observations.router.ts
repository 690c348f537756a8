import { z } from 'zod';
import { readPublished } from '../services/observation.service.js';
import { publicProcedure, router } from '../trpc.js';

const code = z.string().min(1).max(100);

export const observationsRouter = router({
  list: publicProcedure
    .input(
      z.object({
        refArea: z.string().regex(/^[A-Z0-9]{3}$/),
        indicator: code,
        source: code.optional(),
        sex: code.optional(),
        classif1: code.optional(),
        classif2: code.optional(),
        asOf: z
          .union([
            z.object({ vintage: z.number().int().positive() }),
            z.object({ at: z.iso.datetime({ offset: true }) }),
          ])
          .optional(),
        limit: z.number().int().min(1).max(10_000).default(1000),
      }),
    )
    .query(({ ctx, input }) => readPublished(ctx, input)),
});
