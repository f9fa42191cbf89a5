// The SSG WSQ credentials API of subgraphs/sgp/README.md, over the synthetic population.
import { idsPerCall } from '../../kit/adapter.js';
import { atScale, recordByIdRoute, type SimulatorDefinition } from '../../../sandbox/simulator/simulator.js';
import { filterBy } from '../../../sandbox/simulator/paging.js';
import { holdingsIn, recordRandom, type CertHolding, type Person } from '../../../sandbox/population/population.js';
import { normalizeDocumentNumber } from '../../../schema/ids/index.js';
import vocabulary from '../ssgVocabulary.json' with { type: 'json' };
import { batchTooLarge, codeBody, cursorPage, invalidParameter, throttled } from './nativeBodies.js';
import type { SsgRecord } from '../ssg.native.js';
import { ssgProfile } from '../profiles.js';
import { credentialIdOf, credentialSeqOf, singaporeIdOf, ssocFor } from './simulatedIds.js';
import { singaporeIdProblem, singaporeIdType } from '../singaporeId.js';
import { sampleNatives, sequence } from '../../../sandbox/testing/nativeArbitraries.js';
import { ssgGenerator } from './ssg.arbitrary.js';

// The population's four levels read as the first four WSQ levels; the graduate levels are not simulated.
const LEVELS: SsgRecord['level'][] = ['CERTIFICATE', 'HIGHER_CERTIFICATE', 'ADVANCED_CERTIFICATE', 'DIPLOMA'];
// Illustrative WSQ framework sectors and providers for the population's sectors, not an official list.
const FRAMEWORK_SECTOR: Record<string, { sector: string; code: string; providers: string[] }> = {
  CONSTRUCTION: { sector: 'BUILT_ENVIRONMENT', code: 'BCA', providers: ['BCA Academy', 'Singapore Contractors Association Training Centre'] },
  MANUFACTURING: { sector: 'ADVANCED_MANUFACTURING', code: 'AMF', providers: ['ITE College West', 'Singapore Polytechnic PACE Academy'] },
  SERVICES: { sector: 'ESSENTIAL_SERVICES', code: 'ESV', providers: ['ITE College Central', 'NTUC LearningHub'] },
  HOSPITALITY: { sector: 'FOOD_SERVICES', code: 'FSS', providers: ['SHATEC Institutes', 'At-Sunrice GlobalChef Academy'] },
};
const OTHER_SECTOR = { sector: 'OTHER', code: 'OTH', providers: ['NTUC LearningHub'] };
// Credentials never expire: only revocation changes them, and SSG has no suspension.
const REVOKED: Record<CertHolding['status'], boolean> = { VALID: false, EXPIRED: false, SUSPENDED: true, REVOKED: true };

/** One credential of the synthetic population, as SkillsFuture Singapore writes it. */
function ssgRecord(person: Person, holding: CertHolding): SsgRecord {
  const r = recordRandom('ssg', holding.seq);
  const framework = FRAMEWORK_SECTOR[holding.occupation.sector] ?? OTHER_SECTOR;
  const level = LEVELS[holding.level - 1];
  const type = r.chance(0.7) ? 'SOA' : 'QUALIFICATION';
  const idNumber = singaporeIdOf(person);
  const idType = singaporeIdType(idNumber);
  return {
    credentialId: credentialIdOf(holding.seq),
    holder: {
      name: person.fullName.toUpperCase(),
      idType,
      idNumber,
      // The spec records the passport number for foreigners only.
      passportNo: idType === 'FIN' ? person.passportNo : null,
      nationality: person.nationality,
      dateOfBirth: person.dateOfBirth,
    },
    type,
    qualificationCode: `WSQ-${framework.code}-${holding.occupation.en.replace(/[^A-Za-z]/g, '').slice(0, 3).toUpperCase()}-${holding.level}${String(holding.seq % 1000).padStart(3, '0')}`,
    title: type === 'SOA' ? `Apply ${holding.occupation.en} Work Processes` : `WSQ ${vocabulary.levels[level]} in ${holding.occupation.en} Practice`,
    level,
    frameworkSector: framework.sector,
    ssocCode: ssocFor(holding.occupation.isco),
    trainingProvider: r.pick(framework.providers),
    issuedOn: holding.issuedOn,
    opencertsMerkleRoot: r.letters(64, '0123456789abcdef'),
    revoked: REVOKED[holding.status],
  } satisfies SsgRecord;
}

export const ssgSimulator: SimulatorDefinition<SsgRecord> = {
  country: 'SGP',
  profile: ssgProfile,
  behaviour: { latencyMs: [10, 40], faultRate: 0.002 },
  idOf: (record) => record.credentialId,
  rateLimited: throttled,

  records: (population) => [
    ...holdingsIn(population, 'SGP', 'CERT').map(({ person, holding }) => ssgRecord(person, holding)),
    // Beyond the population: a seeded sample of the whole space the specification allows (every status, optional field and number shape).
    ...sampleNatives(ssgGenerator(sequence('9')), 31, 60),
  ],
  // The UUID's last twelve hex digits name the credential's place in the registry (simulatedIds.ts).
  atScale: atScale('CERT', ssgRecord, credentialSeqOf),

  routes: [
    recordByIdRoute('/v1/credentials/{credentialId}', codeBody(404, 'CREDENTIAL_NOT_FOUND')),
    {
      method: 'POST',
      path: '/v1/credentials/query',
      handle({ body }, store) {
        const ids = (body as { credentialIds?: unknown } | undefined)?.credentialIds;
        if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) return invalidParameter('credentialIds', 'body must be {"credentialIds":[...]}');
        if (ids.length > idsPerCall(ssgProfile)) return batchTooLarge(idsPerCall(ssgProfile));
        // Unknown ids are left out: the spec publishes no not-found list.
        return { status: 200, json: { credentials: [...new Set(ids as string[])].map((id) => store.get(id)).filter((r): r is SsgRecord => r !== undefined) } };
      },
    },
    {
      method: 'POST',
      path: '/v1/credentials/by-holder',
      handle({ body }, store) {
        const { idType, idNumber, nationality } = (body ?? {}) as { idType?: unknown; idNumber?: unknown; nationality?: unknown };
        if (typeof idNumber !== 'string' || idNumber === '') return invalidParameter('idNumber', 'idNumber is required');
        if (idType === 'PASSPORT') {
          if (typeof nationality !== 'string' || nationality === '') return invalidParameter('nationality', 'nationality (ISO3) is required with a PASSPORT');
          const wanted = normalizeDocumentNumber(idNumber);
          return { status: 200, json: { credentials: store.find('passportNo', wanted, (r) => r.holder.passportNo && normalizeDocumentNumber(r.holder.passportNo)).filter((r) => r.holder.nationality === nationality.toUpperCase()) } };
        }
        if (idType !== 'FIN' && idType !== 'NRIC') return invalidParameter('idType', 'idType is FIN, NRIC or PASSPORT');
        const number = idNumber.toUpperCase();
        if (singaporeIdProblem(number) !== null || singaporeIdType(number) !== idType) return codeBody(400, 'INVALID_ID');
        return { status: 200, json: { credentials: store.find('idNumber', number, (r) => r.holder.idNumber) } };
      },
    },
    {
      method: 'GET',
      path: '/v1/credentials',
      handle: ({ query }, store) =>
        cursorPage(query, filterBy(store.all(), query, { level: (r) => r.level, frameworkSector: (r) => r.frameworkSector }), 'credentials', (r) => r.issuedOn, false),
    },
  ],
};
