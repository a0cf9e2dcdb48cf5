import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { until } from './until.ts';

/** A real SMTP server for tests: every mail the code sends over SMTP lands here, parsed. */
export type SmtpSink = {
  url: string;
  mails: ParsedMail[];
  /** The first mail that matches, as soon as it is here. */
  waitFor(predicate: (mail: ParsedMail) => boolean): Promise<ParsedMail>;
  close(): Promise<void>;
};

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    mails,
    waitFor: (predicate) => until(() => mails.find(predicate), 'a matching mail'),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
