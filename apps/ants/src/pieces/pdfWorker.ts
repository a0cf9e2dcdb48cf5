/**
 * The analysis of one uploaded PDF, run in a worker thread (see pdfAnalysis.ts) so that a hostile
 * file costs a bounded share of one thread, never the service's event loop. Everything is counted
 * against budgets before and while pdf-lib reads the file: the bytes its parser would inflate, the
 * objects, the depth and size of the page tree (a node met twice is a cycle or a shared subtree: a
 * real page tree never has one). Only node builtins and pdf-lib here: the thread loads this file alone.
 */
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject, PDFRef, PDFStream } from 'pdf-lib';

export const PDF_BUDGETS = {
  /** Bytes pdf-lib inflates at load (object and cross-reference streams), all of them together. */
  inflatedBytes: 16 * 1024 * 1024,
  /** Objects in the file, counted in its body and declared by its object streams. */
  objects: 100_000,
  /** Levels of the page tree below its root. */
  treeDepth: 32,
  /** Nodes of the page tree (pages and their parents). */
  treeNodes: 2_000,
  /** Objects the active-content check looks into. */
  visited: 500_000,
};

/** More pages than any pièce accepts: the count stops there. */
export const MAX_COUNTED_PAGES = 500;

export type PdfVerdict =
  | { ok: true; pages: number }
  | {
      ok: false;
      code: 'PDF_UNREADABLE' | 'PDF_ENCRYPTED' | 'PDF_TOO_COMPLEX' | 'PDF_TOO_MANY_PAGES' | 'PDF_ACTIVE_CONTENT';
      /** Which budget or rule, for the refusal's log line (never the file's content). */
      reason: string;
    };

// Plain fields (no parameter properties): Node strips this file's types itself when no loader runs.
class Refused extends Error {
  verdict: Extract<PdfVerdict, { ok: false }>;
  constructor(verdict: Extract<PdfVerdict, { ok: false }>) {
    super(verdict.reason);
    this.verdict = verdict;
  }
}
const refuse = (code: Extract<PdfVerdict, { ok: false }>['code'], reason: string): never => {
  throw new Refused({ ok: false, code, reason });
};

/** Piscina calls the default export with the task: the file's bytes. */
export default async function analysePdf(bytes: Uint8Array): Promise<PdfVerdict> {
  try {
    prescan(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    let document: PDFDocument;
    try {
      document = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
    } catch {
      return { ok: false, code: 'PDF_UNREADABLE', reason: 'load' };
    }
    if (document.isEncrypted) return { ok: false, code: 'PDF_ENCRYPTED', reason: 'encrypted' };
    const pages = countPages(document);
    if (pages < 1) return { ok: false, code: 'PDF_UNREADABLE', reason: 'no page' };
    findActiveContent(document);
    return { ok: true, pages };
  } catch (error) {
    if (error instanceof Refused) return error.verdict;
    return { ok: false, code: 'PDF_UNREADABLE', reason: 'parse' };
  }
}

/**
 * Reads the raw file for what pdf-lib would expand at load: every object and cross-reference
 * stream is inflated here first, each within what remains of the budget (zlib stops at the
 * limit), and the objects are counted. Other streams (images, page contents) are never inflated.
 */
function prescan(bytes: Buffer) {
  const text = bytes.toString('latin1');
  const header = /(\d+)\s+\d+\s+obj\b/g;
  let objects = 0;
  let inflated = 0;
  for (let match = header.exec(text); match; match = header.exec(text)) {
    objects++;
    if (objects > PDF_BUDGETS.objects) refuse('PDF_TOO_COMPLEX', 'objects');
    const bodyStart = header.lastIndex;
    // The object's dictionary, up to its stream keyword (or the next object).
    const window = text.slice(bodyStart, bodyStart + 4096);
    const streamAt = window.search(/\bstream(\r\n|\n|\r)/);
    const end = window.indexOf('endobj');
    if (streamAt < 0 || (end >= 0 && end < streamAt)) continue;
    const dict = window.slice(0, streamAt);
    if (!/\/Type\s*\/(ObjStm|XRef)\b/.test(dict)) continue;
    const declared = /\/N\s+(\d+)/.exec(dict);
    if (declared) {
      objects += Number(declared[1]);
      if (objects > PDF_BUDGETS.objects) refuse('PDF_TOO_COMPLEX', 'objects');
    }
    const filter = /\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(dict)?.[1] ?? '';
    const filters = filter.match(/\/\w+/g) ?? [];
    if (filters.length === 0) continue;
    if (filters.length > 1 || filters[0] !== '/FlateDecode') refuse('PDF_TOO_COMPLEX', 'stream filter');
    const newline = /\bstream(\r\n|\n|\r)/.exec(window)!;
    const dataStart = bodyStart + streamAt + newline[0].length;
    try {
      inflated += inflateSync(bytes.subarray(dataStart), {
        maxOutputLength: Math.max(1, PDF_BUDGETS.inflatedBytes - inflated),
      }).length;
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') refuse('PDF_TOO_COMPLEX', 'inflated bytes');
      refuse('PDF_UNREADABLE', 'stream data');
    }
  }
}

/** Pages of the page tree, walked once from its root with a bound on depth, nodes and pages. */
function countPages(document: PDFDocument): number {
  const context = document.context;
  const root = document.catalog.get(PDFName.of('Pages'));
  const seen = new Set<string>();
  const stack: { ref: PDFObject | undefined; depth: number }[] = [{ ref: root, depth: 0 }];
  let pages = 0;
  let nodes = 0;
  while (stack.length > 0) {
    const { ref, depth } = stack.pop()!;
    if (!(ref instanceof PDFRef)) refuse('PDF_UNREADABLE', 'page tree reference');
    const key = (ref as PDFRef).toString();
    if (seen.has(key)) refuse('PDF_TOO_COMPLEX', 'page tree node met twice');
    seen.add(key);
    if (++nodes > PDF_BUDGETS.treeNodes) refuse('PDF_TOO_MANY_PAGES', 'tree nodes');
    if (depth > PDF_BUDGETS.treeDepth) refuse('PDF_TOO_COMPLEX', 'tree depth');
    const node = context.lookup(ref as PDFRef);
    if (!(node instanceof PDFDict)) refuse('PDF_UNREADABLE', 'page tree node');
    const kids = (node as PDFDict).get(PDFName.of('Kids'));
    const type = (node as PDFDict).get(PDFName.of('Type'));
    if (type === PDFName.of('Page') || !kids) {
      if (++pages > MAX_COUNTED_PAGES) refuse('PDF_TOO_MANY_PAGES', 'pages');
      continue;
    }
    const list = kids instanceof PDFRef ? context.lookup(kids) : kids;
    if (!(list instanceof PDFArray)) refuse('PDF_UNREADABLE', 'kids');
    const array = list as PDFArray;
    if (array.size() > PDF_BUDGETS.treeNodes) refuse('PDF_TOO_MANY_PAGES', 'kids');
    for (let i = array.size() - 1; i >= 0; i--) stack.push({ ref: array.get(i), depth: depth + 1 });
  }
  return pages;
}

const ACTIVE_ACTIONS = new Set(['/JavaScript', '/Launch', '/ImportData', '/Rendition']);

/**
 * A document that runs code or launches a program when opened or clicked (JavaScript, Launch
 * actions, a JavaScript name tree) is refused rather than cleaned: the agent must see the file the
 * candidate sent, and a pièce justificative never needs either.
 */
function findActiveContent(document: PDFDocument) {
  const JS = PDFName.of('JS');
  const S = PDFName.of('S');
  const JAVASCRIPT = PDFName.of('JavaScript');
  let visited = 0;
  const stack: PDFObject[] = document.context.enumerateIndirectObjects().map(([, object]) => object);
  stack.push(document.catalog);
  while (stack.length > 0) {
    const object = stack.pop()!;
    if (++visited > PDF_BUDGETS.visited) refuse('PDF_TOO_COMPLEX', 'objects visited');
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : undefined;
    if (dict) {
      const action = dict.get(S);
      if (
        dict.has(JS) ||
        (action instanceof PDFName && ACTIVE_ACTIONS.has(action.toString())) ||
        dict.has(JAVASCRIPT)
      ) {
        refuse('PDF_ACTIVE_CONTENT', 'action');
      }
      // Direct children only: indirect ones are in the list already.
      for (const [, value] of dict.entries())
        if (value instanceof PDFDict || value instanceof PDFArray) stack.push(value);
    } else if (object instanceof PDFArray) {
      for (let i = 0; i < object.size(); i++) {
        const value = object.get(i);
        if (value instanceof PDFDict || value instanceof PDFArray) stack.push(value);
      }
    }
  }
}
