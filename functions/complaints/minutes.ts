import type { ComplaintsSource } from '../meetings/deps.ts';
import type { Bilingual, Complaint } from './model.ts';
import type { ComplaintStore } from './store.ts';
import { institutionTypeName, regionName } from '../preventive/regions.ts';
import { CATEGORY_WORDS, PENDING, UNDER_CONSIDERATION } from './words.ts';

/**
 * p14.7: the minutes enter the complaints and reports of torture received since the previous
 * meeting. Each by the summary the Chairperson wrote when accepting or considering it, or, until
 * then, a plain sentence of its plain fields (p29: never the sealed text, never a person).
 */
export function complaintsSource(store: Pick<ComplaintStore, 'receivedBetween'>): ComplaintsSource {
  return {
    async awaiting(councilId, today) {
      return (await store.receivedBetween(councilId, undefined, today)).filter((c) => c.status === 'received').map((c) => ({ id: c.id, receivedOn: c.receivedOn }));
    },
    async receivedBetween(councilId, fromExclusive, toInclusive) {
      const found = await store.receivedBetween(councilId, fromExclusive, toInclusive);
      return found
        .sort((a, b) => (a.receivedOn === b.receivedOn ? (a.id < b.id ? -1 : 1) : a.receivedOn < b.receivedOn ? -1 : 1))
        .map((c) => ({ id: c.id, receivedOn: c.receivedOn, summary: minutesSummary(c) }));
    },
  };
}

/** "шағым түсті (азаптау; балалар мекемесі), Алматы облысы; қаралуда" / "поступила жалоба (пытки; …), …; на рассмотрении". */
export function minutesSummary(c: Complaint): Bilingual {
  if (c.consideration) return c.consideration.summary;
  const sentence = (lang: 'kk' | 'ru') => {
    const kinds = [CATEGORY_WORDS[c.category][lang], ...(c.institutionType ? [institutionTypeName(c.institutionType)[lang]] : [])].join('; ');
    const where = c.region ? `, ${regionName(c.region)[lang]}` : '';
    return `${PENDING[lang]} (${kinds})${where}; ${UNDER_CONSIDERATION[lang]}`;
  };
  return { kk: sentence('kk'), ru: sentence('ru') };
}
