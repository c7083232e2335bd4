/**
 * @module JSON API for tariffs (tag "Takster"): the public calculation, list, detail, draft create/update/delete,
 * submit, approve, return, publish, the overview, the rules and the P/L index.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../core/capability.js';
import { badRequest, notFound } from '../core/errors.js';
import { parseInput, toRouteSchema } from '../core/validation.js';
import { calculateTariff, CalculationInputError, type CalcRules } from './calculation.js';
import { toCalcInput, ZCalculateRequest } from './calculation.schema.js';
import { publishOverview } from './publish.service.js';
import { STANDARD_CALC_RULES } from './rules.data.js';
import { calcRulesOf, findRule } from './rules.repository.js';
import { findAreaByCode, getVersion, type VersionDetail } from './tariffs.repository.js';
import { listVersions } from './list.repository.js';
import { ZListQuery, ZPublish, ZReturn, ZTariffCreate, ZTariffUpdate } from './tariffs.schema.js';
import { approveVersion, createDraft, deleteDraft, requireVisibleVersion, returnVersion, submitVersion, updateDraft } from './tariffs.service.js';
import { overviewJson } from './overview.service.js';

export const tags = ['Takster'];
const ZId = z.object({ id: z.coerce.number().int().positive().max(2147483647) });

export const versionIdFrom = (params: unknown): number => {
  const r = ZId.safeParse(params);
  if (!r.success) throw notFound('Taksten findes ikke.');
  return r.data.id;
};

const objectBody = (body: unknown): Record<string, unknown> => {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('Forespørgslen skal være et JSON-objekt.');
  return body as Record<string, unknown>;
};

export function presentVersion(v: VersionDetail, offeringName: string, options: { withCalculation?: boolean } = {}) {
  const calc = options.withCalculation ? calculateTariff(v.input, v.rules) : null;
  return {
    id: v.id,
    tariffId: v.tariff_id,
    offeringId: v.offering_id,
    offeringName,
    year: v.year,
    version: v.version,
    status: v.status,
    areaCode: v.area_code,
    unit: v.unit,
    averageTariff: v.average_tariff,
    basis: v.basis,
    overhead: v.overhead,
    occupancyPctUsed: v.occupancy_pct_used,
    capacityUnits: v.capacity_units,
    levels: v.levels.map((l) => ({ name: l.name, weight: l.weight, share: l.share, tariff: l.tariff })),
    nominalChangePct: v.nominal_change_pct,
    realChangePct: v.real_change_pct,
    isFlagged: v.is_flagged,
    explanation: v.explanation,
    correctionReason: v.correction_reason,
    returnComment: v.return_comment,
    warnings: v.warnings,
    createdBy: v.created_by,
    createdAt: v.created_at,
    submittedAt: v.submitted_at,
    isOnTime: v.is_on_time,
    approvedAt: v.approved_at,
    publishedAt: v.published_at,
    supersededAt: v.superseded_at,
    input: v.input,
    rules: v.rules,
    ...(calc ? { breakdown: calc.breakdown, addOns: calc.addOns } : {}),
  };
}

export function tariffsApi(app: FastifyInstance, { db }: AppContext) {
  app.post(
    '/api/tariffs/calculate',
    {
      config: { csrf: false },
      schema: { summary: 'Beregn en takst (offentlig, gemmer intet)', description: 'Åben takstberegning: hvert trin, advarsler og taksten pr. niveau. Angiv `area` for at bruge et rammeaftaleområdes regler for året.', tags, security: [], body: toRouteSchema(ZCalculateRequest) },
    },
    async (req) => {
      const { area, ...body } = parseInput(ZCalculateRequest, objectBody(req.body));
      let rules: CalcRules = STANDARD_CALC_RULES;
      if (area) {
        const a = await findAreaByCode(db, area);
        if (!a) throw badRequest('Oplysningerne er ikke gyldige.', { area: [`Ukendt rammeaftaleområde "${area}".`] });
        const rule = await findRule(db, a.id, body.year);
        if (!rule) throw badRequest('Oplysningerne er ikke gyldige.', { area: [`Området har ingen takstregler for ${body.year}.`] });
        rules = calcRulesOf(rule);
      }
      try {
        const r = calculateTariff(toCalcInput(body), rules);
        return {
          basis: r.basis,
          overhead: r.overhead,
          overheadBase: r.overheadBase,
          occupancyPctUsed: r.occupancyPctUsed,
          capacityUnits: r.capacityUnits,
          averageTariff: r.averageTariff,
          levels: r.levels.map((l) => ({ name: l.name, tariff: l.tariff })),
          addOns: r.addOns.map((a) => ({ name: a.name, hourlyRate: a.hourlyRate })),
          breakdown: r.breakdown,
          warnings: r.warnings,
          rules,
        };
      } catch (error) {
        if (error instanceof CalculationInputError) throw badRequest('Beregningen kan ikke udføres. Ret felterne.', error.problems);
        throw error;
      }
    },
  );

  app.get('/api/tariffs', { schema: { summary: 'Takster (versioner) med filtre; uden login kun offentliggjorte', tags, querystring: toRouteSchema(ZListQuery) } }, async (req) => {
    const q = parseInput(ZListQuery, req.query);
    return listVersions(db, req.actor, q);
  });

  app.get('/api/tariffs/rules', { schema: { summary: 'Takstregler pr. rammeaftaleområde og periode samt P/L-fremskrivning', tags, security: [] } }, async () => {
    const [rules, pl] = await Promise.all([
      db.selectFrom('tariff_rule as r').innerJoin('agreement_area as a', 'a.id', 'r.area_id').selectAll('r').select('a.code as area_code').orderBy('a.code').orderBy('r.valid_from').execute(),
      db.selectFrom('tariff_price_index').selectAll().orderBy('year').execute(),
    ]);
    return {
      rules: rules.map((r) => ({
        areaCode: r.area_code, validFrom: r.valid_from, validTo: r.valid_to, retainLimitPct: r.retain_limit_pct, occupancyFloorPct: r.occupancy_floor_pct,
        shortStayFloorPct: r.short_stay_floor_pct, occupancyCeilingPct: r.occupancy_ceiling_pct, recommendedMaxPct: r.recommended_max_pct,
        overheadCapPct: r.overhead_cap_pct, increaseThresholdPct: r.increase_threshold_pct, increaseBasis: r.increase_basis,
        submissionDeadline: `${r.submission_deadline_md} (året før takståret)`, reviewDates: r.review_dates_md, source: r.source,
      })),
      priceIndex: pl.map((p) => ({ year: p.year, pct: p.pct, source: p.source })),
    };
  });

  app.get('/api/tariffs/overview/:area/:year', { schema: { summary: 'Takstoversigten for et område og år (offentlig, når den er offentliggjort)', tags, security: [] } }, async (req) => {
    const { area, year } = parseInput(ZPublish, req.params);
    return overviewJson(db, req.actor, area, year);
  });

  app.get('/api/tariffs/:id', { schema: { summary: 'Én takst med hele beregningen trin for trin', tags, params: toRouteSchema(ZId) } }, async (req) => {
    const { v, ctx } = await requireVisibleVersion(db, req.actor, versionIdFrom(req.params));
    return presentVersion(v, ctx.name, { withCalculation: true });
  });

  const detail = async (id: number) => {
    const v = (await getVersion(db, id))!;
    const offering = await db.selectFrom('offering').select('name').where('id', '=', v.offering_id).executeTakeFirstOrThrow();
    return presentVersion(v, offering.name, { withCalculation: true });
  };

  app.post('/api/tariffs', { schema: { summary: 'Opret en takstkladde for et tilbud og år (eller en ny version af en offentliggjort takst)', tags, body: toRouteSchema(ZTariffCreate) } }, async (req, reply) => {
    const id = await createDraft(db, req.actor, objectBody(req.body));
    return reply.status(201).header('location', `/api/tariffs/${id}`).send(await detail(id));
  });

  app.put('/api/tariffs/:id', { schema: { summary: 'Ret en kladde eller en returneret takst (hele beregningen sendes)', tags, params: toRouteSchema(ZId), body: toRouteSchema(ZTariffUpdate) } }, async (req) => {
    const id = versionIdFrom(req.params);
    await updateDraft(db, req.actor, id, objectBody(req.body));
    return detail(id);
  });

  app.delete('/api/tariffs/:id', { schema: { summary: 'Slet en kladde, der aldrig er indsendt', tags, params: toRouteSchema(ZId) } }, async (req, reply) => {
    await deleteDraft(db, req.actor, versionIdFrom(req.params));
    return reply.status(204).send();
  });

  app.post('/api/tariffs/:id/submit', { schema: { summary: 'Indsend taksten til sekretariatet', tags, params: toRouteSchema(ZId) } }, async (req) => {
    const id = versionIdFrom(req.params);
    await submitVersion(db, req.actor, id);
    return detail(id);
  });

  app.post('/api/tariffs/:id/approve', { schema: { summary: 'Godkend en indsendt takst (sekretariatet)', tags, params: toRouteSchema(ZId) } }, async (req) => {
    const id = versionIdFrom(req.params);
    await approveVersion(db, req.actor, id);
    return detail(id);
  });

  app.post('/api/tariffs/:id/return', { schema: { summary: 'Send en takst retur med en kommentar (sekretariatet)', tags, params: toRouteSchema(ZId), body: toRouteSchema(ZReturn) } }, async (req) => {
    const id = versionIdFrom(req.params);
    await returnVersion(db, req.actor, id, objectBody(req.body));
    return detail(id);
  });

  app.post('/api/tariffs/publish', { schema: { summary: 'Offentliggør alle godkendte takster for et område og år i takstoversigten (sekretariatet)', tags, body: toRouteSchema(ZPublish) } }, async (req) => {
    return publishOverview(db, req.actor, objectBody(req.body));
  });
}
