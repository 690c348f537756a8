import { z } from 'zod';
import { signedInCaller } from '../auth/authorize.js';
import { createToken, listTokens, revokeToken } from '../services/token.service.js';
import { publicProcedure, router } from '../trpc.js';

export const tokensRouter = router({
  list: publicProcedure.query(({ ctx }) => listTokens(ctx, signedInCaller(ctx))),

  create: publicProcedure
    .input(
      z.object({
        name: z.string().trim().min(1, 'Name the token after the script or machine that will use it.').max(100),
        expiresInDays: z.number().int().min(1).max(365).default(90),
      }),
    )
    .mutation(({ ctx, input }) => createToken(ctx, signedInCaller(ctx), input)),

  revoke: publicProcedure
    .input(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input: { id } }) => revokeToken(ctx, signedInCaller(ctx), id)),
});
