import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MinutesDoc, WorkingLanguage } from '../../../functions/meetings/minutes-doc.ts';
import { minutesFileKey, minutesPdf, storeMinutesPdfs, type DocumentFiles } from '../../../functions/meetings/minutes-file.ts';
import { folderFiles, memoryFiles } from '../../../functions/store/files.ts';
import { doc } from './minutes-fixture.ts';

/** A renderer that counts its calls and writes which call made the bytes. */
function counting() {
  const calls: WorkingLanguage[] = [];
  const render = async (_: MinutesDoc, lang: WorkingLanguage) => {
    calls.push(lang);
    return Buffer.from(`%PDF ${lang} #${calls.length}`);
  };
  return { calls, render };
}

const sealed: MinutesDoc = { ...doc, sealed: true };
const draft: MinutesDoc = { ...doc, sealed: false };

describe('the PDF of signed minutes (p28): rendered once, then served as stored', () => {
  it('files both languages at the seal; every download after serves those bytes without rendering', async () => {
    const files = memoryFiles();
    const { calls, render } = counting();
    await storeMinutesPdfs(files, render, sealed);
    expect(calls.sort()).toEqual(['kk', 'ru']);
    const kk = await minutesPdf(files, render, sealed, 'kk');
    const again = await minutesPdf(files, render, sealed, 'kk');
    expect(calls).toHaveLength(2);
    expect(kk.equals(again)).toBe(true);
    expect(kk.equals((await files.get(minutesFileKey(sealed, 'kk')))!)).toBe(true);
  });

  it('renders at the first download when nothing was filed at the seal, once', async () => {
    const files = memoryFiles();
    const { calls, render } = counting();
    const first = await minutesPdf(files, render, sealed, 'ru');
    expect((await minutesPdf(files, render, sealed, 'ru')).equals(first)).toBe(true);
    expect(calls).toEqual(['ru']);
  });

  it('draws minutes not yet sealed afresh each time, and stores nothing', async () => {
    const files = memoryFiles();
    const { calls, render } = counting();
    await storeMinutesPdfs(files, render, draft);
    await minutesPdf(files, render, draft, 'kk');
    await minutesPdf(files, render, draft, 'kk');
    expect(calls).toEqual(['kk', 'kk']);
    expect(await files.get(minutesFileKey(draft, 'kk'))).toBeUndefined();
  });

  it('a correction makes another document, so another file: the one before stays', async () => {
    const files = memoryFiles();
    const { render } = counting();
    const corrected: MinutesDoc = { ...sealed, corrections: [{ id: 'c1', text: { kk: 'Түзету', ru: 'Исправление' }, reason: 'қате', on: '2020-06-11', contentHash: sealed.contentHash }] };
    const before = await minutesPdf(files, render, sealed, 'kk');
    const after = await minutesPdf(files, render, corrected, 'kk');
    expect(minutesFileKey(corrected, 'kk')).not.toBe(minutesFileKey(sealed, 'kk'));
    expect(after.equals(before)).toBe(false);
    expect((await files.get(minutesFileKey(sealed, 'kk')))!.equals(before)).toBe(true);
  });

  it('when another request stored its rendering first, serves the stored bytes, not its own', async () => {
    const inner = memoryFiles();
    let raced = false;
    // The first `get` misses; a rival stores its bytes before this request's putNew.
    const files: DocumentFiles = {
      get: async (key) => (raced ? inner.get(key) : undefined),
      putNew: async (key, body, type) => {
        raced = true;
        await inner.putNew(key, Buffer.from('%PDF rival'), type);
        return inner.putNew(key, body, type);
      },
    };
    const served = await minutesPdf(files, counting().render, sealed, 'kk');
    expect(served.toString()).toBe('%PDF rival');
  });

  it('keys name the council, the meeting, the document hash and the language only', () => {
    expect(minutesFileKey(sealed, 'ru')).toMatch(new RegExp(`^minutes/${sealed.council.id}/${sealed.meeting.id}/[0-9a-f]{64}\\.ru\\.pdf$`));
  });
});

describe('document files (functions/store/files.ts)', () => {
  for (const [name, make] of [['memory', () => memoryFiles()], ['folder', () => folderFiles(mkdtempSync(join(tmpdir(), 'kenes-files-')))]] as const) {
    it(`${name}: writes a key once and never over it`, async () => {
      const files = make();
      const key = 'minutes/c1/m1/abc.kk.pdf';
      expect(await files.get(key)).toBeUndefined();
      expect(await files.putNew(key, Buffer.from('first'), 'application/pdf')).toBe(true);
      expect(await files.putNew(key, Buffer.from('second'), 'application/pdf')).toBe(false);
      expect((await files.get(key))!.toString()).toBe('first');
    });

    it(`${name}: refuses a key that is not ids and an extension (no path escapes)`, async () => {
      const files = make();
      for (const key of ['../x.pdf', 'minutes/../../etc/passwd', '/abs.pdf', 'minutes/a b.pdf', 'minutes//x.pdf']) {
        await expect(files.get(key)).rejects.toThrow(/not a document key/);
        await expect(files.putNew(key, Buffer.from('x'), 'application/pdf')).rejects.toThrow(/not a document key/);
      }
    });
  }

  it('folder: leaves no temporary file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kenes-files-'));
    const files = folderFiles(dir);
    await files.putNew('minutes/c1/m1/h.kk.pdf', Buffer.from('x'), 'application/pdf');
    await files.putNew('minutes/c1/m1/h.kk.pdf', Buffer.from('y'), 'application/pdf');
    expect(readdirSync(join(dir, 'minutes/c1/m1'))).toEqual(['h.kk.pdf']);
  });
});
