/** Access matrix entries for the offerings register (see src/testing/access.ts; walked by src/core/http/access-matrix.test.ts). Holbæk (316) is demo-tilbudsoekonomi's municipality; Vordingborg (390) is not. */
import { SIGNED_IN, offeringOf, providerOffering, type AccessExpectation } from '../access.js';

const WRITERS = ['sekretariat', 'tilbudsoekonomi', 'leverandoer'] as const;

export const accessExpectations: AccessExpectation[] = [
  { route: 'GET /tilbud', url: '/tilbud', allowed: SIGNED_IN },
  { route: 'GET /tilbud/:id', url: async (db) => `/tilbud/${await offeringOf(db, 390)}`, allowed: SIGNED_IN },
  { route: 'GET /tilbud/ny', url: '/tilbud/ny', allowed: [...WRITERS] },
  { route: 'POST /tilbud/ny', url: '/tilbud/ny', allowed: [...WRITERS], isForm: true },
  {
    route: 'GET /tilbud/:id/rediger',
    url: async (db) => `/tilbud/${await offeringOf(db, 316)}/rediger`,
    allowed: ['sekretariat', 'tilbudsoekonomi'],
    note: 'own municipality’s offering',
  },
  {
    route: 'GET /tilbud/:id/rediger',
    url: async (db) => `/tilbud/${await offeringOf(db, 390)}/rediger`,
    allowed: ['sekretariat'],
    note: 'another municipality’s offering',
  },
  {
    route: 'GET /tilbud/:id/rediger',
    url: async (db) => `/tilbud/${await providerOffering(db)}/rediger`,
    allowed: ['sekretariat', 'leverandoer'],
    note: 'the provider’s own offering',
  },
  {
    route: 'POST /tilbud/:id/rediger',
    url: async (db) => `/tilbud/${await offeringOf(db, 316)}/rediger`,
    allowed: ['sekretariat', 'tilbudsoekonomi'],
    isForm: true,
  },
  { route: 'POST /tilbud/:id/rediger', url: async (db) => `/tilbud/${await offeringOf(db, 390)}/rediger`, allowed: ['sekretariat'], isForm: true },
  { route: 'GET /tilbud/:id/luk', url: async (db) => `/tilbud/${await offeringOf(db, 316)}/luk`, allowed: ['sekretariat', 'tilbudsoekonomi'] },
  { route: 'POST /tilbud/:id/luk', url: async (db) => `/tilbud/${await offeringOf(db, 390)}/luk`, allowed: ['sekretariat'], isForm: true },
  { route: 'GET /tilbud/eksport.csv', url: '/tilbud/eksport.csv?municipality=316', allowed: SIGNED_IN },
  { route: 'GET /tilbud/eksport.xlsx', url: '/tilbud/eksport.xlsx?municipality=316', allowed: SIGNED_IN },
  { route: 'GET /tilbud/skabelon.csv', url: '/tilbud/skabelon.csv', allowed: SIGNED_IN },
  { route: 'GET /tilbud/import', url: '/tilbud/import', allowed: [...WRITERS] },
  { route: 'POST /tilbud/import', url: '/tilbud/import', allowed: [...WRITERS], isForm: true },
  { route: 'GET /api/offerings', url: '/api/offerings', allowed: SIGNED_IN },
  { route: 'GET /api/offerings/:id', url: async (db) => `/api/offerings/${await offeringOf(db, 390)}`, allowed: SIGNED_IN },
  { route: 'POST /api/offerings', url: '/api/offerings', allowed: [...WRITERS] },
  {
    route: 'PATCH /api/offerings/:id',
    url: async (db) => `/api/offerings/${await offeringOf(db, 316)}`,
    allowed: ['sekretariat', 'tilbudsoekonomi'],
    payload: { places: 'ikke et tal' },
  },
  {
    route: 'PATCH /api/offerings/:id',
    url: async (db) => `/api/offerings/${await providerOffering(db)}`,
    allowed: ['sekretariat', 'leverandoer'],
    payload: { places: 'ikke et tal' },
  },
  { route: 'POST /api/offerings/:id/close', url: async (db) => `/api/offerings/${await offeringOf(db, 390)}/close`, allowed: ['sekretariat'] },
  { route: 'POST /api/offerings/import', url: '/api/offerings/import', allowed: [...WRITERS] },
];
