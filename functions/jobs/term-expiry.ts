import { today } from '../clock.ts';
import { checkTermExpiry } from '../membership/composition.ts';
import { membershipDeps } from '../api/wiring.ts';
import { scheduled } from './scheduled.ts';

/** Daily (p11): flags terms ending within a month with no election scheduled; closes ended terms. */
export const termExpiry = scheduled('term-expiry', () => checkTermExpiry(membershipDeps(), today()));
