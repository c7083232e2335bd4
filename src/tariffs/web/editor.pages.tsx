/**
 * @module The tariff editor pages: a new draft for an offering and year (or a new version of a published
 * tariff), editing a draft, and the live calculation fragment. Without JavaScript the "Beregn uden at gemme"
 * button shows the same calculation by reloading the page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireActor } from '../../core/auth/actor.js';
import type { AppContext } from '../../core/capability.js';
import type { Db } from '../../core/db/types.js';
import { HttpError, forbidden, notFound, type FieldErrors } from '../../core/errors.js';
import { parseInput } from '../../core/validation.js';
import { canEditTariffsOf } from '../access.js';
import { deadlineFor, findRule } from '../rules.repository.js';
import { ZTariffUpdate } from '../tariffs.schema.js';
import { formatDate } from '../../core/web/components.js';
import { computeInContext, createDraft, requireTariffYear, requireVisibleVersion, updateDraft, type Computed } from '../tariffs.service.js';
import { currentPublished, findTariff, getVersion, occupancyHistory, offeringContext, openVersionOf, type OfferingContext } from '../tariffs.repository.js';
import { TariffEditor, formToBody, inputToForm, mapErrors, type FormValues } from './editor.form.js';
import { PreviewPanel } from './preview.js';

const ZOfferingYear = z.object({ offeringId: z.coerce.number().int().positive().max(2147483647), year: z.coerce.number().int().min(2000).max(2100) });

export const isFragment = (req: FastifyRequest) => req.headers['x-ramme-fragment'] === '1';

/** Renders a JSX fragment without the page shell (for data-live-url updates). */
export async function sendFragment(reply: FastifyReply, node: unknown) {
  return reply.type('text/html; charset=utf-8').send(await String(await (node as { toString(): Promise<string> }).toString()));
}

/** Tries the calculation for the preview; returns the problems (mapped to form fields) instead of throwing. */
async function tryCompute(db: Db, ctx: OfferingContext, year: number, values: FormValues): Promise<{ computed: Computed | null; errors: FieldErrors }> {
  const { body, fieldOf } = formToBody(values);
  try {
    const { explanation: _e, correctionReason: _c, ...calc } = parseInput(ZTariffUpdate, body);
    return { computed: await computeInContext(db, ctx, year, calc), errors: {} };
  } catch (error) {
    if (error instanceof HttpError && error.statusCode === 400) return { computed: null, errors: mapErrors(Object.keys(error.fieldErrors).length ? error.fieldErrors : { _: [error.message] }, fieldOf) };
    throw error;
  }
}

export function editorPages(app: FastifyInstance, { db }: AppContext) {
  const loadOffering = async (req: FastifyRequest) => {
    const p = ZOfferingYear.safeParse(req.params);
    if (!p.success) throw notFound('Siden findes ikke.');
    const actor = requireActor(req.actor);
    const ctx = await offeringContext(db, p.data.offeringId, p.data.year);
    if (!ctx) throw notFound('Tilbuddet findes ikke.');
    if (!canEditTariffsOf(actor, ctx)) throw forbidden('Du kan kun beregne takster for tilbud, som din egen organisation driver.');
    requireTariffYear(p.data.year);
    return { ctx, year: p.data.year };
  };

  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    o: { ctx: OfferingContext; year: number; values: FormValues; errors?: FieldErrors; status?: number; action: string; isCorrection: boolean; title: string; cancelHref: string; withPreview: boolean },
  ) => {
    const history = await occupancyHistory(db, o.ctx.id, o.year);
    const rule = o.ctx.area ? await findRule(db, o.ctx.area.id, o.year) : null;
    const preview = o.withPreview ? await tryCompute(db, o.ctx, o.year, o.values) : { computed: null, errors: {} };
    return reply.page({
      title: o.title,
      status: o.status,
      breadcrumbs: [
        { href: '/', label: 'Forside' },
        { href: '/takster', label: 'Takster' },
        { href: `/takster/tilbud/${o.ctx.id}`, label: o.ctx.name },
        { label: o.title },
      ],
      body: (
        <>
          <h1>{o.title}</h1>
          <p>
            {o.ctx.name} · {o.ctx.offering_type_name} · {o.ctx.municipality_name} · {o.ctx.area?.name ?? 'intet rammeaftaleområde'}
          </p>
          {rule && !o.isCorrection && (
            <p>
              Frist for indsendelse: {formatDate(deadlineFor(rule, o.year))}. Beregningen følger aftalens regler for {o.year}; se dem på <a href="/takster/regler">takstreglerne</a>.
            </p>
          )}
          <TariffEditor
            action={o.action}
            previewUrl={`/takster/forhaandsvisning/${o.ctx.id}/${o.year}`}
            csrf={req.csrf}
            values={o.values}
            errors={o.errors}
            historyYears={history.map((h) => h.year)}
            isCorrection={o.isCorrection}
            shortStay={o.ctx.is_short_stay}
            cancelHref={o.cancelHref}
            preview={<PreviewPanel computed={preview.computed} errors={preview.errors} isResidential={o.ctx.is_residential} />}
          />
        </>
      ),
    });
  };

  /** Starting values for a new draft: last year's published calculation (without its regulation) and Ramme's occupancy history. */
  const startingValues = async (ctx: OfferingContext, year: number, correctionOf: number | null): Promise<FormValues> => {
    const history = await occupancyHistory(db, ctx.id, year);
    const source = correctionOf ?? (await currentPublished(db, ctx.id, year - 1))?.id ?? null;
    const v = source ? await getVersion(db, source) : null;
    const values: FormValues = v ? inputToForm(correctionOf ? v.input : { ...v.input, regulation: null, occupancyPct: null, occupancyHistoryPct: null }) : { unit: 'day', places: String(ctx.places), overheadMode: 'pct' };
    if (!correctionOf) history.forEach((h, i) => (values[`hist.${i}`] = h.occupancy_pct.replace('.', ',')));
    return values;
  };

  app.get('/takster/tilbud/:offeringId/:year/ny', { schema: { hide: true } }, async (req, reply) => {
    const { ctx, year } = await loadOffering(req);
    const tariff = await findTariff(db, ctx.id, year);
    const open = tariff ? await openVersionOf(db, tariff.id) : null;
    if (open) return reply.redirect(`/takster/${open.id}`, 303);
    const published = tariff ? await currentPublished(db, ctx.id, year) : null;
    const values = await startingValues(ctx, year, published?.id ?? null);
    return render(req, reply, {
      ctx, year, values, action: `/takster/tilbud/${ctx.id}/${year}/ny`, isCorrection: !!published, withPreview: true,
      title: published ? `Ny version af taksten ${year}` : `Beregn takst ${year}`, cancelHref: `/takster/tilbud/${ctx.id}`,
    });
  });

  app.post('/takster/tilbud/:offeringId/:year/ny', { schema: { hide: true } }, async (req, reply) => {
    const { ctx, year } = await loadOffering(req);
    const values = (req.body ?? {}) as FormValues;
    const tariff = await findTariff(db, ctx.id, year);
    const isCorrection = !!(tariff && (await currentPublished(db, ctx.id, year)));
    const common = { ctx, year, values, action: `/takster/tilbud/${ctx.id}/${year}/ny`, isCorrection, title: isCorrection ? `Ny version af taksten ${year}` : `Beregn takst ${year}`, cancelHref: `/takster/tilbud/${ctx.id}` };
    if (values.handling === 'beregn') return render(req, reply, { ...common, withPreview: true });
    const { body, fieldOf } = formToBody(values);
    try {
      const id = await createDraft(db, req.actor, { ...body, offeringId: ctx.id, year });
      return reply.redirect(`/takster/${id}?gemt=1`, 303);
    } catch (error) {
      if (error instanceof HttpError && error.statusCode === 400)
        return render(req, reply, { ...common, errors: mapErrors(Object.keys(error.fieldErrors).length ? error.fieldErrors : { _: [error.message] }, fieldOf), status: 400, withPreview: false });
      throw error;
    }
  });

  app.post('/takster/forhaandsvisning/:offeringId/:year', { schema: { hide: true } }, async (req, reply) => {
    const { ctx, year } = await loadOffering(req);
    const { computed, errors } = await tryCompute(db, ctx, year, (req.body ?? {}) as FormValues);
    const panel = <PreviewPanel computed={computed} errors={errors} isResidential={ctx.is_residential} />;
    if (isFragment(req)) return sendFragment(reply, panel);
    return reply.redirect(`/takster/tilbud/${ctx.id}`, 303);
  });

  const loadDraft = async (req: FastifyRequest) => {
    const actor = requireActor(req.actor);
    const id = z.coerce.number().int().positive().max(2147483647).safeParse((req.params as { id?: string }).id);
    if (!id.success) throw notFound('Taksten findes ikke.');
    const { v, ctx } = await requireVisibleVersion(db, actor, id.data);
    if (!canEditTariffsOf(actor, ctx)) throw forbidden('Du kan kun rette takster for tilbud, som din egen organisation driver.');
    if (v.status !== 'kladde' && v.status !== 'returneret') throw new HttpError(409, 'Taksten er indsendt eller offentliggjort og kan ikke rettes.');
    return { v, ctx };
  };

  app.get('/takster/:id/rediger', { schema: { hide: true } }, async (req, reply) => {
    const { v, ctx } = await loadDraft(req);
    return render(req, reply, {
      ctx, year: v.year, values: inputToForm(v.input, { explanation: v.explanation, correctionReason: v.correction_reason }), action: `/takster/${v.id}/rediger`,
      isCorrection: v.version > 1, withPreview: true, title: `Ret takst ${v.year}${v.version > 1 ? `, version ${v.version}` : ''}`, cancelHref: `/takster/${v.id}`,
    });
  });

  app.post('/takster/:id/rediger', { schema: { hide: true } }, async (req, reply) => {
    const { v, ctx } = await loadDraft(req);
    const values = (req.body ?? {}) as FormValues;
    const common = { ctx, year: v.year, values, action: `/takster/${v.id}/rediger`, isCorrection: v.version > 1, title: `Ret takst ${v.year}${v.version > 1 ? `, version ${v.version}` : ''}`, cancelHref: `/takster/${v.id}` };
    if (values.handling === 'beregn') return render(req, reply, { ...common, withPreview: true });
    const { body, fieldOf } = formToBody(values);
    try {
      await updateDraft(db, req.actor, v.id, body);
      return reply.redirect(`/takster/${v.id}?gemt=1`, 303);
    } catch (error) {
      if (error instanceof HttpError && error.statusCode === 400)
        return render(req, reply, { ...common, errors: mapErrors(Object.keys(error.fieldErrors).length ? error.fieldErrors : { _: [error.message] }, fieldOf), status: 400, withPreview: false });
      throw error;
    }
  });
}
