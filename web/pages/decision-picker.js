// A Council decision an act rests on (a plan adopted, a participant selected or excluded, a form
// approved, a recommendation made), chosen by its meeting's date and its wording: nobody types an
// id. The choices are the motions the council's meetings adopted, newest first (p24, p25).
import { html, useEffect, useState } from '../lib.js';
import { all, councilPath, enc, get } from '../api.js';
import { date, pick, t } from '../i18n.js';
import { Field, Select } from '../ui.js';

/** The adopted motions of a council: `[decisionId, "date — wording"]`, or undefined while loading, or null if the caller cannot read the meetings. */
function useAdopted(c) {
  const [choices, setChoices] = useState();
  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const meetings = await all(councilPath(c, '/meetings'));
        const details = await Promise.all(meetings.map((m) => get(councilPath(c, `/meetings/${enc(m.id)}`))));
        const found = details
          .flatMap((m) => m.motions.filter((mo) => mo.result?.outcome === 'adopted').map((mo) => ({ id: mo.result.decisionId, on: m.date, title: mo.title })))
          .sort((a, b) => b.on.localeCompare(a.on));
        if (live) setChoices(found);
      } catch {
        if (live) setChoices(null);
      }
    })();
    return () => {
      live = false;
    };
  }, [c]);
  return choices;
}

/**
 * A select of the council's adopted decisions. Someone who cannot read the meetings (Office
 * staff) gets a field for the decision's reference from the minutes instead.
 */
export function DecisionPicker({ c, form, name, label, hint, value, onChange }) {
  const choices = useAdopted(c);
  if (choices === null) return html`<${Field} form=${form} name=${name} label=${label} hint=${hint} value=${value} onInput=${onChange} maxlength="64" />`;
  const options = [['', choices === undefined ? t('res.loading') : choices.length ? t('decision.choose') : t('decision.none')], ...(choices ?? []).map((d) => [d.id, `${date(d.on)} — ${pick(d.title)}`])];
  return html`<${Select} form=${form} name=${name} label=${label} hint=${t('decision.hint')} value=${value} onChange=${onChange} options=${options} />`;
}
