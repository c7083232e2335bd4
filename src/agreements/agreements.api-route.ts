/**
 * @module The shape every agreements API operation is declared in: zod schemas for address, body and answers
 * (Fastify validates and serialises with them; the OpenAPI document comes from them). The validation result waits
 * for the access check: an id that cannot exist is 404 like an unknown one, and a refused caller gets 401/403/404
 * rather than field errors, because each service checks access first and then validates the same body.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { notFound } from '../core/errors.js';
import { etagOf } from '../core/version.js';
import * as A from './agreements.api-schema.js';

const TAGS = ['Rammeaftaler'];
const OK = { ok: true } as const;

export type Method = 'GET' | 'POST' | 'PUT';
export type Operation<P extends z.ZodType, R extends z.ZodType> = {
  summary: string;
  params?: P;
  body?: z.ZodType;
  response: R;
  /** Success status: 200 (default) or 201 for a new record. */
  created?: boolean;
  isPublic?: boolean;
  /** The answer's body; `reply` for its headers (the ETag of a versioned record). */
  run: (req: FastifyRequest, params: z.infer<P>, reply: FastifyReply) => Promise<z.input<R>>;
};

/**
 * The route declarer plus the answer helpers: `{ id }` of a new record, `{ ok: true }`, and the two that also send
 * the ETag of the version a save left (`saved`: `{ id }` of a versioned content row, `versioned`: `{ ok: true }`).
 */
export function agreementRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const route = <P extends z.ZodType, R extends z.ZodType>(method: Method, url: string, op: Operation<P, R>) => {
    const schema: FastifySchema = {
      summary: op.summary,
      tags: TAGS,
      ...(op.isPublic ? { security: [] } : {}),
      ...(op.params ? { params: op.params } : {}),
      ...(op.body ? { body: op.body } : {}),
      response: { [op.created ? 201 : 200]: op.response, ...A.ERRORS },
    };
    api.route({
      method,
      url,
      attachValidation: true,
      schema,
      handler: async (req, reply) => {
        if (req.validationError && (req.validationError as { validationContext?: string }).validationContext === 'params') throw notFound();
        reply.status(op.created ? 201 : 200);
        return op.run(req, req.params as z.infer<P>, reply);
      },
    });
  };
  const created = async (id: Promise<number>) => ({ id: await id });
  const ok = async (done: Promise<unknown>) => (await done, OK);
  const saved = async (reply: FastifyReply, done: Promise<{ id: number; version: number }>) => {
    const { id, version } = await done;
    reply.header('etag', etagOf(version));
    return { id };
  };
  const versioned = async (reply: FastifyReply, version: Promise<number>) => (reply.header('etag', etagOf(await version)), OK);

  return { route, created, ok, saved, versioned };
}
