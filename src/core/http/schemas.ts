/**
 * @module Route schemas are zod. Fastify validates params, query and body with them (failures become 400
 * with Danish messages per field, the same shape as everywhere else), serialises responses through them
 * (output that does not match its schema is a programming error, 500), and the OpenAPI 3.1 document is
 * generated from the same schemas (zod 4 emits JSON Schema 2020-12, the dialect of OpenAPI 3.1).
 *
 * A route without a zod schema (pages reading forms) validates in its service instead.
 */
import type { FastifySchemaCompiler } from 'fastify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { createJsonSchemaTransform, serializerCompiler as zodSerializer } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badRequest } from '../errors.js';
import { fieldErrorsFrom } from '../validation.js';

export const isZodSchema = (schema: unknown): schema is z.ZodType => schema instanceof z.ZodType;

const PART_NAMES: Record<string, string> = { params: 'adressen', querystring: 'søgeparametrene', body: 'indholdet', headers: 'headerne' };

/** Validates with zod when the schema is one; any other schema is documentation only. */
export const schemaValidator: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  if (!isZodSchema(schema)) return (data: unknown) => ({ value: data });
  return (data: unknown) => {
    const result = schema.safeParse(data ?? (httpPart === 'body' ? undefined : {}));
    if (result.success) return { value: result.data };
    const where = PART_NAMES[httpPart ?? ''] ?? 'forespørgslen';
    if (httpPart === 'params') return { error: badRequest(`Ugyldig værdi i ${where}.`, fieldErrorsFrom(result.error)) };
    if (httpPart === 'body' && (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)))
      return { error: badRequest('Forespørgslen skal være et JSON-objekt.') };
    return { error: badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', fieldErrorsFrom(result.error)) };
  };
};

/** Serialises through the zod response schema when there is one. */
export const schemaSerializer: FastifySerializerCompiler<unknown> = (route) => {
  if (isZodSchema(route.schema)) return zodSerializer(route as Parameters<typeof zodSerializer>[0]);
  return (data: unknown) => JSON.stringify(data);
};

const zodTransform = createJsonSchemaTransform({ skipList: [] });

/** @fastify/swagger transform: zod parts become JSON Schema; anything else is passed through unchanged. */
export const documentSchema: typeof zodTransform = (document) => {
  const schema = document.schema as Record<string, unknown> | undefined;
  if (!schema) return zodTransform(document);
  const zodParts: Record<string, unknown> = {};
  const plainParts: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'response' && value && typeof value === 'object') {
      const zodResponses: Record<string, unknown> = {};
      const plainResponses: Record<string, unknown> = {};
      for (const [code, r] of Object.entries(value)) (isZodSchema(r) ? zodResponses : plainResponses)[code] = r;
      if (Object.keys(zodResponses).length) zodParts.response = zodResponses;
      if (Object.keys(plainResponses).length) plainParts.response = plainResponses;
    } else if (['params', 'querystring', 'body', 'headers'].includes(key) && !isZodSchema(value)) plainParts[key] = value;
    else zodParts[key] = value;
  }
  const out = zodTransform({ ...document, schema: zodParts } as Parameters<typeof zodTransform>[0]);
  const merged = { ...(out.schema as Record<string, unknown>), ...plainParts } as Record<string, unknown>;
  if (plainParts.response) merged.response = { ...((out.schema as Record<string, unknown>)?.response as object), ...(plainParts.response as object) };
  return { ...out, schema: merged as typeof out.schema };
};

// Shared response parts -------------------------------------------------------------------------------

/** The error answer every API route gives: `{ error, fields? }`. */
export const ZErrorResponse = z
  .object({ error: z.string().describe('Dansk fejlbesked'), fields: z.record(z.string(), z.array(z.string())).optional().describe('Beskeder pr. felt') })
  .describe('Fejl');

/** Path id of a record (positive 32-bit integer). Unknown ids are 404, not 400: use `ZIdParams` with `idOrNotFound`. */
export const zId = z.coerce.number().int().positive().max(2147483647);
