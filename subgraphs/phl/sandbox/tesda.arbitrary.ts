// TESDA certificates across the space subgraphs/phl/README.md allows: 14-digit numbers of any year,
// region and province, Filipino holders (no `nationality` key) and foreign ones (every ISO
// country), holders without a passport, every level (COC without an AQRF level) and status, dates
// month first. The expectation comes from the generator's own choices.
import fc from 'fast-check';
import { addMonths, formatNativeDate } from '../../../schema/dates/index.js';
import type { RegistryArbitrary } from '../../../sandbox/testing/generated.js';
import { anyAlpha3, documentNumber, isoDateBetween, sampleCounter } from '../../../sandbox/testing/nativeArbitraries.js';
import type { TesdaRecord } from '../tesda.native.js';

/** NC I–IV are PQF levels 1–4 referenced to the AQRF; a COC is a single unit with no level. */
const AQRF: Record<TesdaRecord['ncLevel'], number | null> = { 'NC I': 1, 'NC II': 2, 'NC III': 3, 'NC IV': 4, COC: null };
const STATUSES: TesdaRecord['status'][] = ['VALID', 'EXPIRED', 'REVOKED'];
const TESDA_DATE = 'MM/DD/YYYY';

const next = sampleCounter();

export const tesdaArbitrary: RegistryArbitrary<TesdaRecord> = {
  registry: 'tesda',
  arbitrary: fc
    .record({
      place: fc.stringMatching(/^[0-9]{4}$/),
      nationality: fc.option(anyAlpha3, { nil: undefined }),
      passport: fc.option(documentNumber, { nil: null }),
      birth: isoDateBetween('1950-01-01', '2008-12-31'),
      issued: isoDateBetween('2005-01-01', '2026-06-30'),
      ncLevel: fc.constantFrom(...(Object.keys(AQRF) as TesdaRecord['ncLevel'][])),
      psoc: fc.stringMatching(/^[0-9]{4}$/),
      status: fc.constantFrom(...STATUSES),
    })
    .map(({ place, nationality, passport, birth, issued, ncLevel, psoc, status }) => {
      const number = `${issued.slice(2, 4)}${place}${String(next()).padStart(8, '0')}`;
      const validUntil = addMonths(issued, 60);
      const native: TesdaRecord = {
        certificateNumber: number,
        lastName: 'DELA CRUZ',
        firstName: 'MARIA CLARA',
        middleName: 'SANTOS',
        birthDate: formatNativeDate(birth, TESDA_DATE),
        passportNo: passport,
        ...(nationality === undefined ? {} : { nationality }),
        qualificationCode: 'MEESMA2',
        qualificationTitle: `Shielded Metal Arc Welding (SMAW) ${ncLevel}`,
        ncLevel,
        sector: 'METALS AND ENGINEERING',
        psocCode: psoc,
        assessmentCenter: 'Manila Technical Institute',
        dateIssued: formatNativeDate(issued, TESDA_DATE),
        validUntil: formatNativeDate(validUntil, TESDA_DATE),
        status,
      };
      const aqrfLevel = AQRF[ncLevel];
      return {
        native,
        records: [
          {
            nativeId: number,
            holderNationality: nationality ?? 'PHL',
            holderDocumentNumber: passport,
            status,
            nativeStatus: status,
            nationalLevel: ncLevel,
            aqrfLevel,
            aqrfBasis: aqrfLevel === null ? 'NOT_REFERENCED' : 'REFERENCED',
            issuedOn: issued,
            validUntil,
            occupationIsco: psoc,
          },
        ],
      };
    }),
};
