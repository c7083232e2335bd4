/**
 * @module The attachments (bilag) section of a meeting's page: the files to the meeting and to each agenda item with
 * their size and a download link (for those who may read the minutes), and the secretariat's upload form (multipart,
 * the CSRF field first, then the agenda item, then the file) and delete buttons. No JavaScript.
 */
import type { FieldErrors } from '../../core/errors.js';
import { formatDateTime } from '../../core/format.js';
import { CsrfField, Select } from '../../core/web/components.js';
import { ACCEPT, ACCEPTED_TEXT } from '../meeting-attachments.logic.js';
import type { attachmentsSection } from '../meeting-attachments.service.js';

export type AttachmentsView = Awaited<ReturnType<typeof attachmentsSection>>;

export const ATTACHMENT_LABELS: Record<string, string> = { fil: 'Fil', agendaItemId: 'Punkt' };

export const AttachmentsSection = (p: {
  view: AttachmentsView;
  meetingId: number;
  items: ReadonlyArray<{ id: number; position: number; title: string }>;
  csrf: string;
  errors?: FieldErrors;
}) => {
  const list = p.view.attachments;
  const errs = (name: string) => p.errors?.[name];
  return (
    <section aria-labelledby="bilag">
      <h2 id="bilag">Bilag</h2>
      {list === null ? (
        <p>Bilagene følger referatet og er interne for organets medlemmer og sekretariatet.</p>
      ) : list.length === 0 ? (
        <p>Mødet har ingen bilag.</p>
      ) : (
        <div class="ramme-table-wrap" tabindex={0}>
          <table class="table table--zebra table--compact">
            <caption>Mødets bilag</caption>
            <thead>
              <tr>
                <th scope="col">Fil</th>
                <th scope="col">Hører til</th>
                <th scope="col" class="ramme-num">
                  Størrelse
                </th>
                <th scope="col">Vedhæftet</th>
                {p.view.canEdit && <th scope="col">Slet</th>}
              </tr>
            </thead>
            <tbody>
              {list.map((a) => (
                <tr>
                  <td>
                    <a href={a.href} download={a.filename}>
                      {a.filename}
                    </a>
                  </td>
                  <td>{a.agendaItem ? `Punkt ${a.agendaItem.position}. ${a.agendaItem.title}` : 'Mødet'}</td>
                  <td class="ramme-num">{a.sizeText}</td>
                  <td>{formatDateTime(a.uploadedAt)}</td>
                  {p.view.canEdit && (
                    <td>
                      <form method="post" action={`${a.href}/slet`}>
                        <CsrfField token={p.csrf} />
                        <button class="button button-tertiary" type="submit" aria-label={`Slet ${a.filename}`}>
                          Slet
                        </button>
                      </form>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.view.canEdit && (
        <form method="post" action={`/samarbejde/moeder/${p.meetingId}/bilag`} enctype="multipart/form-data">
          <CsrfField token={p.csrf} />
          <Select
            name="agendaItemId"
            label="Hører til"
            value=""
            emptyLabel="Mødet som helhed"
            errors={p.errors}
            options={p.items.map((i) => ({ value: String(i.id), label: `Punkt ${i.position}. ${i.title}` }))}
          />
          <div class={`form-group${errs('fil')?.length ? ' form-error' : ''}`}>
            <label class="form-label" for="f-fil">
              Fil<span class="sr-only"> (skal udfyldes)</span>
            </label>
            <span class="form-hint" id="f-fil-hint">
              {ACCEPTED_TEXT}; højst 10 MB. Bilaget kan læses af dem, der kan læse referatet.
            </span>
            {errs('fil')?.length ? (
              <span class="form-error-message" id="fil-fejl">
                <span class="sr-only">Fejl: </span>
                {errs('fil')!.join(' ')}
              </span>
            ) : null}
            <input
              class="form-input"
              type="file"
              id="f-fil"
              name="fil"
              accept={ACCEPT}
              required
              aria-describedby={errs('fil')?.length ? 'f-fil-hint fil-fejl' : 'f-fil-hint'}
            />
          </div>
          <button class="button button-secondary" type="submit">
            Vedhæft filen
          </button>
        </form>
      )}
    </section>
  );
};
