import { conflictJourney } from './visit-conflict';

jest.setTimeout(90_000);

conflictJourney('keep-new');
