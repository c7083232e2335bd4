/**
 * The OpenAPI document passes a standard validator (OpenAPI 3.1, with every schema valid JSON Schema 2020-12,
 * the dialect 3.1 uses), every API operation describes its success response with a schema, and the docs page
 * renders from the document.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { schemaTypeLabel } from './pages/platform.view.js';

/**
 * API operations that do not yet describe their success response with a schema. Empty it as the capabilities
 * add response schemas (the last test names entries that are no longer needed); it must end up empty.
 */
const LACKING_RESPONSE_SCHEMA: string[] = [];

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Media = { schema?: unknown };
type Operation = {
  parameters?: Array<{ schema?: unknown; content?: Record<string, Media> }>;
  requestBody?: { content?: Record<string, Media> };
  responses?: Record<string, { content?: Record<string, Media> }>;
};
type Document = { openapi: string; paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, unknown> } };

function operationsOf(doc: Document): Array<{ key: string; path: string; op: Operation }> {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, path, op })),
  );
}

/** A 2xx answer with a body schema, or a 204 (no content) that says what it means. */
const hasSuccessSchema = (op: Operation) =>
  Object.entries(op.responses ?? {}).some(
    ([status, r]) =>
      (/^2/.test(status) && Object.values(r.content ?? {}).some((m) => m.schema !== undefined)) ||
      (status === '204' && !!(r as { description?: string }).description),
  );

/** Every Schema Object in the document, with where it is. */
function schemasOf(doc: Document): Array<{ where: string; schema: unknown }> {
  const media = (where: string, content: Record<string, Media> | undefined) =>
    Object.entries(content ?? {}).flatMap(([type, m]) => (m.schema === undefined ? [] : [{ where: `${where} ${type}`, schema: m.schema }]));
  return [
    ...Object.entries(doc.components?.schemas ?? {}).map(([name, schema]) => ({ where: `components.schemas.${name}`, schema })),
    ...operationsOf(doc).flatMap(({ key, op }) => [
      ...(op.parameters ?? []).flatMap((p, i) => [
        ...(p.schema === undefined ? [] : [{ where: `${key} parameter ${i}`, schema: p.schema }]),
        ...media(`${key} parameter ${i}`, p.content),
      ]),
      ...media(`${key} request body`, op.requestBody?.content),
      ...Object.entries(op.responses ?? {}).flatMap(([status, r]) => media(`${key} response ${status}`, r.content)),
    ]),
  ];
}

const validateOpenApi = async (doc: unknown) => new Validator().validate(structuredClone(doc) as Record<string, unknown>);
const jsonSchema = new Ajv2020({ strict: false, validateFormats: false });
const invalidSchemas = (doc: Document) => schemasOf(doc).filter(({ schema }) => !jsonSchema.validateSchema(schema as object));

let t: TestApp;
let doc: Document;

before(async () => {
  t = await createTestApp();
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  assert.equal(res.statusCode, 200);
  doc = res.json() as Document;
});
after(() => t.close());

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    assert.match(doc.openapi, /^3\.1\./);
    const result = await validateOpenApi(doc);
    assert.ok(result.valid, `OpenAPI-dokumentet er ugyldigt: ${JSON.stringify(result.errors, null, 2)}`);
  });

  it('has only schemas that are valid JSON Schema 2020-12, the dialect of OpenAPI 3.1', () => {
    assert.ok(schemasOf(doc).length > 100, 'the walk finds the schemas');
    const invalid = invalidSchemas(doc);
    assert.deepEqual(
      invalid.map((s) => `${s.where}: ${jsonSchema.errorsText(jsonSchema.validateSchema(s.schema as object) ? null : jsonSchema.errors)}`),
      [],
    );
  });

  it('is checked strictly enough to fail: a broken document or a 3.0-style schema is rejected', async () => {
    const withParameters = operationsOf(doc).find(({ op }) => op.parameters?.length)!;
    const parameterWithoutPlace = structuredClone(doc);
    const [method] = withParameters.key.split(' ');
    delete (parameterWithoutPlace.paths[withParameters.path]![method!.toLowerCase()]!.parameters![0] as { in?: string }).in;
    assert.equal((await validateOpenApi(parameterWithoutPlace)).valid, false, 'a parameter without "in"');
    assert.equal((await validateOpenApi({ ...doc, info: undefined })).valid, false, 'a document without info');

    const oldDialect = structuredClone(doc);
    oldDialect.components = { ...oldDialect.components, schemas: { Alder: { type: 'integer', minimum: 0, exclusiveMinimum: true } } };
    assert.deepEqual(
      invalidSchemas(oldDialect).map((s) => s.where),
      ['components.schemas.Alder'],
      'exclusiveMinimum: true is OpenAPI 3.0 (draft 4), not 2020-12',
    );
  });

  it('counts the operations that describe their success response with a schema', (ctx) => {
    const ops = operationsOf(doc);
    const described = ops.filter(({ op }) => hasSuccessSchema(op));
    ctx.diagnostic(`${described.length} af ${ops.length} operationer beskriver deres 2xx-svar med et skema`);
    const api = ops.filter(({ path }) => path.startsWith('/api/'));
    assert.ok(described.length >= api.length - LACKING_RESPONSE_SCHEMA.length, 'no fewer than the allow-list leaves');
  });

  it('describes the success response of every API operation with a schema, except those still on the allow-list', (ctx) => {
    const api = operationsOf(doc).filter(({ path }) => path.startsWith('/api/'));
    const missing = api.filter(({ key, op }) => !hasSuccessSchema(op) && !LACKING_RESPONSE_SCHEMA.includes(key)).map((o) => o.key);
    assert.deepEqual(missing, [], 'these API operations need a zod response schema for their 2xx answer');
    const keys = new Set(api.map((o) => o.key));
    const stale = LACKING_RESPONSE_SCHEMA.filter((key) => !keys.has(key) || hasSuccessSchema(api.find((o) => o.key === key)!.op));
    if (stale.length) ctx.diagnostic(`Fjern fra LACKING_RESPONSE_SCHEMA (har skema nu eller findes ikke): ${stale.join(', ')}`);
  });
});

describe('the API docs page', () => {
  it('renders every documented operation from the document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs', headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>API-dokumentation<\/h1>/);
    for (const { key } of operationsOf(doc)) assert.ok(res.body.includes(key), `${key} står på siden`);
  });

  it('names OpenAPI 3.1 types: type lists, nullable unions, enums, formats, arrays and references', () => {
    assert.equal(schemaTypeLabel({ type: 'integer' }), 'integer');
    assert.equal(schemaTypeLabel({ type: ['string', 'null'] }), 'string | null');
    assert.equal(schemaTypeLabel({ anyOf: [{ type: 'string', format: 'date' }, { type: 'null' }] }), 'string (date) | null');
    assert.equal(schemaTypeLabel({ type: 'string', enum: ['aktiv', 'lukket'] }), 'aktiv | lukket');
    assert.equal(schemaTypeLabel({ type: 'array', items: { type: 'integer' } }), 'array af integer');
    assert.equal(schemaTypeLabel({ $ref: '#/components/schemas/Tilbud' }), 'Tilbud');
    assert.equal(schemaTypeLabel(undefined), '');
  });
});
