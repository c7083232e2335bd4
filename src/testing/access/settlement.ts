/** Access matrix entries for settlement (see src/testing/access.ts). Holbæk (316) is demo-tilbudsoekonomi's and demo-myndighed's municipality. */
import { ALL, SIGNED_IN, type AccessExpectation } from '../access.js';

const SETTLING = SIGNED_IN.filter((w) => w !== 'sekretariat');

export const accessExpectations: AccessExpectation[] = [
  { route: 'POST /api/settlement/calculate', url: '/api/settlement/calculate', allowed: ALL, note: 'public; an empty body fails validation for everyone' },
  { route: 'GET /api/settlement/statements', url: '/api/settlement/statements', allowed: SETTLING, note: 'each sees only what it sells or buys' },
  {
    route: 'POST /api/settlement/generate',
    url: '/api/settlement/generate',
    allowed: ['tilbudsoekonomi', 'leverandoer'],
    note: 'the seller’s economy staff, for their own organisation',
  },
  { route: 'GET /api/settlement/statements/:id', url: '/api/settlement/statements/999999', allowed: [], refusedAsNotFound: true, note: 'no such statement' },
  { route: 'POST /api/settlement/statements/:id/send', url: '/api/settlement/statements/999999/send', allowed: [], refusedAsNotFound: true },
  { route: 'POST /api/settlement/statements/:id/accept', url: '/api/settlement/statements/999999/accept', allowed: [], refusedAsNotFound: true },
  {
    route: 'POST /api/settlement/statements/:id/lines/:lineId/dispute',
    url: '/api/settlement/statements/999999/lines/1/dispute',
    allowed: [],
    refusedAsNotFound: true,
  },
  {
    route: 'POST /api/settlement/statements/:id/lines/:lineId/answer',
    url: '/api/settlement/statements/999999/lines/1/answer',
    allowed: [],
    refusedAsNotFound: true,
  },
  ...['eksport.csv', 'eksport.xlsx', 'faktura.xml'].map((file) => ({
    route: `GET /api/settlement/statements/:id/${file}`,
    url: `/api/settlement/statements/999999/${file}`,
    allowed: [],
    refusedAsNotFound: true,
    note: 'only the statement’s seller and buyer (statement.export.test.ts)',
  })),
  { route: 'GET /afregning', url: '/afregning', allowed: SETTLING, note: 'each sees only what it sells or buys' },
  {
    route: 'POST /afregning/dan',
    url: '/afregning/dan',
    allowed: ['tilbudsoekonomi', 'leverandoer'],
    isForm: true,
    note: 'no month: the form again with the message (400)',
  },
  { route: 'GET /afregning/:id', url: '/afregning/999999', allowed: [], refusedAsNotFound: true },
  ...['send', 'godkend', 'bestrid', 'besvar'].map((action) => ({
    route: `POST /afregning/:id/${action}`,
    url: `/afregning/999999/${action}`,
    allowed: [] as AccessExpectation['allowed'],
    isForm: true,
    refusedAsNotFound: true,
  })),
  { route: 'GET /api/settlement/trade', url: '/api/settlement/trade', allowed: SIGNED_IN, note: 'the own area’s trade (sums); members and secretariat' },
  { route: 'GET /samhandel', url: '/samhandel', allowed: SIGNED_IN, note: 'the own area’s trade (sums); members and secretariat' },
  {
    route: 'GET /samhandel/celle',
    url: '/samhandel/celle?omraade=999999&aar=2026&koeber=1&saelger=1',
    allowed: [],
    refusedAsNotFound: true,
    note: 'no such area; the rows behind a cell: trade.pages.test.ts (case references only for its buyer and seller)',
  },
  { route: 'GET /opfoelgning', url: '/opfoelgning', allowed: ['myndighed'], note: 'a municipality’s case workers, its own contracts' },
  { route: 'GET /opfoelgning/kontrakt/:id', url: '/opfoelgning/kontrakt/999999', allowed: [], refusedAsNotFound: true },
  { route: 'POST /opfoelgning/kontrakt/:id', url: '/opfoelgning/kontrakt/999999', allowed: [], isForm: true, refusedAsNotFound: true },
];
