import { defineCountry } from '../kit/country.js';
import { SgpCertification, SgpWorkPermit } from './types.js';
import { ssgAdapter } from './ssg.adapter.js';
import { momAdapter } from './mom.adapter.js';

/** Singapore: SkillsFuture Singapore WSQ credentials and Ministry of Manpower work passes. */
export const country = defineCountry({
  code: 'SGP',
  name: 'Singapore',
  certifications: { type: SgpCertification, adapter: ssgAdapter },
  permits: { type: SgpWorkPermit, adapter: momAdapter },
});
