// The words of the preventive pages, [kk, ru, en], like web/texts.js (merged into it by web/i18n.js).
export const TEXTS = {
};
