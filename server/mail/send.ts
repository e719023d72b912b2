/**
 * Sends a mail through SMTP when configured; otherwise writes it to the server log and the local outbox
 * (shown on /outbox in demo mode), so sign-in links work on a fresh machine without a mail server.
 */
import nodemailer from 'nodemailer';
import { addOutboxMail } from '../../db/queries/outbox';
import { getDb } from '../../db/client';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  url?: string;
}

/** Delivers one mail; throws when SMTP is configured and refuses it. */
export async function sendMail(mail: Mail, options: { smtpUrl: string | undefined; from: string }): Promise<void> {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text });
    return;
  }
  console.log(`[mail] to ${mail.to}: ${mail.subject}${mail.url ? `\n[mail] link: ${mail.url}` : ''}`);
  await addOutboxMail(getDb(), { to: mail.to, subject: mail.subject, body: mail.text, url: mail.url ?? null });
}
