/**
 * @module The process plan as a timeline: phases (the current one follows the dates), milestones with deliverables
 * (overdue is computed), the status history, and the secretariat's forms for phases (fields `p.*`) and
 * milestones (fields `m.*`). The view model comes from process.service.ts.
 */
import type { PageOptions } from '../../core/http/app.js';
import { formatDate } from '../../core/format.js';
import { CsrfField, ErrorSummary, Field, Select } from '../../core/web/components.js';
import { milestoneState, phaseState } from '../logic.js';
import type { TimelineView } from '../process.service.js';
import { SubNav, Styles, Tag, agreementUrl, crumbs, prefixErrors, str, type FormState } from './shared.js';

const PHASE: Record<string, [string, string]> = { kommende: ['Kommende', 'neutral'], i_gang: ['I gang', 'ok'], afsluttet: ['Afsluttet', 'none'] };
const MILESTONE: Record<string, [string, string]> = { gennemfoert: ['Gennemført', 'ok'], planlagt: ['Planlagt', 'neutral'], forsinket: ['Forsinket', 'bad'] };
const AUTO: Record<string, string> = {
  i_hoering: 'når aftalen sendes i høring',
  til_godkendelse: 'når aftalen sendes til godkendelse',
  godkendt: 'når alle medlemmer har godkendt',
};
const LABELS: Record<string, string> = {
  'p.number': 'Nummer',
  'p.name': 'Fase',
  'p.description': 'Beskrivelse',
  'p.startsOn': 'Start',
  'p.endsOn': 'Slut',
  'm.dueOn': 'Dato',
  'm.title': 'Milepæl',
  'm.responsible': 'Ansvarlig',
  'm.deliverable': 'Leverance',
  'm.phaseId': 'Fase',
  'm.status': 'Status',
  'm.completedOn': 'Gennemført dato',
  'm.completesOnStatus': 'Gennemføres automatisk',
};

/** Which of the two forms was sent, with the user's input. */
export type TimelineForm = { which: 'p' | 'm' } & FormState;

const MilestoneRows = ({ vm, csrf, list }: { vm: TimelineView; csrf: string; list: TimelineView['milestones'] }) => (
  <ul>
    {list.map((m) => {
      const [label, tone] = MILESTONE[milestoneState(m, vm.today)]!;
      return (
        <li>
          <strong>{formatDate(m.due_on)}</strong>: {m.title} <Tag tone={tone}>{label}</Tag>
          {m.responsible && ` · Ansvarlig: ${m.responsible}`}
          {m.deliverable && ` · Leverance: ${m.deliverable}`}
          {m.completed_on && m.status === 'gennemfoert' && m.completed_on !== m.due_on && ` · gennemført ${formatDate(m.completed_on)}`}
          {m.status === 'planlagt' && m.completes_on_status && ` · gennemføres, ${AUTO[m.completes_on_status] ?? 'når aftalens status skifter'}`}
          {vm.canEdit && m.status === 'planlagt' && (
            <form method="post" action={agreementUrl(vm.agreement.id, `/milepaele/${m.id}/gennemfoert`)} class="ramme-inline-form">
              <CsrfField token={csrf} />{' '}
              <button type="submit" class="button button-tertiary">
                Markér som gennemført <span class="sr-only">: {m.title}</span>
              </button>
            </form>
          )}
        </li>
      );
    })}
  </ul>
);

function lead(cur: TimelineView['current']): string {
  switch (cur.state) {
    case 'i_gang':
      return `Aktuel fase: ${cur.phase.name} (til ${formatDate(cur.phase.ends_on)}).`;
    case 'foer_start':
      return `Processen starter ${formatDate(cur.next.starts_on)}.`;
    case 'mellem_faser':
      return `Mellem faserne ${cur.previous.name} og ${cur.next.name}.`;
    case 'afsluttet':
      return 'Alle faser er afsluttet.';
    default:
      return 'Der er ingen faser i procesplanen.';
  }
}

const PlanForms = ({ vm, csrf, form }: { vm: TimelineView; csrf: string; form?: TimelineForm }) => {
  const a = vm.agreement;
  const pv = form?.which === 'p' ? form.values : { number: vm.phases.length + 1 };
  const mv = form?.which === 'm' ? form.values : {};
  const pe = form?.which === 'p' && form.errors ? prefixErrors(form.errors, 'p.') : undefined;
  const me = form?.which === 'm' && form.errors ? prefixErrors(form.errors, 'm.') : undefined;
  return (
    <>
      <section aria-labelledby="ny-fase">
        <h2 id="ny-fase">Tilføj fase</h2>
        <ErrorSummary errors={pe} labels={LABELS} />
        <form method="post" action={agreementUrl(a.id, '/faser')}>
          <CsrfField token={csrf} />
          <Field name="p.number" label="Nummer" type="number" min={1} max={99} value={str(pv.number)} errors={pe} required />
          <Field
            name="p.name"
            label="Fase"
            value={str(pv.name)}
            errors={pe}
            required
            maxlength={200}
            hint="Fx Fokusering, Omsætning, Konkretisering, Godkendelse"
          />
          <Field name="p.description" label="Beskrivelse" value={str(pv.description)} errors={pe} maxlength={2000} />
          <Field name="p.startsOn" label="Start" type="date" value={str(pv.startsOn)} errors={pe} required />
          <Field name="p.endsOn" label="Slut" type="date" value={str(pv.endsOn)} errors={pe} required />
          <button type="submit" class="button button-secondary">
            Tilføj fase
          </button>
        </form>
      </section>
      <section aria-labelledby="ny-milepael">
        <h2 id="ny-milepael">Tilføj milepæl</h2>
        <p>
          Milepæle skal ligge inden for aftalens forløb: {formatDate(a.preparation_start)} – {formatDate(a.period_end)}.
        </p>
        <ErrorSummary errors={me} labels={LABELS} />
        <form method="post" action={agreementUrl(a.id, '/milepaele')}>
          <CsrfField token={csrf} />
          <Field name="m.dueOn" label="Dato" type="date" value={str(mv.dueOn)} errors={me} required />
          <Field name="m.title" label="Milepæl" value={str(mv.title)} errors={me} required maxlength={300} />
          <Field name="m.responsible" label="Ansvarlig" value={str(mv.responsible)} errors={me} maxlength={300} />
          <Field name="m.deliverable" label="Leverance" value={str(mv.deliverable)} errors={me} maxlength={1000} />
          <Select
            name="m.phaseId"
            label="Fase"
            value={str(mv.phaseId)}
            emptyLabel="Ingen fase"
            options={vm.phases.map((p) => ({ value: String(p.id), label: `${p.number}. ${p.name}` }))}
            errors={me}
          />
          <Select
            name="m.status"
            label="Status"
            value={str(mv.status) || 'planlagt'}
            options={[
              { value: 'planlagt', label: 'Planlagt' },
              { value: 'gennemfoert', label: 'Gennemført' },
            ]}
            errors={me}
          />
          <Select
            name="m.completesOnStatus"
            label="Gennemføres automatisk"
            value={str(mv.completesOnStatus)}
            emptyLabel="Nej, markeres i hånden"
            options={[
              { value: 'i_hoering', label: 'Når aftalen sendes i høring' },
              { value: 'til_godkendelse', label: 'Når aftalen sendes til godkendelse' },
              { value: 'godkendt', label: 'Når alle medlemmer har godkendt' },
            ]}
            hint="Fx Udkast klar til høring: milepælen bliver gennemført den dag, aftalen sendes i høring."
            errors={me}
          />
          <button type="submit" class="button button-secondary">
            Tilføj milepæl
          </button>
        </form>
      </section>
    </>
  );
};

export function timelinePage(vm: TimelineView, csrf: string, form?: TimelineForm): PageOptions {
  const a = vm.agreement;
  return {
    title: `Procesplan – ${a.title}`,
    status: form ? 400 : undefined,
    breadcrumbs: crumbs(a, 'Procesplan'),
    body: (
      <>
        <Styles />
        <h1>Procesplan</h1>
        <SubNav agreement={a} current="/tidslinje" />
        <p class="font-lead">{lead(vm.current)} Fasen følger datoerne; ingen skifter den i hånden.</p>
        <ol class="ramme-timeline">
          {vm.phases.map((p) => {
            const st = phaseState(p, vm.today);
            const [label, tone] = PHASE[st]!;
            return (
              <li class={st === 'i_gang' ? 'is-current' : undefined}>
                <h2 class="h3">
                  Fase {p.number}: {p.name} <Tag tone={tone}>{label}</Tag>
                </h2>
                <p>
                  {formatDate(p.starts_on)} – {formatDate(p.ends_on)}
                  {p.description ? `. ${p.description}` : ''}
                </p>
                <MilestoneRows vm={vm} csrf={csrf} list={vm.milestones.filter((m) => m.phase_id === p.id)} />
              </li>
            );
          })}
        </ol>
        {vm.milestones.some((m) => m.phase_id === null) && (
          <section aria-labelledby="uden-fase">
            <h2 id="uden-fase">Milepæle uden fase</h2>
            <MilestoneRows vm={vm} csrf={csrf} list={vm.milestones.filter((m) => m.phase_id === null)} />
          </section>
        )}
        <section aria-labelledby="historik-h">
          <h2 id="historik-h">Statushistorik</h2>
          {vm.history.length === 0 ? (
            <p>Ingen statusskift.</p>
          ) : (
            <ul>
              {vm.history.map((e) => (
                <li>
                  {formatDate(e.date)}: {e.statusLabel}
                  {e.note ? ` – ${e.note}` : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
        {vm.canEdit && <PlanForms vm={vm} csrf={csrf} form={form} />}
      </>
    ),
  };
}
