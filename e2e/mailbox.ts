import { ANTS_URL, expect, MAIL_URL } from './fixtures.ts';

/** A mail as maildev's REST API gives it. */
export type Mail = { subject?: string; text?: string; to?: { address: string }[] };

/** A link of a mail, on the tests' server (the mail points to the development address). */
export function linkIn(mail: Mail, path: RegExp): string {
  const link = new RegExp(`https?://[^\\s>"]+${path.source}`).exec(mail.text ?? '')?.[0];
  if (!link) throw new Error(`Lien absent du courriel : ${mail.text}`);
  return `${ANTS_URL}${new URL(link).pathname}`;
}

export function isTo(mail: Mail, email: string): boolean {
  return (mail.to ?? []).some((to) => to.address.toLowerCase() === email.toLowerCase());
}

/** Reads maildev until a mail matches (as long as an assertion waits: playwright.config.ts). */
export async function waitForMail(matches: (mail: Mail) => boolean): Promise<Mail> {
  const mailApi = `${new URL(MAIL_URL).origin}/api/email`;
  let found: Mail | undefined;
  await expect
    .poll(
      async () => {
        const mails = (await (await fetch(mailApi)).json()) as Mail[];
        found = mails.find(matches);
        return found !== undefined;
      },
      { message: "Le courriel attendu n'est pas arrivé." },
    )
    .toBe(true);
  return found!;
}
