/**
 * @module The half-yearly increase report to the socialtilsyn as a record: the area's secretariat records that it
 * was sent (date, by whom, reference), with the flagged versions it reported; the steering group's review lists
 * the records. Once recorded, a half year's report stays as it is (a second recording is refused with 409).
 */
import { requireSignedIn } from '../core/access/access.js';
import { audit } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import { badRequest, conflict, notFound } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import { insertReport } from './report.repository.js';
import { findAreaByCode } from './tariffs.repository.js';
import { ZReportSent } from './tariffs.schema.js';
import { halfYear } from './watch.service.js';
import { flaggedApprovedBetween } from './watch.repository.js';

/** Records the report of `periode` as sent. Bad input → 400 naming the field; already recorded → 409. */
export async function recordReportSent(ctx: Ctx, form: unknown) {
  const raw = (form ?? {}) as { area?: unknown };
  const area = typeof raw.area === 'string' ? await findAreaByCode(ctx.db, raw.area) : undefined;
  if (!area) throw notFound('Rammeaftaleområdet findes ikke.');
  const actor = requireSignedIn(ctx, 'tariffs.report.record', { areaId: area.id });
  const input = parseInput(ZReportSent, form);
  const period = halfYear(input.periode);
  const today = ctx.clock.today();
  if (input.sentOn > today) throw badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', { sentOn: ['Datoen kan ikke ligge i fremtiden.'] });
  if (input.sentOn < period.start)
    throw badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', { sentOn: ['Indberetningen kan ikke være sendt, før halvåret begyndte.'] });
  const rows = await flaggedApprovedBetween(ctx.db, area.id, period.from, period.to);
  return ctx.db.transaction().execute(async (trx) => {
    const record = await insertReport(trx, {
      area_id: area.id,
      period: input.periode,
      sent_on: input.sentOn,
      sent_by: input.sentBy,
      reference: input.reference,
      version_ids: rows.map((r) => r.version_id),
      recorded_by: actor.displayName,
      recorded_at: ctx.clock.now(),
    });
    if (!record) throw conflict(`Indberetningen for ${period.label} er allerede registreret som sendt. Genindlæs siden.`);
    await audit(trx, ctx, {
      entity: 'tariff_increase_report',
      entityId: record.id,
      action: 'create',
      after: {
        area: area.code,
        period: input.periode,
        status: 'sendt',
        sentOn: input.sentOn,
        sentBy: input.sentBy,
        reference: input.reference,
        count: rows.length,
      },
    });
    return { area, record };
  });
}
