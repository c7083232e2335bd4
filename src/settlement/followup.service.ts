/**
 * @module Follow-up of contracts for the buying municipality's case workers: the work list of due and overdue
 * follow-ups (and the share held on time), one contract's follow-ups with its progression over time, and recording
 * a follow-up (date, the provider's status report, the level on the progression scale, a note and a decision).
 */
import { requireSignedIn } from '../core/access/access.js';
import { audit } from '../core/audit.js';
import type { Ctx } from '../core/capability.js';
import { addDays } from '../core/clock.js';
import { badRequest, conflict } from '../core/errors.js';
import { parseInput } from '../core/validation.js';
import { contractsForFollowUp, type FollowUpContract, insertLevelAmendment, planNotice, writeNotice } from '../placements/placements.public.js';
import { publishedTariffs } from '../tariffs/tariffs.public.js';
import { dueState, type DueState, followUpSchedule, type FollowUpRule, onTimeShare } from './followup.logic.js';
import * as repo from './followup.repository.js';
import { SETTLEMENT } from './settlement.policy.js';
import { ZFollowUpInput } from './settlement.schema.js';
import { DECISION_LABELS } from './settlement.table.js';

export const SCALE = 'funktionsevne';

export type DueEntry = {
  contractId: number;
  caseReference: string;
  offeringName: string;
  due: string;
  state: DueState;
  recorded: repo.FollowUpRow | null;
};

async function ruleAndScale(ctx: Ctx) {
  const today = ctx.clock.today();
  const [row, scale] = await Promise.all([repo.followUpRuleOn(ctx.db, today), repo.scaleOn(ctx.db, SCALE, today)]);
  if (!row) throw conflict('Der er ingen opfølgningsregel i kraft i dag.');
  const rule: FollowUpRule = { firstMonths: row.first_months, intervalMonths: row.interval_months, dueSoonDays: row.due_soon_days };
  return { today, rule, source: row.source, scale };
}

/** Every due date of the contracts up to the work list's horizon, with the recorded follow-ups (also any off the schedule). */
export function entries(contracts: readonly FollowUpContract[], recorded: readonly repo.FollowUpRow[], rule: FollowUpRule, today: string): DueEntry[] {
  const byKey = new Map(recorded.map((r) => [`${r.contract_id}:${r.due_date}`, r]));
  const horizon = addDays(today, rule.dueSoonDays);
  return contracts.flatMap((c) => {
    const dates = new Set(followUpSchedule(c, rule, horizon));
    for (const r of recorded) if (r.contract_id === c.contractId) dates.add(r.due_date);
    return [...dates].sort().map((due) => {
      const rec = byKey.get(`${c.contractId}:${due}`) ?? null;
      return {
        contractId: c.contractId,
        caseReference: c.caseReference,
        offeringName: c.offeringName,
        due,
        state: dueState(due, rec?.held_on ?? null, today, rule.dueSoonDays, addDays),
        recorded: rec,
      };
    });
  });
}

/** The case worker's work list: the overdue and soon-due follow-ups of the municipality's contracts, and the share held on time. */
export async function followUpWorkList(ctx: Ctx) {
  const actor = requireSignedIn(ctx, 'followup.list', SETTLEMENT);
  const { today, rule, source } = await ruleAndScale(ctx);
  const [contracts, recorded] = await Promise.all([contractsForFollowUp(ctx.db, actor.organisationId), repo.recordedFollowUps(ctx.db, actor.organisationId)]);
  const all = entries(contracts, recorded, rule, today);
  const open = all.filter((e) => e.state === 'overskredet' || e.state === 'snart').sort((a, b) => a.due.localeCompare(b.due));
  return { today, rule, source, open, share: onTimeShare(all.map((e) => e.state)), contracts: contracts.length };
}

async function loadContract(ctx: Ctx, contractId: number) {
  const buyer = ctx.actor?.organisationId ?? null;
  const found = buyer !== null && contractId > 0 ? ((await contractsForFollowUp(ctx.db, buyer, contractId))[0] ?? null) : null;
  const actor = requireSignedIn(ctx, 'followup.record', found ? { buyerOrgId: found.buyerOrgId } : null);
  return { actor, contract: found! };
}

/** One contract's follow-ups: the schedule with each date's state, the progression over time, and the scale. */
export async function contractFollowUps(ctx: Ctx, contractId: number) {
  const { contract } = await loadContract(ctx, contractId);
  const { today, rule, source, scale } = await ruleAndScale(ctx);
  const recorded = await repo.recordedFollowUps(ctx.db, contract.buyerOrgId, contract.contractId);
  const list = entries([contract], recorded, rule, today);
  const labelOf = new Map(scale.map((l) => [l.level, l.label]));
  const progression = [...recorded]
    .sort((a, b) => a.held_on.localeCompare(b.held_on))
    .map((r) => ({ heldOn: r.held_on, level: r.level, label: labelOf.get(r.level) ?? String(r.level), decision: DECISION_LABELS[r.decision] }));
  const next = list.find((e) => e.recorded === null && e.state !== 'senere') ?? list.find((e) => e.recorded === null) ?? null;
  return { contract, today, rule, source, scale, entries: list, progression, next };
}
export type ContractFollowUpsView = Awaited<ReturnType<typeof contractFollowUps>>;

/** Records one follow-up of a scheduled date; the date may be recorded once. */
export async function recordFollowUp(ctx: Ctx, contractId: number, data: unknown) {
  const { actor, contract } = await loadContract(ctx, contractId);
  const input = parseInput(ZFollowUpInput, data);
  const { today, rule, scale } = await ruleAndScale(ctx);
  const errors: Record<string, string[]> = {};
  const scheduled = followUpSchedule(contract, rule, contract.endDate ?? addDays(today, 3660));
  if (!scheduled.includes(input.dueDate)) errors.dueDate = ['Datoen er ikke en planlagt opfølgning for kontrakten.'];
  if (input.heldOn > today) errors.heldOn = ['Datoen kan ikke ligge i fremtiden.'];
  else if (input.heldOn < contract.startDate) errors.heldOn = ['Opfølgningen kan ikke ligge før kontraktens start.'];
  if (!scale.some((l) => l.level === input.level)) errors.level = ['Vælg et niveau på skalaen.'];
  // A level change takes effect the day after the follow-up, at the new level's price in that year's published tariff.
  const effectiveDate = addDays(input.heldOn, 1);
  let newPrice: string | null = null;
  if (input.decision === 'niveau' && input.newLevel && !errors.heldOn) {
    const year = Number(effectiveDate.slice(0, 4));
    const tariff = (await publishedTariffs(ctx.db, [contract.offeringId], year)).get(contract.offeringId);
    const level = tariff?.levels.find((l) => l.name === input.newLevel);
    if (!tariff) errors.newLevel = [`Tilbuddet har ingen offentliggjort takst for ${year}; niveauet kan ikke skiftes.`];
    else if (!level)
      errors.newLevel = [`Niveauet findes ikke i den offentliggjorte takst for ${year}: vælg ${tariff.levels.map((l) => l.name).join(', ') || 'et niveau'}.`];
    else if (level.name === contract.tariffLevel) errors.newLevel = ['Kontrakten er allerede på det niveau.'];
    else newPrice = level.tariff;
  }
  if (Object.keys(errors).length) throw badRequest('Oplysningerne er ikke gyldige. Ret felterne nedenfor.', errors);
  // Ending the support gives the buyer's notice today (notice is never back-dated); the end date follows from the
  // contract's notice period, and payment runs to it. A contract already given notice keeps its notice.
  const notice = input.decision === 'afslut' && !contract.isNoticed ? await planNotice(ctx, contract.contractId, { party: 'koeber', date: today }) : null;
  return ctx.db.transaction().execute(async (trx) => {
    const amendmentNumber =
      newPrice !== null && input.newLevel
        ? await insertLevelAmendment(trx, {
            contractId: contract.contractId,
            effectiveDate,
            description: `Skift til niveauet "${input.newLevel}" efter opfølgningen ${input.heldOn}.`,
            tariffLevel: input.newLevel,
            tariffPrice: newPrice,
            at: ctx.clock.now(),
            by: actor.username,
          })
        : null;
    const row = await repo.insertFollowUp(trx, {
      newLevel: input.decision === 'niveau' ? (input.newLevel ?? null) : null,
      amendmentNumber,
      contractId: contract.contractId,
      buyerOrgId: contract.buyerOrgId,
      dueDate: input.dueDate,
      heldOn: input.heldOn,
      statusReport: input.statusReport,
      scale: SCALE,
      level: input.level,
      note: input.note,
      decision: input.decision,
      at: ctx.clock.now(),
      by: actor.username,
    });
    if (!row) throw conflict('Opfølgningen for den dato er allerede registreret.');
    if (amendmentNumber !== null)
      await audit(trx, ctx, {
        entity: 'contract',
        entityId: contract.contractId,
        action: 'update',
        before: { tariffLevel: contract.tariffLevel },
        after: { amendmentNumber, effectiveDate, tariffLevel: input.newLevel, tariffPrice: newPrice, reason: 'opfølgning' },
      });
    await audit(trx, ctx, {
      entity: 'followup',
      entityId: row.id,
      action: 'create',
      after: {
        contractId: contract.contractId,
        dueDate: input.dueDate,
        heldOn: input.heldOn,
        level: input.level,
        decision: input.decision,
        newLevel: input.newLevel ?? null,
        amendmentNumber,
      },
    });
    // A step down opens a place search with the need filled in: the same legal basis, from the day after.
    const searchHref =
      input.decision === 'nedtrapning' ? `/pladser/soeg?legalBasis=${encodeURIComponent(contract.legalBasis)}&startDate=${effectiveDate}&soeg=1` : null;
    if (notice) await writeNotice(trx, ctx, notice);
    return { id: row.id, amendmentNumber, searchHref, noticeEndDate: notice?.endDate ?? null };
  });
}
