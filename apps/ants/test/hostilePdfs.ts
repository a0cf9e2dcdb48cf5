import { deflateSync } from 'node:zlib';

/**
 * Hostile PDFs written by hand, byte for byte, as an attacker would: each is small and well formed
 * enough for a parser to start on it. Objects are numbered from 1; object 1 is the catalog.
 */
export function rawPdf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R >>`,
    'startxref',
    String(length),
    '%%EOF',
  ].join('\n');
  parts.push(Buffer.from(`${xref}\n`, 'latin1'));
  return Buffer.concat(parts);
}

const page = (parent: number) => `<< /Type /Page /Parent ${parent} 0 R /MediaBox [0 0 595 842] >>`;

/** A page tree whose every level points twice at the next: 2^depth pages from a few hundred bytes. */
export function doublingTreePdf(depth = 40): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>'];
  for (let level = 0; level < depth; level++) {
    const self = level + 2;
    const next = self + 1;
    objects.push(`<< /Type /Pages /Kids [${next} 0 R ${next} 0 R] /Count ${2 ** (depth - level)} >>`);
  }
  objects.push(page(depth + 1));
  return rawPdf(objects);
}

/** A page tree that contains itself. */
export function cyclicTreePdf(): Buffer {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 2 >>',
    '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 4 0 R] /Count 2 >>',
    page(3),
  ]);
}

/** A PDF with a flat page tree of `pages` pages. */
export function manyPagesPdf(pages: number): Buffer {
  const kids = Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ');
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    ...Array.from({ length: pages }, () => page(2)),
  ]);
}

/** An object stream of a few hundred KB that inflates to `inflatedMb` MB (zeros) at load. */
export function objectStreamBombPdf(inflatedMb = 64): Buffer {
  const data = deflateSync(Buffer.alloc(inflatedMb * 1024 * 1024, 0x20), { level: 9 });
  const stream = Buffer.concat([
    Buffer.from(`<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream', 'latin1'),
  ]);
  return rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page(2), stream]);
}

/** An object stream that says it holds ten million objects. */
export function objectFloodPdf(): Buffer {
  const data = deflateSync(Buffer.from('5 0 <<>>'));
  const stream = Buffer.concat([
    Buffer.from(
      `<< /Type /ObjStm /N 10000000 /First 4 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`,
      'latin1',
    ),
    data,
    Buffer.from('\nendstream', 'latin1'),
  ]);
  return rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page(2), stream]);
}

/** A one-page PDF that runs JavaScript when opened. */
export function javascriptPdf(): Buffer {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    page(2),
    '<< /Type /Action /S /JavaScript /JS (app.alert\\("bonjour"\\)) >>',
  ]);
}

/** A one-page PDF whose page, once opened, launches a program. */
export function launchActionPdf(): Buffer {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /AA << /O << /S /Launch /F (cmd.exe) >> >> >>',
  ]);
}

/** The whole corpus, by name, for tests and the bench. */
export const HOSTILE_PDFS = {
  'arbre de pages doublé à chaque niveau': () => doublingTreePdf(),
  'arbre de pages cyclique': () => cyclicTreePdf(),
  "bombe de flux d'objets": () => objectStreamBombPdf(),
  "déluge d'objets déclarés": () => objectFloodPdf(),
  '5 000 pages': () => manyPagesPdf(5000),
  'JavaScript à l’ouverture': () => javascriptPdf(),
  'action de lancement': () => launchActionPdf(),
};
