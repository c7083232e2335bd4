/**
 * @module The agreement cycle's words as data: statuses, parts, commitment statuses, council decisions, hearing
 * responses, kinds of input rounds and groups. Shipped as rows of `agreement_vocabulary` by the migration; pages
 * and rules read them from the table, so a new status is a row, not a code change.
 */
export type VocabularyRow = {
  list: string;
  code: string;
  label: string;
  description?: string;
  tone?: 'ok' | 'warn' | 'bad' | 'neutral';
  approval?: boolean;
  rejection?: boolean;
};

export const VOCABULARY: VocabularyRow[] = [
  { list: 'aftalestatus', code: 'under_udarbejdelse', label: 'Under udarbejdelse', tone: 'neutral' },
  { list: 'aftalestatus', code: 'i_hoering', label: 'I høring', tone: 'warn' },
  { list: 'aftalestatus', code: 'til_godkendelse', label: 'Til godkendelse', tone: 'warn' },
  { list: 'aftalestatus', code: 'godkendt', label: 'Godkendt', tone: 'ok' },
  { list: 'aftalestatus', code: 'udloebet', label: 'Udløbet', description: 'Beregnes: en godkendt aftale, hvis periode er slut.', tone: 'neutral' },
  { list: 'del', code: 'udvikling', label: 'Udviklingsstrategi', description: 'Udviklingsdelen: temaer, målgrupper og tilbudstyper, der skal være fokus på.' },
  { list: 'del', code: 'styring', label: 'Styringsaftale', description: 'Styringsdelen: kapacitet, prisudvikling og reglerne for køb og salg.' },
  { list: 'tilsagnsstatus', code: 'ikke_startet', label: 'Ikke startet', tone: 'bad' },
  { list: 'tilsagnsstatus', code: 'i_gang', label: 'I gang', tone: 'warn' },
  { list: 'tilsagnsstatus', code: 'implementeret', label: 'Implementeret', tone: 'ok' },
  { list: 'tilsagnsstatus', code: 'ikke_relevant', label: 'Ikke relevant', tone: 'neutral' },
  { list: 'beslutning', code: 'afventer', label: 'Afventer', tone: 'neutral' },
  { list: 'beslutning', code: 'godkendt', label: 'Godkendt', tone: 'ok', approval: true },
  { list: 'beslutning', code: 'godkendt_med_bemaerkninger', label: 'Godkendt med bemærkninger', tone: 'ok', approval: true },
  { list: 'beslutning', code: 'ikke_godkendt', label: 'Ikke godkendt', tone: 'bad', rejection: true },
  { list: 'svar', code: 'taget_ind', label: 'Taget ind', tone: 'ok' },
  { list: 'svar', code: 'delvist_taget_ind', label: 'Delvist taget ind', tone: 'warn' },
  { list: 'svar', code: 'ikke_taget_ind', label: 'Ikke taget ind', tone: 'bad' },
  { list: 'rundetype', code: 'dialogmoede', label: 'Dialogmøde' },
  { list: 'rundetype', code: 'workshop', label: 'Workshop' },
  { list: 'rundetype', code: 'seminar', label: 'Seminar' },
  { list: 'rundetype', code: 'hoeringsmoede', label: 'Høringsmøde' },
  { list: 'gruppetype', code: 'bord', label: 'Bord på mødet' },
  { list: 'gruppetype', code: 'kommune', label: 'Kommune' },
  { list: 'gruppetype', code: 'region', label: 'Region' },
  { list: 'gruppetype', code: 'handicapraad', label: 'Handicapråd' },
  { list: 'gruppetype', code: 'brugerorganisation', label: 'Bruger- eller pårørendeorganisation' },
  { list: 'gruppetype', code: 'andet', label: 'Anden gruppe' },
  { list: 'aspekt', code: 'maal', label: 'Mål' },
  { list: 'aspekt', code: 'indhold', label: 'Ønsket indhold' },
  { list: 'aspekt', code: 'resultater', label: 'Resultater' },
];
