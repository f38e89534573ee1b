import type { Bilingual, Category } from './model.ts';

/**
 * The words of the minutes' plain sentence about a complaint not yet considered (p14.7), in the
 * minutes' two languages. Built from the plain fields only: nothing sealed, nothing that
 * identifies a person (p29).
 */
export const CATEGORY_WORDS: Record<Category, Bilingual> = {
  torture: { kk: 'азаптау', ru: 'пытки' },
  'ill-treatment': { kk: 'қатыгез қарау', ru: 'жестокое обращение' },
  conditions: { kk: 'ұстау жағдайлары', ru: 'условия содержания' },
  other: { kk: 'басқа', ru: 'иное' },
};

export const PENDING: Bilingual = { kk: 'шағым түсті', ru: 'поступила жалоба' };
export const UNDER_CONSIDERATION: Bilingual = { kk: 'қаралуда', ru: 'на рассмотрении' };
