/**
 * @module One tariff version: the calculation step by step, the rules it used, the change against last year,
 * a what-if form (works without JavaScript, live with it), and the actions of the round: submit, approve, return,
 * delete a draft, start a correction.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../core/capability.js';
import { HttpError } from '../../core/errors.js';
import { Alert, CsrfField, DescriptionList, ErrorSummary, TextArea, formatDate, formatDateTime } from '../../core/web/components.js';
import { canEditTariffsOf, canReviewArea } from '../access.js';
import { calculateTariff } from '../calculation.js';
import { versionIdFrom } from '../tariffs.api.js';
import { approveVersion, deleteDraft, requireVisibleVersion, returnVersion, submitVersion } from '../tariffs.service.js';
import { INCREASE_BASIS_LABELS } from '../tariffs.table.js';
import { isFragment, sendFragment } from './editor.pages.js';
import { BreakdownTable, ChangeText, dkKr, dkPct, LevelsTable, StatusTag, tariffLabel, unitLabel, Warnings } from './parts.js';
import { whatIf, WhatIfForm, WhatIfResult, type WhatIfOutcome, type WhatIfValues } from './whatif.js';

const NOTICES: Record<string, string> = {
  gemt: 'Kladden er gemt.',
  indsendt: 'Taksten er indsendt til sekretariatet.',
  godkendt: 'Taksten er godkendt. Den offentliggøres sammen med de øvrige godkendte takster i takstoversigten.',
  returneret: 'Taksten er sendt retur til driftsherren med din kommentar.',
};

export function detailPages(app: FastifyInstance, { db }: AppContext) {
  const render = async (req: FastifyRequest, reply: FastifyReply, o: { whatIfValues?: WhatIfValues; outcome?: WhatIfOutcome | null; errors?: Record<string, string[]>; status?: number; returnComment?: string; explanation?: string }) => {
    const id = versionIdFrom(req.params);
    const { v, ctx } = await requireVisibleVersion(db, req.actor, id);
    const calc = calculateTariff(v.input, v.rules);
    const isEditor = canEditTariffsOf(req.actor, ctx);
    const isReviewer = canReviewArea(req.actor, v.area_id);
    const [prev, current, history] = await Promise.all([
      v.prev_version_id ? db.selectFrom('tariff_version').select(['id', 'average_tariff', 'version']).where('id', '=', v.prev_version_id).executeTakeFirst() : null,
      v.superseded_at
        ? db.selectFrom('tariff_version').select(['id', 'version']).where('tariff_id', '=', v.tariff_id).where('status', '=', 'offentliggjort').where('superseded_at', 'is', null).executeTakeFirst()
        : null,
      isEditor || isReviewer
        ? db.selectFrom('audit_log').select(['at', 'actor_username', 'action', 'after']).where('entity', '=', 'tariff_version').where('entity_id', '=', String(v.id)).orderBy('at', 'desc').limit(20).execute()
        : [],
    ]);
    const notice = Object.keys(NOTICES).find((k) => (req.query as Record<string, string>)[k] === '1');
    const title = `${ctx.name}: takst ${v.year}`;
    const rules = v.rules;
    return reply.page({
      title,
      status: o.status,
      breadcrumbs: [
        { href: '/', label: 'Forside' },
        { href: '/takster', label: 'Takster' },
        { href: `/takster/tilbud/${ctx.id}`, label: ctx.name },
        { label: `${v.year}, version ${v.version}` },
      ],
      body: (
        <>
          {notice && <Alert kind="success">{NOTICES[notice]}</Alert>}
          <ErrorSummary errors={o.errors} labels={{ explanation: 'Forklaring på stigningen', comment: 'Kommentar' }} />
          <h1>{title}</h1>
          <p>
            <StatusTag status={v.status} superseded={!!v.superseded_at} /> Version {v.version} · {unitLabel(v.unit)} · {v.area_name}
          </p>
          {current && (
            <Alert kind="info">
              Denne version er erstattet. <a href={`/takster/${current.id}`}>Se den gældende version {current.version}</a>.
            </Alert>
          )}
          {v.return_comment && v.status === 'returneret' && (
            <Alert kind="warning" heading="Sendt retur af sekretariatet">
              <p class="ramme-pre">{v.return_comment}</p>
            </Alert>
          )}
          <Actions v={v} ctx={ctx} csrf={req.csrf} isEditor={isEditor} isReviewer={isReviewer} returnComment={o.returnComment} explanation={o.explanation} errors={o.errors} />
          <h2>Taksten</h2>
          <LevelsTable levels={v.levels} unit={v.unit} caption={`${tariffLabel(v.unit)} ${v.year}`} />
          <DescriptionList
            items={[
              ['Gennemsnitstakst', dkKr(v.average_tariff)],
              ['Anvendt belægning', v.occupancy_pct_used ? `${dkPct(v.occupancy_pct_used)} (${v.occupancy_source === 'history' ? 'gennemsnit af tidligere års faktiske belægning' : 'angivet'})` : 'Bruges ikke'],
              ['Sidste års takst', prev ? <a href={`/takster/${prev.id}`}>{dkKr(prev.average_tariff)}</a> : 'Ingen sammenlignelig offentliggjort takst'],
              ['Nominel ændring', <ChangeText pct={v.nominal_change_pct} flagged={v.is_flagged && rules.increaseBasis === 'nominal'} />],
              ['Real ændring', <ChangeText pct={v.real_change_pct} flagged={v.is_flagged && rules.increaseBasis === 'real'} />],
              ['Stigning over grænsen', v.is_flagged ? `Ja, over ${dkPct(rules.increaseThresholdPct)} (${INCREASE_BASIS_LABELS[rules.increaseBasis]})` : 'Nej'],
              ['Forklaring på stigningen', v.explanation],
              ['Begrundelse for ny version', v.correction_reason],
            ]}
          />
          <Warnings warnings={v.warnings} />
          <h2>Beregningen trin for trin</h2>
          <BreakdownTable steps={calc.breakdown} />
          {calc.addOns.length > 0 && (
            <>
              <h3>Tillægsydelser</h3>
              <ul>
                {calc.addOns.map((a) => (
                  <li>
                    {a.name}: {dkKr(a.hourlyRate)} pr. time ({dkKr(a.cost)} ÷ {a.plannedHours} timer)
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2 id="hvis-overskrift">Hvad nu hvis?</h2>
          <p>Se, hvad taksten bliver med en anden belægning eller andre beløb. Beregningen bruger de samme regler og gemmer intet.</p>
          <WhatIfForm id={v.id} csrf={req.csrf} input={v.input} occupancyUsed={v.occupancy_pct_used} values={o.whatIfValues ?? {}} outcome={o.outcome ?? null} current={v.levels} />
          <h2>Regler, beregningen bygger på</h2>
          <DescriptionList
            items={[
              ['Beholdt over-/underskud', `Højst ${dkPct(rules.retainLimitPct)} af omkostningsgrundlaget`],
              ['Belægning', `${dkPct(rules.occupancyFloorPct)}–${dkPct(rules.occupancyCeilingPct)} (korttidstilbud fra ${dkPct(rules.shortStayFloorPct)}); anbefalet højst ${dkPct(rules.recommendedMaxPct)}`],
              ['Loft over overhead', rules.overheadCapPct ? dkPct(rules.overheadCapPct) : 'Intet loft'],
              ['Grænse for stigninger', `${dkPct(rules.increaseThresholdPct)} (${INCREASE_BASIS_LABELS[rules.increaseBasis]})`],
              ['P/L-fremskrivning', rules.plPct ? dkPct(rules.plPct) : 'Ikke fastsat'],
              ['Frist for indsendelse', formatDate(rules.deadline)],
            ]}
          />
          <h2>Forløb</h2>
          <DescriptionList
            items={[
              ['Oprettet', `${formatDateTime(v.created_at)} af ${v.created_by}`],
              ['Indsendt', v.submitted_at ? `${formatDateTime(v.submitted_at)} af ${v.submitted_by}${v.is_on_time === null ? '' : v.is_on_time ? ' (rettidigt)' : ' (efter fristen)'}` : null],
              ['Godkendt', v.approved_at ? `${formatDateTime(v.approved_at)} af ${v.approved_by}` : null],
              ['Offentliggjort', v.published_at ? formatDateTime(v.published_at) : null],
              ['Erstattet', v.superseded_at ? formatDateTime(v.superseded_at) : null],
            ]}
          />
          {history.length > 0 && (
            <ul>
              {history.map((h) => (
                <li>
                  {formatDateTime(h.at)}: {h.action === 'create' ? 'oprettet' : h.action === 'delete' ? 'slettet' : `ændret${statusOf(h.after)}`} af {h.actor_username}
                </li>
              ))}
            </ul>
          )}
          <p>
            <a href={`/api/tariffs/${v.id}`}>Se taksten som JSON</a>
          </p>
        </>
      ),
    });
  };

  app.get('/takster/:id', { schema: { hide: true } }, async (req, reply) => render(req, reply, {}));

  app.post('/takster/:id/hvis', { schema: { hide: true } }, async (req, reply) => {
    const id = versionIdFrom(req.params);
    const { v } = await requireVisibleVersion(db, req.actor, id);
    const values = (req.body ?? {}) as WhatIfValues;
    const outcome = whatIf(v.input, v.rules, values);
    if (isFragment(req)) return sendFragment(reply, <WhatIfResult outcome={outcome} current={v.levels} />);
    return render(req, reply, { whatIfValues: values, outcome });
  });

  const action = (path: string, run: (id: number, req: FastifyRequest) => Promise<void>, notice: string, errorField: string) =>
    app.post(`/takster/:id/${path}`, { schema: { hide: true } }, async (req, reply) => {
      const id = versionIdFrom(req.params);
      try {
        await run(id, req);
        return reply.redirect(notice === 'slettet' ? '/takster?slettet=1' : `/takster/${id}?${notice}=1`, 303);
      } catch (error) {
        if (error instanceof HttpError && (error.statusCode === 400 || error.statusCode === 409)) {
          const fields = Object.keys(error.fieldErrors).length ? error.fieldErrors : { [errorField]: [error.message] };
          const body = req.body as Record<string, string> | undefined;
          return render(req, reply, { errors: fields, status: error.statusCode, returnComment: body?.comment, explanation: body?.explanation });
        }
        throw error;
      }
    });
  action('indsend', (id, req) => submitVersion(db, req.actor, id, { explanation: (req.body as Record<string, string> | undefined)?.explanation }), 'indsendt', '_');
  action('godkend', (id, req) => approveVersion(db, req.actor, id), 'godkendt', '_');
  action('returner', (id, req) => returnVersion(db, req.actor, id, { comment: (req.body as Record<string, string> | undefined)?.comment ?? '' }), 'returneret', 'comment');
  action('slet', (id, req) => deleteDraft(db, req.actor, id), 'slettet', '_');
}

function statusOf(after: unknown): string {
  const a = (typeof after === 'string' ? JSON.parse(after) : after) as { status?: string } | null;
  return a?.status ? ` (${a.status})` : '';
}

type ActionsProps = {
  v: Awaited<ReturnType<typeof requireVisibleVersion>>['v'];
  ctx: Awaited<ReturnType<typeof requireVisibleVersion>>['ctx'];
  csrf: string;
  isEditor: boolean;
  isReviewer: boolean;
  returnComment?: string;
  explanation?: string;
  errors?: Record<string, string[]>;
};

const Actions = ({ v, ctx, csrf, isEditor, isReviewer, returnComment, explanation, errors }: ActionsProps) => {
  const canEditNow = isEditor && (v.status === 'kladde' || v.status === 'returneret');
  const canCorrect = isEditor && v.status === 'offentliggjort' && !v.superseded_at;
  const canReview = isReviewer && (v.status === 'indsendt' || v.status === 'godkendt');
  if (!canEditNow && !canCorrect && !canReview) return null;
  // The submit form carries the explanation field, so a refused submission can be fixed where it happened.
  const needsExplanation = canEditNow && (v.is_flagged || !!errors?.explanation);
  return (
    <div class="ramme-actions">
      {canEditNow && (
        <>
          <a class="button button-secondary" href={`/takster/${v.id}/rediger`}>
            Ret beregningen
          </a>
          <form method="post" action={`/takster/${v.id}/indsend`} style={needsExplanation ? 'display:block;width:100%' : undefined}>
            <CsrfField token={csrf} />
            {needsExplanation && (
              <TextArea
                name="explanation"
                label="Forklaring på stigningen"
                hint="Stigningen overstiger aftalens grænse. Forklar den, før taksten indsendes; forklaringen indgår i indberetningen til socialtilsynet."
                value={explanation ?? v.explanation ?? ''}
                errors={errors}
                maxlength={4000}
                rows={3}
              />
            )}
            <button type="submit" class="button button-primary">
              Indsend til sekretariatet
            </button>
          </form>
          {v.status === 'kladde' && !v.submitted_at && (
            <form method="post" action={`/takster/${v.id}/slet`}>
              <CsrfField token={csrf} />
              <button type="submit" class="button button-tertiary">
                Slet kladden
              </button>
            </form>
          )}
        </>
      )}
      {canCorrect && (
        <a class="button button-secondary" href={`/takster/tilbud/${ctx.id}/${v.year}/ny`}>
          Opret ny version (rettelse)
        </a>
      )}
      {canReview && (
        <>
          {v.status === 'indsendt' && (
            <form method="post" action={`/takster/${v.id}/godkend`}>
              <CsrfField token={csrf} />
              <button type="submit" class="button button-primary">
                Godkend taksten
              </button>
            </form>
          )}
          <form method="post" action={`/takster/${v.id}/returner`} style="display:block;width:100%">
            <CsrfField token={csrf} />
            <TextArea name="comment" label="Kommentar til driftsherren" hint="Skrives i loggen og vises på taksten." value={returnComment ?? ''} errors={errors} maxlength={4000} rows={3} />
            <button type="submit" class="button button-secondary">
              Send retur
            </button>
          </form>
        </>
      )}
    </div>
  );
};
