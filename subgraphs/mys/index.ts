import { defineCountry } from '../../schema/kit/country.js';
import { MysCertification, MysWorkPermit } from './types.js';
import { jpkAdapter } from './jpk.adapter.js';
import { imiAdapter } from './imi.adapter.js';
import { jpkSimulator } from './jpk.simulator.js';
import { imiSimulator } from './imi.simulator.js';
import { imiProfile, jpkProfile } from './profiles.js';

/** Malaysia: JPK skills certificates and Immigration Department passes. */
export const country = defineCountry({
  code: 'MYS',
  name: 'Malaysia',
  certifications: { type: MysCertification, adapter: jpkAdapter, profile: jpkProfile },
  permits: { type: MysWorkPermit, adapter: imiAdapter, profile: imiProfile },
});

export const simulators = [jpkSimulator, imiSimulator];
