import { today } from '../clock.ts';
import { checkQuarter } from '../meetings/quarterly.ts';
import { meetingDeps } from '../api/wiring.ts';
import { scheduled } from './scheduled.ts';

/** Daily (p20): flags a quarter with no meeting held and warns ahead of the quarter's end. */
export const quarterly = scheduled('quarterly', () => checkQuarter(meetingDeps(), today()));
