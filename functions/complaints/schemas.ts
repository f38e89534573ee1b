import * as z from 'zod';
import { Id, IsoDate } from '../api/schemas.ts';
import { Bilingual } from '../meetings/schemas.ts';
import { ReceiptCode } from '../membership/schemas.ts';
import { INSTITUTION_TYPES, REGIONS } from '../preventive/model.ts';
import { PageQuery } from '../reads/schemas.ts';
import { CATEGORIES, DECISIONS, STATUSES } from './model.ts';

/** Request and response schemas of the complaints routes (p14.7, p15.6, p29). */

/** At most 64 KiB once decoded: a long narrative fits many times over; a flood does not. */
export const SEALED_MAX_BYTES = 64 * 1024;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A libsodium sealed box (crypto_box_seal), base64: only the matching private key opens it. */
export const Sealed = z
  .string()
  .min(68)
  .max(Math.ceil(SEALED_MAX_BYTES / 3) * 4)
  .regex(BASE64)
  .meta({ description: 'A libsodium sealed box (crypto_box_seal: X25519 + XSalsa20-Poly1305), base64, at most 64 KiB decoded. Private-life data (p29): sealed in the browser, never readable by the server', 'x-private': true });

/** An X25519 public key: base64 of 32 bytes. */
export const PublicKey = z.string().max(44).regex(/^[A-Za-z0-9+/]{43}=$/).meta({ description: 'An X25519 public key, base64 of 32 bytes', example: 'q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=' });

const Month = z.string().max(7).regex(/^\d{4}-(0[1-9]|1[0-2])$/).meta({ description: 'A month, YYYY-MM (never a day: a day could identify the person)', example: '2020-05' });

export const PublishKey = z.strictObject({ publicKey: PublicKey, on: IsoDate.optional() });

export const KeyResponse = z.object({ id: z.string(), publicKey: z.string(), fingerprint: z.string(), activeFrom: IsoDate, by: z.string(), retiredOn: IsoDate.optional() });
export const CurrentKey = z.object({ id: z.string(), publicKey: z.string(), fingerprint: z.string() });
export const KeyList = z.object({ items: z.array(KeyResponse) });

export const SendComplaint = z.strictObject({
  keyId: Id,
  sealed: Sealed,
  receipt: ReceiptCode,
  replyKey: PublicKey.optional().meta({ description: "The public half of a key pair the browser derived from the receipt: the Chairperson's reply is sealed to it" }),
  category: z.enum(CATEGORIES),
  region: z.enum(REGIONS).optional(),
  institutionType: z.enum(INSTITUTION_TYPES).optional(),
  institutionId: Id.optional(),
  occurredIn: Month.optional(),
});
export const ComplaintReceipt = z.object({ receipt: z.string(), receivedOn: IsoDate, status: z.literal('received') });

const SealedReply = z.strictObject({ sealed: Sealed });

export const ReceiptStatus = z.object({
  status: z.enum(STATUSES),
  receivedOn: IsoDate,
  consideredOn: IsoDate.optional(),
  decision: z.enum(DECISIONS).optional(),
  reply: z.object({ sealed: z.string() }).optional(),
});

const Consideration = z.object({ status: z.enum(['accepted', 'considered']), decision: z.enum(DECISIONS).optional(), summary: z.object({ kk: z.string(), ru: z.string() }), on: IsoDate, by: z.string() });

const Plain = {
  id: z.string(),
  receivedOn: IsoDate,
  keyId: z.string(),
  category: z.enum(CATEGORIES),
  region: z.enum(REGIONS).optional(),
  institutionType: z.enum(INSTITUTION_TYPES).optional(),
  institutionId: z.string().optional(),
  occurredIn: z.string().optional(),
  status: z.enum(STATUSES),
  consideration: Consideration.optional(),
};
export const ComplaintListItem = z.object({ ...Plain, replied: z.boolean() });
export const ComplaintList = z.object({ items: z.array(ComplaintListItem), next: z.string().optional() });
export const ComplaintResponse = z.object({ ...Plain, sealed: z.string().meta({ 'x-private': true }), replyKey: z.string().optional(), reply: z.object({ sealed: z.string() }).optional() });

export const ComplaintsQuery = PageQuery;
export const ReadQuery = z.strictObject({ reason: z.string().max(500).optional().meta({ description: 'Why you read it (p29): written to the access log before the complaint is returned' }) });

export const Consider = z.strictObject({
  status: z.enum(['accepted', 'considered']),
  decision: z.enum(DECISIONS).optional().meta({ description: 'Required when considered' }),
  summary: Bilingual.meta({ description: 'What the minutes enter (p14.7): no private data (p29)' }),
  reply: SealedReply.optional().meta({ description: "The reply, sealed in the browser to the complaint's replyKey" }),
  on: IsoDate.optional(),
});

export const Reseal = z.strictObject({ keyId: Id, sealed: Sealed });
