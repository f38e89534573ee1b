// What the complaints pages share: the lists of the plain fields, as the API names them.
import { t } from '../../i18n.js';

export const CATEGORIES = ['torture', 'ill-treatment', 'conditions', 'other'];
export const DECISIONS = ['referred-to-prosecutor', 'visit-planned', 'recommendation', 'outside-mandate', 'no-grounds'];
export const REGIONS = [
  'abai', 'akmola', 'aktobe', 'almaty-region', 'atyrau', 'east-kazakhstan', 'zhambyl', 'zhetisu', 'west-kazakhstan', 'karaganda',
  'kostanay', 'kyzylorda', 'mangystau', 'pavlodar', 'north-kazakhstan', 'turkistan', 'ulytau', 'astana', 'almaty', 'shymkent',
];
export const INSTITUTION_TYPES = ['penal', 'temporary-isolation', 'compulsory-treatment', 'children', 'social-services'];

/** `[value, label]` options, with a first "not stated" one when the field is optional. */
export const options = (values, prefix, optional) => [...(optional ? [['', t('complaint.notSaid')]] : []), ...values.map((v) => [v, t(`${prefix}.${v}`)])];
