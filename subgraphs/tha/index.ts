import { defineCountry } from '../kit/country.js';
import { ThaCertification, ThaWorkPermit } from './types.js';
import { dsdAdapter } from './dsd.adapter.js';
import { doeAdapter } from './doe.adapter.js';
import { doeProfile, dsdProfile } from './profiles.js';

/** Thailand: DSD national skill standard certificates and DOE e-Work Permits. */
export const country = defineCountry({
  code: 'THA',
  name: 'Thailand',
  certifications: { type: ThaCertification, adapter: dsdAdapter, profile: dsdProfile },
  permits: { type: ThaWorkPermit, adapter: doeAdapter, profile: doeProfile },
});
