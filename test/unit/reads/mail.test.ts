import { describe, expect, it } from 'vitest';
import { mailerFromEnv } from '../../../functions/jobs/mail.ts';
import { mailOf } from '../../../functions/reads/notify.ts';

describe('Function: mailerFromEnv', () => {
  it('sends nothing without a sender (locally: the app shows the outbox)', () => {
    expect(mailerFromEnv({})).toBeUndefined();
    expect(mailerFromEnv({ KENES_USER_POOL_ID: 'eu-central-1_x' })).toBeUndefined();
  });

  it('knows no address without the user pool, and asks it nothing for an id that is not one', async () => {
    const mailer = mailerFromEnv({ KENES_SES_FROM: 'kenes@example.kz' })!;
    expect(await mailer.addressOf('u1')).toBeUndefined();
    const withPool = mailerFromEnv({ KENES_SES_FROM: 'kenes@example.kz', KENES_USER_POOL_ID: 'eu-central-1_x' })!;
    expect(await withPool.addressOf('" or sub ^= "')).toBeUndefined();
  });
});

describe('Function: mailOf', () => {
  it('writes the council as the subject and the three languages one after the other', () => {
    const mail = mailOf({ id: 'n', sub: 's', councilId: 'c', kind: 'next-meeting', text: { kk: 'Қ', ru: 'Р', en: 'E' }, link: { page: 'meeting', ids: {} }, createdAt: 't' }, { kk: 'Кеңес', ru: 'Совет', en: 'Council' }, 'https://kenes.example.kz/');
    expect(mail).toEqual({ subject: 'Кеңес · Совет', text: 'Қ\n\nР\n\nE\n\nhttps://kenes.example.kz/' });
  });
});
