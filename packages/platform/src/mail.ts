import nodemailer from 'nodemailer';

export type Mail = { to: string; subject: string; text: string; html?: string };

export type Mailer = { send(mail: Mail): Promise<{ messageId: string }>; close(): void };

/**
 * Mail goes over real SMTP (maildev under `npm start`, an in-test SMTP sink in tests), on a pool of
 * kept-open connections: the mail worker sends several at once (JOBS_AT_ONCE) without a new SMTP
 * session for each.
 */
export function createMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 10 }, { from });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from, ...mail });
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
