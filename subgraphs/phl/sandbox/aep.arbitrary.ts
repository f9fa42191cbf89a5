// DOLE AEP permits and certificates of exemption across the space subgraphs/phl/README.md allows:
// `AEP-`/`COE-` numbers of any regional office (the regions are not listed), every nationality
// written as a demonym that names one state (DOLE's own twenty, then every state's from
// schema/countries/demonyms.json), all six statuses on either kind, posts of every ISCO-08 major
// group. The expectation comes from the generator's own choices.
import fc from 'fast-check';
import { addDays, addMonths } from '../../../schema/dates/index.js';
import world from '../../../schema/countries/demonyms.json' with { type: 'json' };
import { isAlpha3 } from '../../../schema/countries/index.js';
import type { RegistryArbitrary } from '../../../sandbox/testing/generated.js';
import { documentNumber, isoDateBetween, sampleCounter } from '../../../sandbox/testing/nativeArbitraries.js';
import own from '../aepDemonyms.json' with { type: 'json' };
import type { AepRecord } from '../aep.native.js';

const STATUS: Record<AepRecord['status'], string> = { PENDING: 'PENDING', ISSUED: 'ACTIVE', EXPIRED: 'EXPIRED', REVOKED: 'REVOKED', CANCELLED: 'CANCELLED', EXEMPT: 'EXEMPT' };
const CLASS_BY_MAJOR_GROUP = ['OTHER', 'PROFESSIONAL', 'PROFESSIONAL', 'SKILLED', 'OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER'];
const REGIONS = ['NCR', 'CAR', 'BARMM', 'I', 'IV-A', 'IV-B', 'VII', 'XIII', 'NIR'];

/** Every (demonym, alpha-3) pair that names exactly one state: DOLE's own, then the data set's demonyms no other state or own spelling shares. */
function demonymPairs(): Array<[string, string]> {
  const ownPairs = Object.entries(own.demonyms);
  const counts = new Map<string, number>();
  for (const names of Object.values(world.demonyms)) for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const worldPairs = Object.entries(world.demonyms as Record<string, string[]>).filter(([alpha3]) => isAlpha3(alpha3)).flatMap(([alpha3, names]) => names.filter((name) => counts.get(name) === 1 && !(name in own.demonyms)).map((name): [string, string] => [name, alpha3]));
  return [...ownPairs, ...worldPairs];
}

const next = sampleCounter();

export const aepArbitrary: RegistryArbitrary<AepRecord> = {
  registry: 'aep',
  arbitrary: fc
    .record({
      kind: fc.constantFrom('AEP', 'COE'),
      region: fc.constantFrom(...REGIONS),
      nationality: fc.constantFrom(...demonymPairs()),
      passport: documentNumber,
      birth: isoDateBetween('1950-01-01', '2008-12-31'),
      from: isoDateBetween('2015-01-01', '2026-06-30'),
      years: fc.integer({ min: 1, max: 3 }),
      psoc: fc.stringMatching(/^[0-9]{4}$/),
      status: fc.constantFrom(...(Object.keys(STATUS) as AepRecord['status'][])),
    })
    .map(({ kind, region, nationality: [demonym, alpha3], passport, birth, from, years, psoc, status }) => {
      const number = `${kind}-${region}-${from.slice(0, 4)}-${String(next()).padStart(6, '0')}`;
      const until = addDays(addMonths(from, 12 * years), -1);
      const native: AepRecord = {
        aepNo: number,
        foreignNational: { surname: 'TANAKA', givenName: 'HIROSHI', nationality: demonym, passportNo: passport, birthDate: birth },
        position: 'Plant Manager',
        psocCode: psoc,
        employer: { name: 'Laguna Precision Components Inc.', tin: '123-456-789-000' },
        regionalOffice: region,
        validFrom: from,
        validUntil: until,
        status,
      };
      return {
        native,
        records: [
          {
            nativeId: number,
            holderNationality: alpha3,
            holderDocumentNumber: passport,
            status: STATUS[status],
            nativeStatus: status,
            permitClass: CLASS_BY_MAJOR_GROUP[Number(psoc[0])],
            nativeType: kind,
            validFrom: from,
            validUntil: until,
            occupationIsco: psoc,
          },
        ],
      };
    }),
};
