/**
 * @module FROZEN: the contract templates migration 0402_contracts inserts, exactly as they shipped. NEVER EDIT THIS
 * FILE: a new template text is a NEW version (a new migration, or the secretariat's own data). The texts are short
 * Danish summaries of KL's standard contracts (inside the agreement: municipal and regional offerings; outside:
 * private, self-governing and municipal offerings outside the agreement; adults 2020 / v2.0 2023, children under
 * barnets lov 2024) [C for the structure, DOMAIN.md 2]; the full wording is a placeholder until the secretariat
 * loads KL's text.
 */
export const CONTRACT_TEMPLATES: ReadonlyArray<{ code: string; version: number; title: string; body: string; validFrom: string }> = [
  {
    code: 'inside_adult',
    version: 1,
    title: 'Standardkontrakt for tilbud omfattet af rammeaftalen – voksne (v2.0)',
    body: 'Køb af plads i kommunalt eller regionalt tilbud omfattet af rammeaftalen. Prisen er den offentliggjorte takst; taksten reguleres til næste års offentliggjorte takst. Betalingsfrist højst 30 dage efter modtaget faktura. (Pladsholder for KL’s tekst.)',
    validFrom: '2020-01-01',
  },
  {
    code: 'outside_adult',
    version: 1,
    title: 'Standardkontrakt for tilbud uden for rammeaftalen – voksne (v2.0)',
    body: 'Køb af plads i privat, selvejende eller kommunalt tilbud uden for rammeaftalen. Prisen reguleres med P/L-satsen fra den seneste økonomiaftale. Afregning forud eller bagud efter aftale; betalingsfrist højst 30 dage efter modtaget faktura. (Pladsholder for KL’s tekst.)',
    validFrom: '2020-01-01',
  },
  {
    code: 'inside_child',
    version: 1,
    title: 'Standardkontrakt for tilbud omfattet af rammeaftalen – børn og unge (barnets lov)',
    body: 'Køb af plads i kommunalt eller regionalt børne- og ungehjem omfattet af rammeaftalen, efter barnets lov. Prisen er den offentliggjorte takst. (Pladsholder for KL’s tekst.)',
    validFrom: '2024-01-01',
  },
  {
    code: 'outside_child',
    version: 1,
    title: 'Standardkontrakt for tilbud uden for rammeaftalen – børn og unge (barnets lov)',
    body: 'Køb af plads i privat eller selvejende børne- og ungehjem, efter barnets lov. Prisen reguleres med P/L-satsen. (Pladsholder for KL’s tekst.)',
    validFrom: '2024-01-01',
  },
];
