import { antsError } from '../domain/errors.ts';
import { analysePdf } from './pdfAnalysis.ts';

export type Inspected = { mediaType: 'application/pdf' | 'image/jpeg' | 'image/png'; pages: number };

/**
 * What a file really is, from its bytes (never its name): a PDF (pages counted off the main
 * thread, refused when corrupt, password-protected, active or beyond a budget: pdfAnalysis.ts), a
 * JPEG or a PNG (one page each). Anything else is refused.
 */
export async function inspectFile(bytes: Buffer): Promise<Inspected> {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    return { mediaType: 'application/pdf', pages: await analysePdf(bytes) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { mediaType: 'image/jpeg', pages: 1 };
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return { mediaType: 'image/png', pages: 1 };
  throw antsError('FILE_TYPE', 'Format non accepté : envoyez un fichier PDF, JPEG ou PNG.');
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
