import { systemRouter } from './routers/system.router.js';
import { createCallerFactory, router } from './trpc.js';

export const appRouter = router({
  system: systemRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process with a real context: used by tests and the CLI. */
export const createCaller = createCallerFactory(appRouter);
