import { AppError } from '@permis/platform';
import { PDFDocument } from 'pdf-lib';

export type Inspected = { mediaType: 'application/pdf' | 'image/jpeg' | 'image/png'; pages: number };

/**
 * What a file really is, from its bytes (never its name): a PDF (pages counted, refused when
 * corrupt or password-protected), a JPEG or a PNG (one page each). Anything else is refused.
 */
export async function inspectFile(bytes: Buffer): Promise<Inspected> {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    let document: PDFDocument;
    let pages: number;
    try {
      // A broken file can fail at load or only when its page tree is read: both count as unreadable.
      document = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
      pages = document.getPageCount();
    } catch {
      throw new AppError(422, 'PDF_UNREADABLE', 'Ce PDF est illisible ou endommagé.');
    }
    if (document.isEncrypted) {
      throw new AppError(422, 'PDF_ENCRYPTED', 'Ce PDF est protégé par un mot de passe : envoyez-le sans protection.');
    }
    if (pages < 1) throw new AppError(422, 'PDF_UNREADABLE', 'Ce PDF ne contient aucune page.');
    return { mediaType: 'application/pdf', pages };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { mediaType: 'image/jpeg', pages: 1 };
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return { mediaType: 'image/png', pages: 1 };
  throw new AppError(415, 'FILE_TYPE', 'Format non accepté : envoyez un fichier PDF, JPEG ou PNG.');
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
