/**
 * @module Reminders as a capability: each person's choice of e-mail reminders, and the morning job that gives
 * the reminders of every capability's deadlines (see reminders.service.ts).
 */
import type { Capability } from '../core/capability.js';
import { reminderPages } from './pages/reminders.pages.js';
import { remindersMigrations } from './reminders.migrations.js';
import { remindersPermissions } from './reminders.policy.js';
import { runReminders } from './reminders.service.js';
import './reminders.table.js';

export const REMINDERS_JOB = 'reminders';

export const reminders: Capability = {
  name: 'reminders',
  migrations: remindersMigrations,
  routes: (app) => reminderPages(app),
  nav: [{ href: '/profil/paamindelser', label: 'Påmindelser', description: 'frister på e-mail, som du selv vælger', isVisible: (a) => !!a, order: 95 }],
  permissions: remindersPermissions,
  jobs: [
    {
      name: REMINDERS_JOB,
      // Every morning at 7 Danish time.
      cron: '0 7 * * *',
      pollingSeconds: 10,
      run: async (app) => {
        const r = await runReminders(app);
        if (r.people) console.log(`Påmindelser: ${r.items} til ${r.people} personer, ${r.mails} e-mails${r.failed ? `, ${r.failed} fejlede` : ''}.`);
      },
    },
  ],
  auditEntities: {
    reminder_setting: {
      label: 'Valg af påmindelser',
      fieldLabels: { email: 'E-mailadresse', daysBefore: 'Dage før fristen', muted: 'Fravalgte grupper' },
    },
    reminder: { label: 'Påmindelse', fieldLabels: { userId: 'Bruger-id', item: 'Opgave', due: 'Frist', reason: 'Årsag' } },
  },
};
