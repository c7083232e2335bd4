/**
 * @module Use cases of a meeting's attachments (bilag): the list and the download follow the rule of the meeting's
 * minutes (internal: the body's members and the secretariat; published: the area's members or everyone signed in);
 * the area's secretariat uploads a file to the meeting or one of its agenda items (PDF, Word, Excel, PNG, JPEG; at
 * most 10 MB; the type is checked from the bytes) and deletes one. Uploads and deletions are audited without the bytes
 * (name, type, size and SHA-256).
 */
import { createHash } from 'node:crypto';
import { requireAccess, requireSignedIn, can } from '../core/access/access.js';
import { audit } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import { looksLikeCpr, CPR_MESSAGE } from '../core/cpr.js';
import { badRequest, HttpError, notFound } from '../core/errors.js';
import type { UploadedFile } from '../core/http/upload.js';
import { cleanFilename, contentDisposition, fileKindOf, MAX_ATTACHMENT_BYTES, sizeText } from './meeting-attachments.logic.js';
import * as repo from './meeting-attachments.repository.js';
import { meetingTargets } from './meetings.service.js';

const INVALID = 'Filen kan ikke vedhæftes. Ret felterne nedenfor.';
export const ATTACHMENT_MISSING = 'Vælg en fil at vedhæfte (multipart/form-data med feltet "fil").';

export const presentAttachment = (meetingId: number) => (a: repo.AttachmentRow) => ({
  id: a.id,
  agendaItem: a.agenda_item_id !== null ? { id: a.agenda_item_id, position: a.item_position ?? 0, title: a.item_title ?? '' } : null,
  filename: a.filename,
  contentType: a.content_type,
  size: a.size_bytes,
  sizeText: sizeText(a.size_bytes),
  sha256: a.sha256,
  uploadedAt: new Date(a.created_at).toISOString(),
  href: `/samarbejde/moeder/${meetingId}/bilag/${a.id}`,
});
export type PresentedAttachment = ReturnType<ReturnType<typeof presentAttachment>>;

/** The meeting's attachments, for those who may read its minutes (403 for the others; 404 for an unknown meeting). */
export async function listAttachments(ctx: Ctx, meetingId: number): Promise<PresentedAttachment[]> {
  const t = await meetingTargets(ctx, meetingId);
  requireAccess(ctx, 'cooperation.minutes.read', t.minutes);
  return (await repo.list(ctx.db, meetingId)).map(presentAttachment(meetingId));
}

/** For the meeting page: the attachments if the actor may read them (else null), and whether it may upload and delete. */
export async function attachmentsSection(ctx: Ctx, meetingId: number) {
  const t = await meetingTargets(ctx, meetingId);
  const canRead = can(ctx, 'cooperation.minutes.read', t.minutes);
  return {
    attachments: canRead ? (await repo.list(ctx.db, meetingId)).map(presentAttachment(meetingId)) : null,
    canEdit: can(ctx, 'cooperation.meeting.edit', t.edit),
  };
}

/** One attachment's bytes with the headers of its download. */
export async function downloadAttachment(ctx: Ctx, meetingId: number, id: number) {
  const t = await meetingTargets(ctx, meetingId);
  requireAccess(ctx, 'cooperation.minutes.read', t.minutes);
  const a = id > 0 ? await repo.find(ctx.db, meetingId, id) : null;
  if (!a) throw notFound('Bilaget findes ikke.');
  return { body: Buffer.from(a.content), contentType: a.content_type, disposition: contentDisposition(a.filename), size: a.size_bytes };
}

/** The access check of changing a meeting's attachments on its own (before the request's file is read). */
export async function authorizeAttachmentEdit(ctx: Ctx, meetingId: number): Promise<void> {
  const t = await meetingTargets(ctx, meetingId);
  requireSignedIn(ctx, 'cooperation.meeting.edit', t.edit);
}

/**
 * Stores an uploaded file as an attachment of the meeting, or of one of its agenda items (`agendaItemId`, a form
 * field sent before the file). The file is read only after the access check. Returns the attachment's id.
 */
export async function uploadAttachment(ctx: Ctx, meetingId: number, readFile: () => Promise<UploadedFile | null>): Promise<number> {
  const t = await meetingTargets(ctx, meetingId);
  requireSignedIn(ctx, 'cooperation.meeting.edit', t.edit);
  const file = await readFile();
  if (!file || file.buffer.length === 0) throw badRequest(INVALID, { fil: ['Vælg en fil at vedhæfte.'] });
  if (file.truncated || file.buffer.length > MAX_ATTACHMENT_BYTES)
    throw new HttpError(413, 'Filen er for stor (højst 10 MB).', { fil: ['Filen er for stor (højst 10 MB).'] });
  const filename = cleanFilename(file.filename);
  if (!filename || filename.startsWith('.')) throw badRequest(INVALID, { fil: ['Filen skal have et navn.'] });
  if (looksLikeCpr(filename)) throw badRequest(INVALID, { fil: [`Filens navn: ${CPR_MESSAGE}`] });
  const kind = fileKindOf(filename, file.buffer);
  if ('problem' in kind) throw badRequest(INVALID, { fil: [kind.problem] });
  const rawItem = (file.fields.agendaItemId ?? '').trim();
  let agendaItemId: number | null = null;
  if (rawItem) {
    const n = /^\d{1,10}$/.test(rawItem) ? Number(rawItem) : 0;
    const item = n > 0 && n <= 2147483647 ? await repo.itemOfMeeting(ctx.db, meetingId, n) : null;
    if (!item) throw badRequest(INVALID, { agendaItemId: ['Punktet findes ikke på mødets dagsorden.'] });
    agendaItemId = item.id;
  }
  const sha256 = createHash('sha256').update(file.buffer).digest('hex');
  return ctx.db.transaction().execute(async (trx) => {
    const row = {
      meeting_id: meetingId,
      agenda_item_id: agendaItemId,
      filename,
      content_type: kind.type,
      size_bytes: file.buffer.length,
      sha256,
      content: file.buffer,
      created_by: ctx.actor!.username,
    };
    const id = await repo.insert(trx, row);
    await audit(trx, ctx, {
      entity: 'coop_meeting_attachment',
      entityId: id,
      action: 'create',
      after: { meetingId, agendaItemId, filename, contentType: kind.type, size: row.size_bytes, sha256 },
    });
    return id;
  });
}

/** Deletes an attachment of the meeting (the secretariat); 404 when it is gone already. */
export async function deleteAttachment(ctx: Ctx, meetingId: number, id: number): Promise<void> {
  const t = await meetingTargets(ctx, meetingId);
  requireSignedIn(ctx, 'cooperation.meeting.edit', t.edit);
  await ctx.db.transaction().execute(async (trx) => {
    const gone = id > 0 ? await repo.remove(trx, meetingId, id) : null;
    if (!gone) throw notFound('Bilaget findes ikke.');
    await audit(trx, ctx, {
      entity: 'coop_meeting_attachment',
      entityId: id,
      action: 'delete',
      before: {
        meetingId,
        agendaItemId: gone.agenda_item_id,
        filename: gone.filename,
        contentType: gone.content_type,
        size: gone.size_bytes,
        sha256: gone.sha256,
      },
    });
  });
}
