import { checkHealth } from '../services/health.service.js';
import { publicProcedure, router } from '../trpc.js';

export const systemRouter = router({
  health: publicProcedure.query(({ ctx }) => checkHealth(ctx)),
});
