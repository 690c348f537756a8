import { z } from 'zod';
import { signedInCaller } from '../auth/authorize.js';
import { roles } from '../auth/principal.js';
import {
  createAccount,
  deactivateAccount,
  listAccounts,
  reactivateAccount,
  resetAccountPassword,
  updateAccount,
} from '../services/user.service.js';
import { publicProcedure, router } from '../trpc.js';

const countryCode = z.string().regex(/^[A-Z]{3}$/, 'Use an ISO 3166-1 alpha-3 code such as LAO.');
const userId = z.object({ id: z.uuid() });

export const usersRouter = router({
  list: publicProcedure.query(({ ctx }) => listAccounts(ctx)),

  create: publicProcedure
    .input(
      z.object({
        email: z.email('Enter an email address such as name@ministry.gov.la.').max(320),
        name: z.string().trim().min(1, 'Enter the person’s name.').max(200),
        role: z.enum(roles),
        countries: z.array(countryCode).max(11).default([]),
      }),
    )
    .mutation(({ ctx, input }) => createAccount(ctx, signedInCaller(ctx), input)),

  update: publicProcedure
    .input(
      z.object({
        id: z.uuid(),
        name: z.string().trim().min(1).max(200).optional(),
        role: z.enum(roles).optional(),
        countries: z.array(countryCode).max(11).optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateAccount(ctx, signedInCaller(ctx), input)),

  deactivate: publicProcedure
    .input(userId)
    .mutation(({ ctx, input: { id } }) => deactivateAccount(ctx, signedInCaller(ctx), id)),

  reactivate: publicProcedure.input(userId).mutation(({ ctx, input: { id } }) => reactivateAccount(ctx, id)),

  resetPassword: publicProcedure.input(userId).mutation(({ ctx, input: { id } }) => resetAccountPassword(ctx, id)),
});
