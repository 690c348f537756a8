import { z } from 'zod';
import { signedInCaller } from '../auth/authorize.js';
import { MAX_PASSWORD_LENGTH } from '../auth/password-policy.js';
import { changePassword, describeMe, signIn, signOut } from '../services/auth.service.js';
import { publicProcedure, router } from '../trpc.js';

const password = z.string().min(1, 'Enter the password.').max(MAX_PASSWORD_LENGTH);

export const authRouter = router({
  /** The caller, or null when signed out: the admin app's way to know where it stands. */
  me: publicProcedure.query(({ ctx }) => describeMe(ctx)),

  login: publicProcedure
    .input(z.object({ email: z.string().trim().min(1, 'Enter your email address.').max(320), password }))
    .mutation(({ ctx, input }) => signIn(ctx, input)),

  logout: publicProcedure.mutation(({ ctx }) => signOut(ctx, signedInCaller(ctx))),

  changePassword: publicProcedure
    .input(z.object({ currentPassword: password, newPassword: password }))
    .mutation(({ ctx, input }) => changePassword(ctx, signedInCaller(ctx), input)),
});
