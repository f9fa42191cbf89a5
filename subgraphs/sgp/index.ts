import { defineCountry } from '../kit/country.js';
import { SgpCertification, SgpWorkPermit } from './types.js';
import { ssgAdapter } from './ssg.adapter.js';
import { momAdapter } from './mom.adapter.js';
import { momProfile, ssgProfile } from './profiles.js';

/** Singapore: SkillsFuture Singapore WSQ credentials and Ministry of Manpower work passes. */
export const country = defineCountry({
  code: 'SGP',
  name: 'Singapore',
  certifications: { type: SgpCertification, adapter: ssgAdapter, profile: ssgProfile },
  permits: { type: SgpWorkPermit, adapter: momAdapter, profile: momProfile },
});
