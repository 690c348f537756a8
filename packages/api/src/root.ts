import { auditRouter } from './routers/audit.router.js';
import { authRouter } from './routers/auth.router.js';
import { catalogueRouter } from './routers/catalogue.router.js';
import { observationsRouter } from './routers/observations.router.js';
import { submissionsRouter } from './routers/submissions.router.js';
import { systemRouter } from './routers/system.router.js';
import { tokensRouter } from './routers/tokens.router.js';
import { usersRouter } from './routers/users.router.js';
import { createCallerFactory, router } from './trpc.js';

export const appRouter = router({
  system: systemRouter,
  auth: authRouter,
  catalogue: catalogueRouter,
  users: usersRouter,
  tokens: tokensRouter,
  audit: auditRouter,
  submissions: submissionsRouter,
  observations: observationsRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process with a real context: used by tests and the CLI. */
export const createCaller = createCallerFactory(appRouter);
