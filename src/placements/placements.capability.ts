/**
 * @module Placements (pladser) as a capability: free places per offering, reservations, the place search.
 */
import type { Capability } from '../core/capability.js';
import { contractsApi } from './contracts.api.js';
import { contractIndicators } from './contracts.indicators.js';
import { placementsApi } from './placements.api.js';
import { placementsMigrations } from './placements.migrations.js';
import { placementsPermissions } from './placements.policy.js';
import { seedPlacements } from './placements.seed.js';
import { contractImportPages } from './pages/contract-import.pages.js';
import { contractPages } from './pages/contract.pages.js';
import { reservationPages } from './pages/reservation.pages.js';
import { searchPages } from './pages/search.pages.js';
import { vacancyPages } from './pages/vacancy.pages.js';
import './placements.table.js';

export const placements: Capability = {
  name: 'placements',
  migrations: placementsMigrations,
  routes: (app, ctx) => {
    placementsApi(app, ctx);
    contractsApi(app);
    vacancyPages(app);
    searchPages(app);
    reservationPages(app);
    contractImportPages(app);
    contractPages(app);
  },
  nav: [
    {
      href: '/pladser',
      label: 'Pladser',
      description: 'ledige pladser, pladssøgning og reservationer',
      isVisible: (a) => !!a && a.roles.some((r) => r !== 'laeser' && r !== 'administrator'),
      order: 25,
    },
  ],
  seed: seedPlacements,
  indicators: contractIndicators,
  permissions: placementsPermissions,
  auditEntities: {
    vacancy_report: {
      label: 'Pladsmelding',
      href: (id) => `/pladser/tilbud/${id}`,
      fieldLabels: {
        freeNow: 'Ledige pladser nu',
        waitingCount: 'Venteliste',
        takenOutside: 'Optaget uden for Ramme',
        note: 'Bemærkning',
        expected: 'Forventet ledige',
        confirmedAt: 'Bekræftet',
      },
    },
    contract: {
      label: 'Kontrakt',
      href: (id) => `/pladser/kontrakter/${id}`,
      fieldLabels: {
        buyerDepartment: 'Handlekommunens afdeling',
        buyerEan: 'Handlekommunens EAN',
        payingOrganisationId: 'Betalingskommune',
        payingDepartment: 'Betalingskommunens afdeling',
        payingEan: 'Betalingskommunens EAN',
        providerEan: 'Leverandørens EAN',
        providerCvr: 'Leverandørens CVR',
        buyerContact: 'Kontaktperson (køber)',
        providerContact: 'Kontaktperson (leverandør)',
        tariffLevel: 'Takstniveau',
        addOns: 'Særydelser',
        endDate: 'Slutdato',
        currentEndDate: 'Gældende slutdato',
        expectedDurationMonths: 'Forventet varighed (måneder)',
        goals: 'Mål',
        followUpDates: 'Opfølgningsdatoer',
        paymentTiming: 'Betaling forud/bagud',
        paymentDays: 'Betalingsfrist (dage)',
        noticeParty: 'Opsagt af',
        noticeGivenOn: 'Opsagt den',
        noticeDays: 'Opsigelsesvarsel (dage)',
        noticeEndDate: 'Ophører ved opsigelse',
        amendmentNumber: 'Tillæg nr.',
        effectiveDate: 'Gælder fra',
        description: 'Beskrivelse',
        status: 'Status',
        templateCode: 'Skabelon',
        templateVersion: 'Skabelonversion',
        tariffPrice: 'Takst',
        searchId: 'Søgning',
        publicFirstReason: 'Begrundelse for privat køb',
        publicFirstText: 'Uddybning',
      },
    },
    reservation: {
      label: 'Reservation',
      href: (id) => `/pladser/reservationer/${id}`,
      fieldLabels: {
        offeringId: 'Tilbud',
        caseReference: 'Sagsnummer',
        startDate: 'Startdato',
        status: 'Status',
        expiresAt: 'Udløber',
        declineReason: 'Begrundelse',
      },
    },
  },
};
