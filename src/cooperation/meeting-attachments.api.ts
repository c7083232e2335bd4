/**
 * @module JSON API of a meeting's attachments (bilag): the list and the download (as the meeting's minutes: internal
 * or published), the secretariat's upload (multipart: an optional `agendaItemId` field, then the file in `fil`) and
 * deletion. The access check runs before the file is read.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../core/http/schemas.js';
import { readUploadedFile } from '../core/http/upload.js';
import {
  ATTACHMENT_MISSING,
  authorizeAttachmentEdit,
  deleteAttachment,
  downloadAttachment,
  listAttachments,
  uploadAttachment,
} from './meeting-attachments.service.js';
import { ZMeetingParams } from './meetings.schema.js';

const tags = ['Samarbejde'];
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse };
const zPathId = (what: string) =>
  z
    .string()
    .transform((v) => (/^\d{1,10}$/.test(v) && Number(v) > 0 && Number(v) <= 2147483647 ? Number(v) : 0))
    .describe(what);
export const ZAttachmentParams = ZMeetingParams.extend({ attachmentId: zPathId('Bilagets id') });

export const ZAttachment = z.object({
  id: z.number().int(),
  agendaItem: z.object({ id: z.number().int(), position: z.number().int(), title: z.string() }).nullable().describe('Punktet; null: bilag til mødet'),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int().describe('Størrelse i bytes'),
  sizeText: z.string(),
  sha256: z.string(),
  uploadedAt: z.string(),
  href: z.string().describe('Siden, bilaget hentes fra'),
});

const rawMeetingId = (params: unknown) => ZMeetingParams.parse({ id: String((params as { id?: unknown })?.id ?? '') }).id;

export function meetingAttachmentsApi(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/meetings/:id/attachments',
    {
      schema: {
        summary: 'Mødets bilag (som referatet: internt for organets medlemmer og sekretariatet, eller offentliggjort)',
        tags,
        params: ZMeetingParams,
        response: { 200: z.object({ attachments: z.array(ZAttachment) }), ...errors },
      },
    },
    async (req) => ({ attachments: await listAttachments(req.ctx, req.params.id) }),
  );

  app.get(
    '/api/meetings/:id/attachments/:attachmentId',
    {
      schema: {
        summary: 'Hent et bilag (med filens indholdstype og Content-Disposition)',
        tags,
        params: ZAttachmentParams,
        response: {
          200: { description: 'Filen', content: { 'application/octet-stream': { schema: z.string().describe('Filen') } } },
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const file = await downloadAttachment(req.ctx, req.params.id, req.params.attachmentId);
      return (reply as FastifyReply)
        .type(file.contentType)
        .header('content-disposition', file.disposition)
        .header('x-content-type-options', 'nosniff')
        .send(file.body);
    },
  );

  app.post(
    '/api/meetings/:id/attachments',
    {
      config: { upload: true },
      preValidation: (req) => authorizeAttachmentEdit(req.ctx, rawMeetingId(req.params)),
      schema: {
        summary: 'Vedhæft en fil til mødet eller et punkt (sekretariatet; multipart: evt. feltet agendaItemId, derefter filen i feltet "fil"; højst 10 MB)',
        tags,
        consumes: ['multipart/form-data'],
        params: ZMeetingParams,
        response: { 201: z.object({ id: z.number().int() }), ...errors, 413: ZErrorResponse },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await uploadAttachment(req.ctx, req.params.id, () => readUploadedFile(req, ATTACHMENT_MISSING)) }),
  );

  app.delete(
    '/api/meetings/:id/attachments/:attachmentId',
    {
      schema: { summary: 'Slet et bilag (sekretariatet)', tags, params: ZAttachmentParams, response: { 204: z.null().describe('Slettet'), ...errors } },
    },
    async (req, reply) => {
      await deleteAttachment(req.ctx, req.params.id, req.params.attachmentId);
      return reply.status(204).send(null);
    },
  );
}
