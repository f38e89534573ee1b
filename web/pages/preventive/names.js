// The regions and institution types in words (the same names as functions/preventive/regions.ts).
import { t } from '../../i18n.js';

export const REGIONS = [
  'abai', 'akmola', 'aktobe', 'almaty-region', 'atyrau', 'east-kazakhstan', 'zhambyl', 'zhetisu', 'west-kazakhstan', 'karaganda',
  'kostanay', 'kyzylorda', 'mangystau', 'pavlodar', 'north-kazakhstan', 'turkistan', 'ulytau', 'astana', 'almaty', 'shymkent',
];
export const INSTITUTION_TYPES = ['penal', 'temporary-isolation', 'compulsory-treatment', 'children', 'social-services'];

export const regionWords = (r) => t(`region.${r}`);
export const typeWords = (type) => t(`institutionType.${type}`);
