import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { type AppRouter, appRouter, checkHealth, createContext, type Dependencies } from '@ilms/api';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { readRequestFacts } from './auth-context.js';
import { registerDownloadRoutes } from './routes/downloads.js';
import { registerUploadRoute } from './routes/uploads.js';
import { registerSecurityHeaders } from './security.js';

export interface AppOptions {
  deps: Dependencies;
  logger: FastifyBaseLogger;
  /** The built admin SPA; served with index.html as the fallback for its client-side routes. */
  adminDist: string | null;
  /** Fastify's `trustProxy`: whose X-Forwarded-For to believe for the client address. */
  trustProxy?: boolean | string;
  /** Uploads larger than this are refused (default 200 MB). */
  uploadLimitBytes?: number;
}

export async function buildApp({
  deps,
  logger,
  adminDist,
  trustProxy = false,
  uploadLimitBytes = 200 * 1_048_576,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: logger,
    trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // Lets `close()` end idle keep-alive sockets so shutdown does not wait for browsers.
    forceCloseConnections: 'idle',
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  await registerSecurityHeaders(app);

  app.get('/health', async (_request, reply) => {
    const health = await checkHealth(deps);
    return reply.code(health.status === 'ok' ? 200 : 503).send(health);
  });

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: async ({ req, res }) => createContext(deps, req.id, await readRequestFacts(deps, req, res)),
      onError: ({ path: procedure, error, ctx }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          app.log.error({ err: error, procedure, requestId: ctx?.requestId }, 'procedure failed');
        }
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });
  registerDownloadRoutes(app, deps);
  await registerUploadRoute(app, deps, { limitBytes: uploadLimitBytes });

  if (adminDist && existsSync(path.join(adminDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: adminDist, wildcard: false });
    app.setNotFoundHandler((request, reply) => {
      const isPageRequest = request.method === 'GET' && !request.url.startsWith('/trpc/');
      if (isPageRequest && request.headers.accept?.includes('text/html')) return reply.sendFile('index.html');
      return reply.code(404).send({ error: 'Not Found', message: `No route for ${request.method} ${request.url}` });
    });
  } else {
    app.log.warn({ adminDist }, 'admin app not built: run `pnpm build` to serve the admin UI');
  }
  return app;
}
