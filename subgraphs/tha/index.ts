// Thailand: DSD national skill standard certificates and DOE e-Work Permits (subgraphs/tha/README.md).
import { defineCountry } from '../kit/country.js';
import { ThaCertification, ThaWorkPermit } from './types.js';
import { dsdAdapter } from './dsd.adapter.js';
import { doeAdapter } from './doe.adapter.js';

export const country = defineCountry({
  code: 'THA',
  name: 'Thailand',
  certifications: { type: ThaCertification, adapter: dsdAdapter },
  permits: { type: ThaWorkPermit, adapter: doeAdapter },
});
