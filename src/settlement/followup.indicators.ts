/**
 * @module Computed indicator of contract follow-up: the share of follow-ups held on time (on or before their date)
 * among those due by the date, per member municipality (the buyer) and for the area, with the rows behind it (no
 * case references). Due dates follow the rule in force on the date and the contracts' agreed dates.
 */
import type { Db } from '../core/db/types.js';
import type { IndicatorComputation, IndicatorResult } from '../core/indicators.js';
import { contractsForFollowUp } from '../placements/placements.public.js';
import { membersOfArea } from '../reference/reference.public.js';
import { SDec } from './calculation.js';
import { DUE_STATE_LABELS, type FollowUpRule, onTimeShare, plusMonths } from './followup.logic.js';
import * as repo from './followup.repository.js';
import { entries } from './followup.service.js';

async function followUpsOnTime(db: Db, areaId: number, date: string): Promise<IndicatorResult> {
  const members = (await membersOfArea(db, areaId, date)).filter((m) => m.municipality_code !== null);
  const row = await repo.followUpRuleOn(db, date);
  // Only what was due by the date counts: the horizon is the date itself.
  const rule: FollowUpRule = { firstMonths: row?.first_months ?? 3, intervalMonths: row?.interval_months ?? 12, dueSoonDays: 0 };
  const perMember: IndicatorResult['perMember'] = [];
  const rows: IndicatorResult['rows'] = [];
  let n = 0;
  let d = 0;
  for (const m of members) {
    const [contracts, recorded] = await Promise.all([contractsForFollowUp(db, m.id), repo.recordedFollowUps(db, m.id)]);
    const due = entries(contracts, recorded, rule, date).filter((e) => e.due <= date);
    const share = onTimeShare(due.map((e) => e.state));
    if (share.due === 0) continue;
    perMember.push({ organisationId: m.id, name: m.name, value: share.percent, numerator: share.onTime, denominator: share.due });
    n += share.onTime;
    d += share.due;
    for (const e of due)
      rows.push({
        id: e.contractId,
        buyer: m.name,
        offering: e.offeringName,
        due: e.due,
        heldOn: e.recorded?.held_on ?? null,
        state: DUE_STATE_LABELS[e.state],
      });
  }
  return {
    area: { value: d === 0 ? null : new SDec(n).mul(100).div(d).toFixed(1), numerator: n, denominator: d },
    perMember,
    columns: [
      { key: 'id', label: 'Kontrakt-ID' },
      { key: 'buyer', label: 'Køber' },
      { key: 'offering', label: 'Tilbud' },
      { key: 'due', label: 'Planlagt dato' },
      { key: 'heldOn', label: 'Holdt' },
      { key: 'state', label: 'Status' },
    ],
    rows,
  };
}

/**
 * Time-limited contracts (agreed with an end date) whose effective end lies in the twelve months up to the date:
 * how many had at least one follow-up held on or before their end.
 */
async function followedUpBeforeEnd(db: Db, areaId: number, date: string): Promise<IndicatorResult> {
  const members = (await membersOfArea(db, areaId, date)).filter((m) => m.municipality_code !== null);
  const since = plusMonths(date, -12);
  const perMember: IndicatorResult['perMember'] = [];
  const rows: IndicatorResult['rows'] = [];
  let n = 0;
  let d = 0;
  for (const m of members) {
    const [contracts, recorded] = await Promise.all([contractsForFollowUp(db, m.id), repo.recordedFollowUps(db, m.id)]);
    const ended = contracts.filter((c) => c.isTimeLimited && c.endDate !== null && c.endDate > since && c.endDate <= date);
    if (!ended.length) continue;
    const firstHeld = new Map<number, string>();
    for (const r of recorded) {
      const prev = firstHeld.get(r.contract_id);
      if (prev === undefined || r.held_on < prev) firstHeld.set(r.contract_id, r.held_on);
    }
    let yes = 0;
    for (const c of ended) {
      const first = firstHeld.get(c.contractId) ?? null;
      const isFollowedUp = first !== null && first <= c.endDate!;
      if (isFollowedUp) yes += 1;
      rows.push({
        id: c.contractId,
        buyer: m.name,
        offering: c.offeringName,
        start: c.startDate,
        end: c.endDate,
        firstFollowUp: first,
        state: isFollowedUp ? 'Fulgt op før ophør' : 'Ikke fulgt op før ophør',
      });
    }
    perMember.push({
      organisationId: m.id,
      name: m.name,
      value: new SDec(yes).mul(100).div(ended.length).toFixed(1),
      numerator: yes,
      denominator: ended.length,
    });
    n += yes;
    d += ended.length;
  }
  return {
    area: { value: d === 0 ? null : new SDec(n).mul(100).div(d).toFixed(1), numerator: n, denominator: d },
    perMember,
    columns: [
      { key: 'id', label: 'Kontrakt-ID' },
      { key: 'buyer', label: 'Køber' },
      { key: 'offering', label: 'Tilbud' },
      { key: 'start', label: 'Start' },
      { key: 'end', label: 'Ophør' },
      { key: 'firstFollowUp', label: 'Første opfølgning' },
      { key: 'state', label: 'Status' },
    ],
    rows,
  };
}

export const followedUpBeforeEndShare: IndicatorComputation = {
  code: 'settlement.time-limited-followed-up',
  name: 'Tidsbegrænsede kontrakter fulgt op før ophør',
  description:
    'Andel af de tidsbegrænsede kontrakter (aftalt med en slutdato), der er ophørt i de 12 måneder til og med datoen, hvor mindst én opfølgning er holdt senest på ophørsdagen.',
  unit: '%',
  direction: 'higher',
  compute: (db, { areaId, date }) => followedUpBeforeEnd(db, areaId, date),
};

export const followUpsOnTimeShare: IndicatorComputation = {
  code: 'settlement.followups-on-time',
  name: 'Opfølgninger holdt til tiden',
  description:
    'Andel af kontrakternes opfølgninger med en planlagt dato til og med datoen (efter kontraktens aftalte datoer, ellers reglen: første opfølgning 3 måneder efter start, derefter hver 12. måned), der er holdt senest på datoen.',
  unit: '%',
  direction: 'higher',
  compute: (db, { areaId, date }) => followUpsOnTime(db, areaId, date),
};
