/**
 * @module Versions of the agreement text and the hearing. A version is generated from the structured content plus
 * the free sections and never changes afterwards. Organisations comment on one section of the version in
 * hearing; the secretariat answers each comment, and the next version's changelog links the comments it answers.
 */
import type { Actor } from '../core/auth/actor.js';
import { today } from '../core/auth/auth.service.js';
import { audit } from '../core/audit.js';
import type { Db, Queryable } from '../core/db/types.js';
import { badRequest, conflict, forbidden, notFound, unauthorized } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import { canActForOrganisation, requireRead, requireSecretariat } from './access.js';
import { getAgreement, loadContent, vocabulary } from './agreements.repo.js';
import { ZComment, ZResponse, ZVersion } from './agreements.schema.js';
import { buildVersionSections, type VersionSection } from './logic.js';

/** The sections the next version would have, from today's content. */
export async function currentSections(db: Queryable, agreementId: number): Promise<VersionSection[]> {
  const [content, parts] = await Promise.all([loadContent(db, agreementId), vocabulary(db, 'del')]);
  return buildVersionSections({
    freeSections: content.sections,
    parts: parts.map((p) => ({ code: p.code, label: p.label })),
    focusAreas: content.focusAreas,
    principles: content.principles,
  });
}

export async function createVersion(db: Db, actor: Actor | null, agreementId: number, input: unknown): Promise<{ id: number; number: number }> {
  const agreement = await getAgreement(db, agreementId);
  const a = requireSecretariat(actor, agreement);
  const v = parseInput(ZVersion, input);
  const sections = await currentSections(db, agreementId);
  if (sections.length === 0) throw conflict('Aftalen har intet indhold endnu. Tilføj afsnit, fokusområder eller principper først.');
  return db.transaction().execute(async (trx) => {
    const ids = [...new Set(v.addressed_comment_ids)];
    if (ids.length) {
      const comments = await trx
        .selectFrom('agreement_hearing_comment as c')
        .innerJoin('agreement_version as ver', 'ver.id', 'c.version_id')
        .select(['c.id', 'c.response', 'c.addressed_in_version_id'])
        .where('ver.agreement_id', '=', agreementId)
        .where('c.id', 'in', ids)
        .execute();
      if (comments.length !== ids.length) throw badRequest('Et af de valgte høringssvar findes ikke i denne aftale.', { addressed_comment_ids: ['Et af de valgte høringssvar findes ikke i denne aftale.'] });
      const unanswered = comments.filter((c) => !c.response);
      if (unanswered.length) throw badRequest('Besvar høringssvarene, før en version henviser til dem.', { addressed_comment_ids: [`${unanswered.length} af de valgte høringssvar er ikke besvaret.`] });
      const taken = comments.filter((c) => c.addressed_in_version_id !== null);
      if (taken.length) throw badRequest('Et høringssvar er allerede behandlet i en tidligere version.', { addressed_comment_ids: ['Et af de valgte høringssvar er allerede behandlet i en tidligere version.'] });
    }
    const last = await trx.selectFrom('agreement_version').select('number').where('agreement_id', '=', agreementId).orderBy('number', 'desc').executeTakeFirst();
    const number = (last?.number ?? 0) + 1;
    const row = await trx
      .insertInto('agreement_version')
      .values({ agreement_id: agreementId, number, created_on: today(), changelog: v.changelog, content: JSON.stringify(sections), created_by: a.username })
      .returning(['id', 'number'])
      .executeTakeFirstOrThrow();
    if (ids.length) await trx.updateTable('agreement_hearing_comment').set({ addressed_in_version_id: row.id }).where('id', 'in', ids).execute();
    await audit(trx, a, { entity: 'agreement_version', entityId: row.id, action: 'create', after: { number, changelog: v.changelog, sections: sections.map((s) => s.key), addressed_comment_ids: ids } });
    return row;
  });
}

export async function getVersion(db: Queryable, agreementId: number, versionId: number) {
  const v = await db.selectFrom('agreement_version').selectAll().where('id', '=', versionId).where('agreement_id', '=', agreementId).executeTakeFirst();
  if (!v) throw notFound('Versionen findes ikke.');
  return v;
}

/** A signed-in organisation comments on one section of the version in hearing, before the deadline. */
export async function addComment(db: Db, actor: Actor | null, agreementId: number, versionId: number, input: unknown): Promise<number> {
  const agreement = await getAgreement(db, agreementId);
  if (!actor) throw unauthorized('Log ind for at afgive høringssvar.');
  requireRead(actor, agreement);
  if (!canActForOrganisation(actor)) throw forbidden('Rollen Læser kan ikke afgive høringssvar.');
  const v = parseInput(ZComment, input);
  const version = await getVersion(db, agreementId, versionId);
  if (agreement.status !== 'i_hoering' || agreement.hearing_version_id !== versionId) throw conflict(`Version ${version.number} er ikke i høring.`);
  if (version.hearing_until && today() > version.hearing_until) throw conflict(`Høringsfristen (${version.hearing_until}) er overskredet.`);
  if (!version.content.some((s) => s.key === v.section_key)) {
    throw badRequest(`Afsnittet findes ikke i version ${version.number}.`, { section_key: [`Afsnittet "${v.section_key}" findes ikke i version ${version.number}. Vælg et af versionens afsnit.`] });
  }
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('agreement_hearing_comment')
      .values({ version_id: versionId, section_key: v.section_key, organisation_id: actor.organisationId, author_username: actor.username, text: v.text })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, actor, { entity: 'agreement_hearing_comment', entityId: row.id, action: 'create', after: row });
    return row.id;
  });
}

export async function respondToComment(db: Db, actor: Actor | null, agreementId: number, commentId: number, input: unknown): Promise<void> {
  const agreement = await getAgreement(db, agreementId);
  const a = requireSecretariat(actor, agreement);
  const v = parseInput(ZResponse, input);
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('agreement_hearing_comment as c')
      .innerJoin('agreement_version as ver', 'ver.id', 'c.version_id')
      .selectAll('c')
      .where('c.id', '=', commentId)
      .where('ver.agreement_id', '=', agreementId)
      .executeTakeFirst();
    if (!before) throw notFound('Høringssvaret findes ikke.');
    const after = await trx
      .updateTable('agreement_hearing_comment')
      .set({ response: v.response, response_reason: v.response_reason, responded_at: new Date(), responded_by: a.username })
      .where('id', '=', commentId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, a, { entity: 'agreement_hearing_comment', entityId: commentId, action: 'update', before, after });
  });
}

export async function commentsOf(db: Queryable, agreementId: number) {
  return db
    .selectFrom('agreement_hearing_comment as c')
    .innerJoin('agreement_version as ver', 'ver.id', 'c.version_id')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .leftJoin('agreement_version as addr', 'addr.id', 'c.addressed_in_version_id')
    .selectAll('c')
    .select(['ver.number as version_number', 'o.name as organisation_name', 'addr.number as addressed_in_version_number'])
    .where('ver.agreement_id', '=', agreementId)
    .orderBy('c.id')
    .execute();
}
export type CommentRow = Awaited<ReturnType<typeof commentsOf>>[number];
