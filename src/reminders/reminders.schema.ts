/**
 * @module The reminder settings form: e-mail address (empty: no e-mail, reminders stay in Ramme), how many days
 * before a deadline, and the groups the person does not want.
 */
import { z } from 'zod';
import { CPR_MESSAGE, noCpr } from '../core/cpr.js';
import { looksLikeEmail } from '../core/mail.js';
import { asArray } from '../core/validation.js';

export const ZReminderSettings = z.object({
  email: z
    .string({ message: 'Skriv en e-mailadresse, eller lad feltet stå tomt.' })
    .trim()
    .max(254, { message: 'E-mailadressen må højst have 254 tegn.' })
    .refine(noCpr, { message: CPR_MESSAGE })
    .refine((v) => v === '' || looksLikeEmail(v), { message: 'Skriv en gyldig e-mailadresse, fx navn@kommune.dk, eller lad feltet stå tomt.' })
    .transform((v) => (v === '' ? null : v)),
  daysBefore: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce
      .number({ message: 'Skriv et antal dage fra 0 til 60.' })
      .int({ message: 'Skriv et helt antal dage fra 0 til 60.' })
      .min(0, { message: 'Skriv et antal dage fra 0 til 60.' })
      .max(60, { message: 'Skriv et antal dage fra 0 til 60.' }),
  ),
  /** The groups that are ticked (wanted); the others are muted. */
  wanted: z.preprocess(asArray, z.array(z.string().max(200, { message: 'Ukendt gruppe af påmindelser.' })).max(50)),
});
export type ReminderSettingsInput = z.infer<typeof ZReminderSettings>;
