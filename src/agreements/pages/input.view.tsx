/**
 * @module Input round pages: the list and the form to create one (secretariat), a round's page with questions,
 * groups and the vote tally, a group's answer and vote form, all answers to one question side by side, and
 * the Excel export. View models come from input.service.ts.
 */
import type { PageOptions } from '../../core/http/app.js';
import { count, formatDate } from '../../core/format.js';
import { CsrfField, ErrorSummary, Field, Select, TextArea } from '../../core/web/components.js';
import type { GroupForm, QuestionView, RoundExport, RoundView, RoundsView } from '../input.service.js';
import { SubNav, Styles, Tag, agreementUrl, blankForm, crumbs, str, type FormState } from './shared.js';

const LABELS: Record<string, string> = {
  kind: 'Type',
  template: 'Skabelon',
  title: 'Titel',
  heldOn: 'Dato',
  phaseId: 'Fase',
  description: 'Beskrivelse',
  questions: 'Spørgsmål',
  candidates: 'Handlinger at prioritere',
  voteAllowance: 'Stemmer pr. deltager',
  name: 'Gruppens navn',
  answers: 'Svar',
  votes: 'Stemmer',
};
export const roundUrl = (a: number, r: number, sub = '') => agreementUrl(a, `/input/${r}${sub}`);
const OpenTag = ({ isOpen, open }: { isOpen: boolean; open: string }) => (isOpen ? <Tag tone="ok">{open}</Tag> : <Tag tone="neutral">Lukket</Tag>);

const RoundForm = ({ vm, csrf, form }: { vm: RoundsView; csrf: string; form: FormState }) => {
  const { values, errors } = form;
  const templates = [
    { value: 'fokusomraader', label: 'Pr. fokusområde: mål, ønsket indhold og resultater' },
    { value: 'frie', label: 'Frie spørgsmål' },
  ];
  return (
    <section aria-labelledby="ny-runde">
      <h2 id="ny-runde">Opret inputrunde</h2>
      <ErrorSummary errors={errors} labels={LABELS} />
      <form method="post" action={agreementUrl(vm.agreement.id, '/input')} class="col-12 col-lg-8" style="padding:0">
        <CsrfField token={csrf} />
        <Field name="title" label="Titel" value={str(values.title)} errors={errors} required maxlength={300} />
        <Select name="kind" label="Type" value={str(values.kind) || 'dialogmoede'} options={vm.kinds} errors={errors} />
        <Field name="heldOn" label="Dato" type="date" value={str(values.heldOn)} errors={errors} required />
        <Select
          name="phaseId"
          label="Fase"
          value={str(values.phaseId)}
          emptyLabel="Ingen fase"
          options={vm.phases.map((p) => ({ value: String(p.id), label: `${p.number}. ${p.name}` }))}
          errors={errors}
        />
        <TextArea name="description" label="Beskrivelse" value={str(values.description)} errors={errors} maxlength={4000} />
        <Select name="template" label="Skabelon" value={str(values.template) || 'fokusomraader'} options={templates} errors={errors} />
        <TextArea
          name="questions"
          label="Spørgsmål"
          value={str(values.questions)}
          errors={errors}
          hint="Ét spørgsmål pr. linje, fx: Skriv to budskaber til styregruppen. Lægges efter fokusområdernes spørgsmål."
        />
        <TextArea
          name="candidates"
          label="Handlinger at prioritere"
          value={str(values.candidates)}
          errors={errors}
          hint="Kun ved prioritering: én handling pr. linje."
        />
        <Field
          name="voteAllowance"
          label="Stemmer pr. deltager"
          type="number"
          min={1}
          max={1000}
          value={str(values.voteAllowance)}
          errors={errors}
          hint="Kun ved prioritering: hvor mange stemmer hver gruppe fordeler."
        />
        <button type="submit" class="button button-primary">
          Opret inputrunde
        </button>
      </form>
    </section>
  );
};

export function roundsPage(vm: RoundsView, csrf: string, form: FormState = blankForm): PageOptions {
  const a = vm.agreement;
  return {
    title: `Input – ${a.title}`,
    status: form.errors ? 400 : undefined,
    breadcrumbs: crumbs(a, 'Input'),
    body: (
      <>
        <Styles />
        <h1>Inputrunder</h1>
        <SubNav agreement={a} current="/input" />
        <p>
          Dialogmøder, workshops og seminarer, hvor borde, kommuner, handicapråd og brugerorganisationer giver input – som svar på en skabelon eller som en
          prioritering med stemmer.
        </p>
        {vm.rounds.length === 0 ? (
          <p>Ingen inputrunder endnu.</p>
        ) : (
          <div class="ramme-table-wrap" tabindex={0}>
            <table class="table table--compact">
              <caption>{count(vm.rounds.length, 'inputrunde', 'inputrunder')}</caption>
              <thead>
                <tr>
                  <th scope="col">Dato</th>
                  <th scope="col">Runde</th>
                  <th scope="col">Type</th>
                  <th scope="col">Fase</th>
                  <th scope="col" class="ramme-num">
                    Grupper
                  </th>
                  <th scope="col" class="ramme-num">
                    Svar
                  </th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {vm.rounds.map((r) => (
                  <tr>
                    <td>{formatDate(r.held_on)}</td>
                    <td>
                      <a href={roundUrl(a.id, r.id)}>{r.title}</a>
                      {r.vote_allowance ? ' (prioritering)' : ''}
                    </td>
                    <td>{r.kindLabel}</td>
                    <td>{r.phase_name ?? '–'}</td>
                    <td class="ramme-num">{r.groups}</td>
                    <td class="ramme-num">{r.answers}</td>
                    <td>
                      <OpenTag isOpen={r.is_open} open="Åben" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {vm.canEdit && <RoundForm vm={vm} csrf={csrf} form={form} />}
      </>
    ),
  };
}

const Groups = ({ vm, csrf, form }: { vm: RoundView; csrf: string; form: FormState }) => {
  const { agreement: a, round, details: d } = vm;
  return (
    <section aria-labelledby="g-h">
      <h2 id="g-h">Deltagergrupper</h2>
      {d.groups.length === 0 ? (
        <p>Ingen grupper endnu.</p>
      ) : (
        <ul>
          {d.groups.map((g) => (
            <li>
              {g.name} ({vm.groupKindLabel(g.kind)}
              {g.organisation_name && g.organisation_name !== g.name ? `, ${g.organisation_name}` : ''}): {d.answers.filter((x) => x.group_id === g.id).length}{' '}
              svar
              {vm.mayAnswer(g) && (
                <>
                  {' '}
                  · <a href={roundUrl(a.id, round.id, `/grupper/${g.id}`)}>Svar for {g.name}</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {vm.join && (
        <>
          <h3>Tilføj gruppe</h3>
          <ErrorSummary errors={form.errors} labels={LABELS} />
          <form method="post" action={roundUrl(a.id, round.id, '/grupper')}>
            <CsrfField token={csrf} />
            {vm.join === 'any' ? (
              <>
                <Field
                  name="name"
                  label="Gruppens navn"
                  value={str(form.values.name)}
                  errors={form.errors}
                  required
                  maxlength={200}
                  hint="Fx Bord 3, Handicaprådet i Sorø eller en brugerorganisation."
                />
                <Select name="kind" label="Type" value={str(form.values.kind) || 'bord'} options={vm.groupKinds} errors={form.errors} />
              </>
            ) : (
              <>
                <input type="hidden" name="name" value={vm.organisationName} />
                <input type="hidden" name="kind" value="kommune" />
                <p>{vm.organisationName} svarer som én gruppe.</p>
              </>
            )}
            <button type="submit" class="button button-secondary">
              {vm.join === 'any' ? 'Tilføj gruppe' : `Svar som ${vm.organisationName}`}
            </button>
          </form>
        </>
      )}
    </section>
  );
};

export function roundPage(vm: RoundView, csrf: string, form: FormState = blankForm): PageOptions {
  const { agreement: a, round, details: d, tally } = vm;
  return {
    title: round.title,
    status: form.errors ? 400 : undefined,
    breadcrumbs: crumbs(a, round.title, { href: agreementUrl(a.id, '/input'), label: 'Input' }),
    body: (
      <>
        <Styles />
        <h1>{round.title}</h1>
        <SubNav agreement={a} current="/input" />
        <p>
          {vm.kindLabel} {formatDate(round.held_on)} · <OpenTag isOpen={round.is_open} open="Åben for svar" />
          {round.vote_allowance ? ` · Prioritering: hver gruppe har ${round.vote_allowance} stemmer` : ''}
        </p>
        {round.description && <p>{round.description}</p>}
        <p class="ramme-actions">
          <a class="button button-secondary" href={roundUrl(a.id, round.id, '/svar.xlsx')}>
            Hent alle svar som Excel
          </a>
          {vm.canEdit && (
            <form method="post" action={roundUrl(a.id, round.id, '/aaben')}>
              <CsrfField token={csrf} />
              <input type="hidden" name="isOpen" value={round.is_open ? 'false' : 'true'} />
              <button type="submit" class="button button-secondary">
                {round.is_open ? 'Luk runden' : 'Genåbn runden'}
              </button>
            </form>
          )}
        </p>
        {d.questions.length > 0 && (
          <section aria-labelledby="q-h">
            <h2 id="q-h">Spørgsmål</h2>
            <ol>
              {d.questions.map((q) => (
                <li>
                  <a href={roundUrl(a.id, round.id, `/spoergsmaal/${q.id}`)}>{q.text}</a> ({d.answers.filter((x) => x.question_id === q.id).length} svar)
                </li>
              ))}
            </ol>
          </section>
        )}
        {tally.length > 0 && (
          <section aria-labelledby="t-h">
            <h2 id="t-h">Prioritering</h2>
            <div class="ramme-table-wrap" tabindex={0}>
              <table class="table table--compact">
                <caption>Optælling af {d.votes.reduce((s, v) => s + v.votes, 0)} stemmer</caption>
                <thead>
                  <tr>
                    <th scope="col">Plads</th>
                    <th scope="col">Handling</th>
                    <th scope="col" class="ramme-num">
                      Stemmer
                    </th>
                    <th scope="col" class="ramme-num">
                      Grupper
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {tally.map((t) => (
                    <tr>
                      <td>{t.rank}</td>
                      <td>{t.title}</td>
                      <td class="ramme-num">{t.votes}</td>
                      <td class="ramme-num">{t.groups}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}
        <Groups vm={vm} csrf={csrf} form={form} />
      </>
    ),
  };
}

export function groupPage(vm: GroupForm, csrf: string, form?: FormState): PageOptions {
  const { agreement: a, round, group: g, details: d } = vm;
  const values = form?.values;
  const answer = (qid: number) => (values ? str(values[`answer_${qid}`]) : (d.answers.find((x) => x.group_id === g.id && x.question_id === qid)?.text ?? ''));
  const votes = (cid: number) => (values ? str(values[`vote_${cid}`]) : String(d.votes.find((x) => x.group_id === g.id && x.candidate_id === cid)?.votes ?? 0));
  return {
    title: `${g.name} – ${round.title}`,
    status: form?.errors ? 400 : undefined,
    breadcrumbs: crumbs(a, g.name, { href: roundUrl(a.id, round.id), label: round.title }),
    body: (
      <>
        <h1>Svar fra {g.name}</h1>
        <p>
          {round.title}, {formatDate(round.held_on)}. Tomme svar gemmes ikke.
        </p>
        <ErrorSummary errors={form?.errors} labels={LABELS} />
        {d.questions.length > 0 && (
          <form method="post" action={roundUrl(a.id, round.id, `/grupper/${g.id}/svar`)}>
            <CsrfField token={csrf} />
            {d.questions.map((q) => (
              <TextArea name={`answer_${q.id}`} label={`${q.number}. ${q.text}`} value={answer(q.id)} rows={3} maxlength={10000} />
            ))}
            <button type="submit" class="button button-primary">
              Gem svar
            </button>
          </form>
        )}
        {round.vote_allowance && (
          <form method="post" action={roundUrl(a.id, round.id, `/grupper/${g.id}/stemmer`)}>
            <CsrfField token={csrf} />
            <fieldset>
              <legend class="h2">Fordel {round.vote_allowance} stemmer</legend>
              {form?.errors?.votes && (
                <p class="form-error-message" id="f-votes" role="alert">
                  {form.errors.votes.join(' ')}
                </p>
              )}
              {d.candidates.map((c) => (
                <Field name={`vote_${c.id}`} label={c.title} type="number" min={0} max={round.vote_allowance!} value={votes(c.id)} />
              ))}
            </fieldset>
            <button type="submit" class="button button-primary">
              Gem stemmer
            </button>
          </form>
        )}
      </>
    ),
  };
}

export function questionPage(vm: QuestionView): PageOptions {
  const { agreement: a, round, details: d, question: q } = vm;
  return {
    title: `Svar på spørgsmål ${q.number} – ${round.title}`,
    breadcrumbs: crumbs(a, `Spørgsmål ${q.number}`, { href: roundUrl(a.id, round.id), label: round.title }),
    body: (
      <>
        <Styles />
        <h1>{q.text}</h1>
        <p>
          Alle gruppers svar side om side. {round.title}, {formatDate(round.held_on)}.
        </p>
        <div class="ramme-side">
          {d.groups.map((g) => {
            const ans = d.answers.find((x) => x.group_id === g.id && x.question_id === q.id);
            return (
              <article aria-label={g.name}>
                <h2 class="h4">{g.name}</h2>
                <p>{ans ? ans.text : <em>Intet svar</em>}</p>
              </article>
            );
          })}
        </div>
        <nav aria-label="Andre spørgsmål" class="ramme-actions">
          {vm.previous && <a href={roundUrl(a.id, round.id, `/spoergsmaal/${vm.previous.id}`)}>Forrige spørgsmål</a>}
          {vm.next && <a href={roundUrl(a.id, round.id, `/spoergsmaal/${vm.next.id}`)}>Næste spørgsmål</a>}
        </nav>
      </>
    ),
  };
}

/** A round as a workbook: answers side by side, every answer on its own row, and the prioritisation. */
export async function roundWorkbook({ details: d, tally }: RoundExport): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const side = wb.addWorksheet('Side om side', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  side.addRow(['Spørgsmål', ...d.groups.map((g) => g.name)]).font = { bold: true };
  for (const q of d.questions) side.addRow([q.text, ...d.groups.map((g) => d.answers.find((x) => x.group_id === g.id && x.question_id === q.id)?.text ?? '')]);
  side.getColumn(1).width = 50;
  const long = wb.addWorksheet('Alle svar');
  long.addRow(['Nr.', 'Spørgsmål', 'Gruppe', 'Svar']).font = { bold: true };
  for (const q of d.questions) {
    for (const g of d.groups) {
      const ans = d.answers.find((x) => x.group_id === g.id && x.question_id === q.id);
      if (ans) long.addRow([q.number, q.text, g.name, ans.text]);
    }
  }
  if (d.candidates.length) {
    const pr = wb.addWorksheet('Prioritering');
    pr.addRow(['Plads', 'Handling', 'Stemmer', 'Grupper']).font = { bold: true };
    for (const t of tally) pr.addRow([t.rank, t.title, t.votes, t.groups]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
