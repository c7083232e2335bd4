/**
 * @module Versions of the agreement text and the hearing. A version is generated from the structured content plus
 * the free sections and never changes afterwards. Organisations comment on one section of the version in
 * hearing; the secretariat answers each comment, and the next version's changelog links the comments it answers.
 */
import { can, requireSignedIn } from '../core/access/access.js';
import { audit } from '../core/audit.js';
import { formatDate } from '../core/format.js';
import type { Ctx } from '../core/capability.js';
import type { Queryable } from '../core/db/types.js';
import { badRequest, conflict, notFound } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import { auditShape } from './agreements.audit.js';
import { agreementOr404, editable, mayEdit, readable, targetOf } from './agreements.guard.js';
import { allVocabulary, findAgreement, loadContent, versionsOf, vocabulary } from './agreements.repository.js';
import { ZComment, ZResponse, ZVersion } from './agreements.schema.js';
import * as repo from './hearing.repository.js';
import { buildVersionSections, isOpenForVersions, type VersionSection } from './logic.js';

/** The sections the next version would have, from today's content. */
async function currentSections(db: Queryable, agreementId: number): Promise<VersionSection[]> {
  const [content, parts] = await Promise.all([loadContent(db, agreementId), vocabulary(db, 'del')]);
  return buildVersionSections({
    freeSections: content.sections,
    parts: parts.map((p) => ({ code: p.code, label: p.label })),
    focusAreas: content.focusAreas,
    principles: content.principles,
  });
}

async function versionOr404(db: Queryable, agreementId: number, versionId: number) {
  const v = await repo.findVersion(db, agreementId, versionId);
  if (!v) throw notFound('Versionen findes ikke.');
  return v;
}

const isInHearing = (a: { status: string; hearing_version_id: number | null }, v: { id: number; hearing_until: string | null }, today: string) =>
  a.status === 'i_hoering' && a.hearing_version_id === v.id && (!v.hearing_until || today <= v.hearing_until);

// Reading ---------------------------------------------------------------------------------------------------

/** The hearing page: versions, comments with the secretariat's answers, and what the actor may do. */
export async function hearingView(ctx: Ctx, id: number) {
  const agreement = await readable(ctx, id);
  const [versions, comments, vocab] = await Promise.all([versionsOf(ctx.db, id), repo.commentsOf(ctx.db, id), allVocabulary(ctx.db)]);
  return {
    agreement,
    versions,
    comments,
    responseLabel: (code: string) => vocab.label('svar', code),
    responseTone: (code: string) => vocab.tone('svar', code),
    inHearing: agreement.status === 'i_hoering' ? versions.find((v) => v.id === agreement.hearing_version_id) : undefined,
    addressable: comments.filter((c) => c.response && c.addressed_in_version_id === null),
    canEdit: mayEdit(ctx, agreement),
    canPublishVersion: isOpenForVersions(agreement.status) && mayEdit(ctx, agreement),
    canComment: can(ctx, 'agreements.hearing.comment', targetOf(agreement)),
    isSignedIn: !!ctx.actor,
  };
}
/** The comment row the hearing pages render (re-exported: pages never import a repository). */
export type { CommentRow } from './hearing.repository.js';

export type HearingView = Awaited<ReturnType<typeof hearingView>>;

/** One version with its sections, the comments it answers and on it, and whether the actor may comment now. */
export async function versionView(ctx: Ctx, id: number, versionId: number) {
  const agreement = await readable(ctx, id);
  const version = await versionOr404(ctx.db, id, versionId);
  const [comments, versions] = await Promise.all([repo.commentsOf(ctx.db, id), versionsOf(ctx.db, id)]);
  const isOpen = isInHearing(agreement, version, ctx.clock.today());
  return {
    agreement,
    version,
    versions,
    answered: comments.filter((c) => c.addressed_in_version_id === version.id),
    own: comments.filter((c) => c.version_id === version.id),
    isOpen,
    mayComment: isOpen && can(ctx, 'agreements.hearing.comment', targetOf(agreement)),
    canEdit: mayEdit(ctx, agreement),
    isSignedIn: !!ctx.actor,
    organisationName: ctx.actor?.organisationName ?? '',
  };
}
export type VersionView = Awaited<ReturnType<typeof versionView>>;

/** One comment for the secretariat's answer form. */
export async function responseForm(ctx: Ctx, id: number, commentId: number) {
  const { agreement } = await editable(ctx, id);
  const comment = (await repo.commentsOf(ctx.db, id)).find((x) => x.id === commentId);
  if (!comment) throw notFound('Høringssvaret findes ikke.');
  const [vocab, versions] = await Promise.all([allVocabulary(ctx.db), versionsOf(ctx.db, id)]);
  return { agreement, comment, versions, responseOptions: vocab.list('svar').map((s) => ({ value: s.code, label: s.label })) };
}
export type ResponseForm = Awaited<ReturnType<typeof responseForm>>;

/** The comments of an agreement with the secretariat's answers (API). */
export async function commentList(ctx: Ctx, id: number) {
  await readable(ctx, id);
  return repo.commentsOf(ctx.db, id);
}

// Writing ---------------------------------------------------------------------------------------------------

export async function createVersion(ctx: Ctx, agreementId: number, input: unknown): Promise<{ id: number; number: number }> {
  const { actor } = await editable(ctx, agreementId);
  const v = parseInput(ZVersion, input);
  return ctx.db.transaction().execute(async (trx) => {
    // One version at a time per agreement: the numbers stay 1, 2, 3 and the answered comments are claimed once.
    const current = (await findAgreement(trx, agreementId, 'update'))!;
    if (!isOpenForVersions(current.status))
      throw conflict('Aftalen er sendt til godkendelse eller godkendt; der udgives ikke nye versioner af den tekst, medlemmerne tager stilling til.');
    const sections = await currentSections(trx, agreementId);
    if (sections.length === 0) throw conflict('Aftalen har intet indhold endnu. Tilføj afsnit, fokusområder eller principper først.');
    const ids = [...new Set(v.addressedCommentIds)];
    if (ids.length) {
      const comments = await repo.commentsAmong(trx, agreementId, ids);
      const field = (message: string) => badRequest(message, { addressedCommentIds: [message] });
      if (comments.length !== ids.length) throw field('Et af de valgte høringssvar findes ikke i denne aftale.');
      const unanswered = comments.filter((c) => !c.response);
      if (unanswered.length)
        throw badRequest('Besvar høringssvarene, før en version henviser til dem.', {
          addressedCommentIds: [`${unanswered.length} af de valgte høringssvar er ikke besvaret.`],
        });
      if (comments.some((c) => c.addressed_in_version_id !== null)) {
        throw badRequest('Et høringssvar er allerede behandlet i en tidligere version.', {
          addressedCommentIds: ['Et af de valgte høringssvar er allerede behandlet i en tidligere version.'],
        });
      }
    }
    const number = await repo.nextVersionNumber(trx, agreementId);
    const row = await repo.insertVersion(trx, {
      agreement_id: agreementId,
      number,
      created_on: ctx.clock.today(),
      changelog: v.changelog,
      content: JSON.stringify(sections),
      created_by: actor.username,
    });
    await repo.markAddressed(trx, ids, row.id);
    await audit(trx, ctx, {
      entity: 'agreement_version',
      entityId: row.id,
      action: 'create',
      after: auditShape.version(
        row,
        sections.map((s) => s.key),
        ids,
      ),
    });
    return { id: row.id, number: row.number };
  });
}

/** A signed-in organisation comments on one section of the version in hearing, before the deadline. */
export async function addComment(ctx: Ctx, agreementId: number, versionId: number, input: unknown): Promise<number> {
  const agreement = await agreementOr404(ctx.db, agreementId);
  const actor = requireSignedIn(ctx, 'agreements.hearing.comment', targetOf(agreement));
  const v = parseInput(ZComment, input);
  const version = await versionOr404(ctx.db, agreementId, versionId);
  return ctx.db.transaction().execute(async (trx) => {
    // The hearing is re-checked under a share lock: a status change waits until the comment is in, or comes first.
    const current = (await findAgreement(trx, agreementId, 'share'))!;
    if (current.status !== 'i_hoering' || current.hearing_version_id !== versionId) throw conflict(`Version ${version.number} er ikke i høring.`);
    if (version.hearing_until && ctx.clock.today() > version.hearing_until)
      throw conflict(`Høringsfristen (${formatDate(version.hearing_until)}) er overskredet.`);
    if (!version.content.some((s) => s.key === v.sectionKey)) {
      throw badRequest(`Afsnittet findes ikke i version ${version.number}.`, {
        sectionKey: [`Afsnittet "${v.sectionKey}" findes ikke i version ${version.number}. Vælg et af versionens afsnit.`],
      });
    }
    const row = await repo.insertComment(trx, {
      version_id: versionId,
      section_key: v.sectionKey,
      organisation_id: actor.organisationId,
      author_username: actor.username,
      text: v.text,
    });
    await audit(trx, ctx, { entity: 'agreement_hearing_comment', entityId: row.id, action: 'create', after: auditShape.comment(row) });
    return row.id;
  });
}

export async function respondToComment(ctx: Ctx, agreementId: number, commentId: number, input: unknown): Promise<void> {
  const { actor } = await editable(ctx, agreementId);
  const v = parseInput(ZResponse, input);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findComment(trx, agreementId, commentId);
    if (!before) throw notFound('Høringssvaret findes ikke.');
    const after = await repo.respond(
      trx,
      commentId,
      { response: v.response, response_reason: v.responseReason, responded_by: actor.username },
      ctx.clock.now(),
    );
    await audit(trx, ctx, {
      entity: 'agreement_hearing_comment',
      entityId: commentId,
      action: 'update',
      before: auditShape.comment(before),
      after: auditShape.comment(after),
    });
  });
}
