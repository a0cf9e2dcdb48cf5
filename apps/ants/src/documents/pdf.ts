import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
/** Marianne, the State's typeface, shipped in the DSFR package (nothing downloaded). */
const FONTS = {
  regular: require.resolve('@codegouvfr/react-dsfr/dsfr/fonts/Marianne-Regular.woff'),
  bold: require.resolve('@codegouvfr/react-dsfr/dsfr/fonts/Marianne-Bold.woff'),
};

export type Pdf = InstanceType<typeof PDFDocument>;

/** One millimetre in PDF points. */
export const MM = 72 / 25.4;

const PARIS_DATE = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short' });
const PARIS_TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', timeStyle: 'short' });

/** Date and time as the agency prints them, in Paris: "23/11/2026 à 14:05". */
export function parisDateTime(at: Date): string {
  return `${PARIS_DATE.format(at)} à ${PARIS_TIME.format(at)}`;
}

export function frenchDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/**
 * An A4 document of the national service: the Marianne block, the agency's name, a title, the
 * content drawn by `body`, and a footer with the application number and the edition time.
 */
export function renderPdf(options: {
  title: string;
  subtitle?: string;
  number: string;
  editedAt: Date;
  reference?: string;
  /**
   * An address to show through the window of a DL envelope once the A4 sheet is folded in three:
   * the window (100 × 45 mm, 20 mm from the right, 15 mm from the bottom) lies at 90–190 mm from
   * the left and 50–95 mm from the top; the title then keeps to the left of it.
   */
  windowAddress?: string[];
  body: (doc: Pdf) => void;
}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 60, left: 56, right: 56 },
    bufferPages: true,
    info: { Title: options.title, Author: 'Agence Nationale des Titres Sécurisés', Subject: options.number },
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // Marianne block: the flag, "RÉPUBLIQUE FRANÇAISE", the motto.
  doc.rect(56, 50, 12, 8).fill('#000091').rect(68, 50, 12, 8).fill('#ffffff').rect(80, 50, 12, 8).fill('#e1000f');
  doc.fillColor('#161616').font('bold').fontSize(11).text('RÉPUBLIQUE', 56, 64).text('FRANÇAISE');
  doc.font('regular').fontSize(7).text('Liberté', 56, 92).text('Égalité').text('Fraternité');
  doc
    .font('bold')
    .fontSize(10)
    .text('Agence Nationale des Titres Sécurisés', 300, 64, { width: 239, align: 'right' })
    .font('regular')
    .fontSize(9)
    .text('Permis de conduire — démarches en ligne', { width: 239, align: 'right' });

  const titleWidth = options.windowAddress ? 200 : 483;
  doc.font('bold').fontSize(16).fillColor('#000091').text(options.title, 56, 130, { width: titleWidth });
  if (options.subtitle) doc.moveDown(0.3).font('regular').fontSize(10).fillColor('#3a3a3a').text(options.subtitle);
  doc.moveDown(1).fillColor('#161616');
  if (options.windowAddress) {
    const below = doc.y;
    doc
      .font('bold')
      .fontSize(11)
      .fillColor('#161616')
      .text(options.windowAddress.join('\n'), 100 * MM, 58 * MM, { width: 85 * MM, lineGap: 2 });
    doc.x = 56;
    doc.y = Math.max(below, 100 * MM);
  }
  options.body(doc);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin: lift the margin so pdfkit does not open a new page for it.
    doc.page.margins.bottom = 0;
    const bottom = doc.page.height - 40;
    doc
      .font('regular')
      .fontSize(7.5)
      .fillColor('#666666')
      .text(
        `Demande n° ${options.number} — édité le ${parisDateTime(options.editedAt)}${options.reference ? ` — ${options.reference}` : ''}`,
        56,
        bottom,
        { width: 483, align: 'center', lineBreak: false },
      );
  }
  doc.end();
  return done;
}

/** A two-column list of labelled values. */
export function fields(doc: Pdf, rows: [string, string][], size = 10) {
  for (const [label, value] of rows) {
    const y = doc.y;
    doc
      .font('regular')
      .fontSize(size - 1)
      .fillColor('#3a3a3a')
      .text(label, 56, y, { width: 170 });
    doc
      .font('bold')
      .fontSize(size)
      .fillColor('#161616')
      .text(value || '—', 232, y, { width: 307 });
    doc.moveDown(0.2);
  }
  doc.x = 56;
}

export function heading(doc: Pdf, text: string) {
  doc.moveDown(0.8).font('bold').fontSize(11).fillColor('#000091').text(text, 56).moveDown(0.3).fillColor('#161616');
}

/**
 * Boxes to tick by hand, each followed by its label, on one line. The boxes are drawn: Marianne has
 * no "☐" glyph (it printed as "?").
 */
export function checkboxes(doc: Pdf, labels: string[]) {
  const y = doc.y;
  let x = 56;
  doc.font('regular').fontSize(10).fillColor('#161616');
  for (const label of labels) {
    doc
      .lineWidth(0.8)
      .strokeColor('#161616')
      .rect(x, y + 1, 9, 9)
      .stroke();
    doc.text(label, x + 14, y, { lineBreak: false });
    x += 14 + doc.widthOfString(label) + 22;
  }
  doc.x = 56;
  doc.y = y + 14;
  doc.moveDown(0.5);
}

export function paragraph(doc: Pdf, text: string) {
  doc
    .font('regular')
    .fontSize(10)
    .fillColor('#161616')
    .text(text, 56, doc.y, { width: 483, align: 'left' })
    .moveDown(0.5);
}
