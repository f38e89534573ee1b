import type { Text } from '../text.ts';

/**
 * The kinds of institution the preventive visits reach, as the laws named in the Regulation's
 * preamble type them (the Penal Code's institutions, the law on special institutions of
 * temporary isolation, the Health Code's compulsory treatment, the law on children's
 * institutions, the law on special social services).
 */
export const INSTITUTION_TYPES = ['penal', 'temporary-isolation', 'compulsory-treatment', 'children', 'social-services'] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

/** The regions of Kazakhstan (oblystar and the cities of republican significance), by a stable code; names in functions/preventive/regions.ts. */
export const REGIONS = [
  'abai', 'akmola', 'aktobe', 'almaty-region', 'atyrau', 'east-kazakhstan', 'zhambyl', 'zhetisu', 'west-kazakhstan', 'karaganda',
  'kostanay', 'kyzylorda', 'mangystau', 'pavlodar', 'north-kazakhstan', 'turkistan', 'ulytau', 'astana', 'almaty', 'shymkent',
] as const;
export type Region = (typeof REGIONS)[number];

/**
 * An institution subject to preventive visits, in one council's register. Shared by the visit
 * plans (functions/preventive) and the visit reports and their analysis (functions/reports):
 * stored at `keysPreventive.institution` (functions/store/keys-preventive.ts), type 'institution'.
 */
export type Institution = {
  councilId: string;
  id: string;
  name: Text;
  type: InstitutionType;
  region: Region;
  /** The legal date it entered the register. */
  addedOn: string;
};
