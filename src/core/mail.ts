/**
 * @module Outgoing e-mail through SMTP (nodemailer), configured by `RAMME_SMTP_URL` and `RAMME_MAIL_FROM`. Without
 * an SMTP server there is no mailer: what would have been mailed stays in Ramme (the start-up log says so).
 */
import nodemailer from 'nodemailer';
import type { Config } from './config.js';

export type MailMessage = { to: string; subject: string; text: string };
export type Mailer = { send: (message: MailMessage) => Promise<{ messageId: string }> };

const transports = new Map<string, Mailer>();

/** The mailer of the configured SMTP server (one transport per URL and process), or null when none is configured. */
export function mailerFor(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer | null {
  const { smtpUrl, mailFrom } = config;
  if (!smtpUrl) return null;
  const key = `${smtpUrl} ${mailFrom}`;
  let mailer = transports.get(key);
  if (!mailer) {
    const transport = nodemailer.createTransport(smtpUrl);
    mailer = {
      send: async (m) => {
        const info = await transport.sendMail({ from: mailFrom, to: m.to, subject: m.subject, text: m.text });
        return { messageId: String(info.messageId) };
      },
    };
    transports.set(key, mailer);
  }
  return mailer;
}

/** A plausible e-mail address (what a form accepts; the SMTP server has the last word). */
export const looksLikeEmail = (v: string): boolean => /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}$/i.test(v) && v.length <= 254;
