/**
 * @module Structured logs (Fastify's pino, JSON lines): one line per request with its request id, method,
 * route, path (no query string: searches hold names), status and time. No personal data: no query strings,
 * headers, cookies, client addresses or bodies, and errors without the database's `detail` (which quotes the
 * refused values). Level from `RAMME_LOG`; `info` in production, off otherwise.
 */
import type { FastifyServerOptions } from 'fastify';

type Destination = { write: (line: string) => void };

type LoggedRequest = { method?: string; url?: string; routeOptions?: { url?: string } };
type LoggedError = { name?: string; code?: unknown; message?: string; stack?: string; statusCode?: unknown };

/** The pino options for a log level (none: no logging), optionally into a given stream (tests). */
export function loggerOptions(level: string | undefined, stream?: Destination): FastifyServerOptions['logger'] {
  if (!level) return false;
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      // An invitation link's path is its credential: logged without the token.
      req: (req: LoggedRequest) => ({
        method: req.method,
        path: String(req.url ?? '')
          .split('?')[0]!
          .replace(/^\/invitation\/[^/]+/, '/invitation/…'),
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: (err: LoggedError) => ({
        type: err.name ?? 'Error',
        code: typeof err.code === 'string' ? err.code : undefined,
        statusCode: err.statusCode,
        message: err.message ?? '',
        stack: err.stack ?? '',
      }),
    },
  };
}
