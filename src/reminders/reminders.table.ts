/**
 * @module Table types for reminders: each person's choice (e-mail address, how many days ahead, which groups they
 * do not want), and every reminder given (one row per person, item and deadline: the claim that makes several
 * processes send it once).
 */
import type { Generated } from 'kysely';

export type ReminderSettingTable = {
  user_id: number;
  email: string | null;
  days_before: number;
  /** Headings of the work-list groups the person does not want reminders for. */
  muted: string[];
  updated_at: Generated<Date>;
};

export type ReminderSentTable = {
  id: Generated<number>;
  user_id: number;
  item_key: string;
  due: string;
  heading: string;
  title: string;
  href: string;
  /** 'mail' when it was e-mailed; 'ramme' when no SMTP server was configured and it stayed in Ramme. */
  channel: 'mail' | 'ramme';
  sent_at: Generated<Date>;
};

declare module '../core/db/types.js' {
  interface DB {
    reminder_setting: ReminderSettingTable;
    reminder_sent: ReminderSentTable;
  }
}
