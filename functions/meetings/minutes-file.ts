import type { MinutesDoc, WorkingLanguage } from './minutes-doc.ts';
import { hashOf } from './minutes.ts';

/** Rendered documents, written once under a key and never over it (functions/store/files.ts). */
export type DocumentFiles = {
  get(key: string): Promise<Buffer | undefined>;
  /** Stores the bytes if the key is new; false if bytes were already there (they stay). */
  putNew(key: string, body: Buffer, contentType: string): Promise<boolean>;
};

export type RenderPdf = (doc: MinutesDoc, lang: WorkingLanguage) => Promise<Buffer>;

export const LANGUAGES: readonly WorkingLanguage[] = ['kk', 'ru'];

/**
 * The key of one rendering: the document's own hash, so signed minutes with their signatures
 * and corrections (p28) have one file per language, and a correction, which changes the
 * document, gets a file of its own beside the one before.
 */
export function minutesFileKey(doc: MinutesDoc, lang: WorkingLanguage): string {
  return `minutes/${doc.council.id}/${doc.meeting.id}/${hashOf(doc)}.${lang}.pdf`;
}

/**
 * The PDF of the minutes. Sealed minutes (p28) never change, so they are rendered once (at the
 * seal or at a correction, see `storeMinutesPdfs`; else at the first download) and every
 * download serves the stored bytes. Minutes not yet sealed change with every entry, so they are
 * drawn afresh each time.
 */
export async function minutesPdf(files: DocumentFiles, render: RenderPdf, doc: MinutesDoc, lang: WorkingLanguage): Promise<Buffer> {
  if (!doc.sealed) return render(doc, lang);
  const key = minutesFileKey(doc, lang);
  const stored = await files.get(key);
  if (stored) return stored;
  const body = await render(doc, lang);
  // Another request stored its rendering first: serve those bytes, the ones every download gets.
  if (await files.putNew(key, body, 'application/pdf')) return body;
  return (await files.get(key)) ?? body;
}

/** At the seal and at each correction: both working languages rendered and stored (p28, p30). */
export async function storeMinutesPdfs(files: DocumentFiles, render: RenderPdf, doc: MinutesDoc): Promise<void> {
  if (!doc.sealed) return;
  await Promise.all(LANGUAGES.map((lang) => minutesPdf(files, render, doc, lang)));
}
