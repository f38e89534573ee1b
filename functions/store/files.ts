import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DocumentFiles } from '../meetings/minutes-file.ts';

/**
 * Where rendered documents are kept (the PDF of sealed minutes): S3 on AWS, a folder under
 * `.data/` with `npm start`, memory when DynamoDB Local runs in memory too (tests). Each
 * adapter writes a key once and never over it: the first stored bytes stay.
 */
export const DOCUMENTS_BUCKET_ENV = 'KENES_DOCUMENTS_BUCKET';
export const DOCUMENTS_DIR_ENV = 'KENES_DOCUMENTS_DIR';

/** Slash-separated ids, a hash and an extension: nothing else reaches a bucket or a path. */
const KEY = /^(?:[A-Za-z0-9_-]{1,64}\/){1,4}[A-Za-z0-9_-]{1,64}(?:\.[a-z]{2,4}){1,2}$/;

function checked(key: string): string {
  if (!KEY.test(key)) throw new Error(`not a document key: ${JSON.stringify(key)}`);
  return key;
}

let files: DocumentFiles | undefined;

export function documentFiles(): DocumentFiles {
  if (files) return files;
  const bucket = process.env[DOCUMENTS_BUCKET_ENV];
  const dir = process.env[DOCUMENTS_DIR_ENV];
  files = bucket ? s3Files(bucket) : dir ? folderFiles(dir) : memoryFiles();
  return files;
}

let s3: S3Client | undefined;

function s3Files(bucket: string): DocumentFiles {
  // Loaded where used: only the functions that print documents carry the S3 client.
  const client = async () => {
    const sdk = await import('@aws-sdk/client-s3');
    s3 ??= new sdk.S3Client({});
    return { sdk, client: s3 };
  };
  return {
    async get(key) {
      const { sdk, client: c } = await client();
      try {
        const reply = await c.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: checked(key) }));
        return reply.Body ? Buffer.from(await reply.Body.transformToByteArray()) : undefined;
      } catch (error) {
        if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
        throw error;
      }
    },
    async putNew(key, body, contentType) {
      const { sdk, client: c } = await client();
      try {
        // S3's conditional write: stored only if the key is new, so two renders never overwrite.
        await c.send(new sdk.PutObjectCommand({ Bucket: bucket, Key: checked(key), Body: body, ContentType: contentType, IfNoneMatch: '*' }));
        return true;
      } catch (error) {
        const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        if (status === 412 || status === 409) return false;
        throw error;
      }
    },
  };
}

/** A folder: written to a temporary name, then linked to its own (a link never replaces a file). */
export function folderFiles(dir: string): DocumentFiles {
  return {
    async get(key) {
      try {
        return readFileSync(join(dir, checked(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async putNew(key, body) {
      const path = join(dir, checked(key));
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      const temporary = `${path}.${randomUUID()}.tmp`;
      writeFileSync(temporary, body, { mode: 0o600 });
      try {
        linkSync(temporary, path);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw error;
      } finally {
        unlinkSync(temporary);
      }
    },
  };
}

export function memoryFiles(): DocumentFiles {
  const stored = new Map<string, Buffer>();
  return {
    async get(key) {
      return stored.get(checked(key));
    },
    async putNew(key, body) {
      if (stored.has(checked(key))) return false;
      stored.set(key, body);
      return true;
    },
  };
}
