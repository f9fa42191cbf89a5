// Department of Labour foreign-worker licences (subgraphs/brn/README.md). Contract: a licence is
// issued to an employer and each of its worker lines is one permit, identified by licence number and
// line number; so one native licence answers for several permits (`idsOf`), `fetchByIds` groups the
// permit ids by licence and fetches those licences (never more than 20) in one batch call, and the
// kit keeps only the lines asked for. A line that cannot be read is an `UnreadableRecord`, so it
// costs only itself; a licence that cannot be read costs its lines. A line's status is read under
// its licence's (lpaVocabulary.json): a licence that is not AKTIF makes every line on it inactive.
import { defineAdapter, UnreadableRecord } from '../kit/adapter.js';
import { lookup, type CountryExtras, type PermitFields } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import type { PermitClass, PermitStatus, WorkPermit } from '../../schema/contract/index.js';
import { nativeReader } from '../kit/nativeRecords.js';
import { normalizeDocumentNumber } from '../../schema/ids/index.js';
import vocabulary from './lpaVocabulary.json' with { type: 'json' };
import { parsePermitId, permitIdOf, type LpaLicence, type LpaWorkerLine } from './lpa.native.js';
import { lpaProfile } from './profiles.js';
import { fetchKelompok, listOf, searchPage } from './nativeCalls.js';
import { checkIdentityCard, iscoCodeOccupation, warganegaraOf } from './nativeFields.js';
import type { BrnWorkPermit } from './types.js';

const STATUS_UNDER_LICENCE = vocabulary.statusUnderLicence as Record<string, Record<string, PermitStatus>>;
const CLASS_BY_MAJOR_GROUP = vocabulary.permitClassByIscoMajorGroup as Record<string, PermitClass>;
// The licence names no permit type; its own name is the only type the registry has.
const NATIVE_TYPE = 'LPA';

/** What the LPA adapter reads for one worker line: the shared fields and BrnWorkPermit's own, declared once in types.ts. */
export type BrnPermitFields = PermitFields & CountryExtras<BrnWorkPermit, WorkPermit>;

/** The permit ids of a licence's lines, as far as the licence names them. */
function lineIdsOf(licence: LpaLicence): string[] {
  if (typeof licence?.noLesen !== 'string' || !Array.isArray(licence.pekerja)) return [];
  return licence.pekerja.filter((line) => typeof line?.baris === 'number').map((line) => permitIdOf(licence.noLesen, line.baris));
}

/** Every line of one licence as a permit, in line order; a line that cannot be read is an UnreadableRecord. */
export function readLpa(licence: LpaLicence, client: Pick<RegistryClient, 'error'>): Array<BrnPermitFields | UnreadableRecord> {
  // Errors about the licence name the licence (and cost all its lines); errors about one worker name that worker's permit.
  const { fail: failLicence, date: licenceDate } = nativeReader(client, `licence ${licence.noLesen}`, 'YYYY-MM-DD');
  if (!Array.isArray(licence.pekerja)) throw failLicence('pekerja: expected the list of worker lines');
  if (typeof licence.majikan !== 'object' || licence.majikan === null) throw failLicence(`majikan: expected an object, got ${JSON.stringify(licence.majikan)}`);
  const statusOfLine = lookup(STATUS_UNDER_LICENCE, licence.statusLesen, 'statusLesen', failLicence);
  const licenceValidFrom = licenceDate(licence.tarikhKeluar, 'tarikhKeluar');
  const licenceValidUntil = licenceDate(licence.tarikhTamat, 'tarikhTamat');
  const lines = licence.pekerja.filter((line) => typeof line?.baris === 'number');
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(line.baris, (counts.get(line.baris) ?? 0) + 1);

  return lines.map((line: LpaWorkerLine) => {
    const nativeId = permitIdOf(licence.noLesen, line.baris);
    const { fail, date } = nativeReader(client, `permit ${nativeId}`, 'YYYY-MM-DD');
    try {
      if (!Number.isInteger(line.baris)) throw fail(`baris: expected a line number, got ${JSON.stringify(line.baris)}`);
      if (counts.get(line.baris)! > 1) throw fail(`baris ${line.baris} appears more than once on the licence, so it cannot identify a worker`);
      const nationality = warganegaraOf(line.warganegara, fail);
      const occupation = iscoCodeOccupation(line.kodISCO, line.jawatan, fail);
      checkIdentityCard('noICHijau', line.noICHijau, fail);
      const majorGroup = line.kodISCO[0];
      const permitClass = lookup(CLASS_BY_MAJOR_GROUP, majorGroup, 'ISCO-08 major group', fail);
      return {
        nativeId,
        holderName: line.nama,
        holderNationality: nationality,
        holderDocumentNumber: line.noPasport,
        holderDateOfBirth: date(line.tarikhLahir, 'tarikhLahir'),
        permitClass,
        nativeType: NATIVE_TYPE,
        status: lookup(statusOfLine, line.status, 'status', fail),
        nativeStatus: line.status,
        validFrom: date(line.mula, 'mula'),
        validUntil: date(line.tamat, 'tamat'),
        employer: { name: licence.majikan.nama, registrationNumber: licence.majikan.noPendaftaran },
        occupation,
        sector: licence.sektor,
        licenceNumber: licence.noLesen,
        lineNumber: line.baris,
        licenceStatus: licence.statusLesen,
        licenceValidFrom,
        licenceValidUntil,
        permitClassDerivation: `${permitClass} from ISCO-08 major group ${majorGroup} of the post (${line.kodISCO}); the licence names no permit type.`,
      };
    } catch (error) {
      return new UnreadableRecord(nativeId, error as Error);
    }
  });
}

/** Whether a worker line names the travel document asked about (the registry lists every worker of each licence). */
function isWorker(line: LpaWorkerLine, documentNumber: string, nationality: string): boolean {
  return typeof line?.noPasport === 'string' && normalizeDocumentNumber(line.noPasport) === normalizeDocumentNumber(documentNumber) && line.warganegara === nationality;
}

export const lpaAdapter = defineAdapter<LpaLicence, BrnPermitFields>({
  profile: lpaProfile,
  idsOf: lineIdsOf,
  read: readLpa,
  connect: (client) => ({
    async fetchByIds(ids) {
      const route = 'POST /lpa/api/lesen/kelompok';
      // A number that names no line of a licence cannot be held: it is simply not asked.
      const parsed = ids.map(parsePermitId).filter((p): p is { noLesen: string; baris: number } => p !== null);
      const licences = [...new Set(parsed.map((p) => p.noLesen))];
      if (licences.length === 0) return [];
      const found = await fetchKelompok<LpaLicence>(client, '/lpa/api/lesen/kelompok', { bodyKey: 'noLesen', listKey: 'lesen', numbers: licences });
      const asked = new Set(ids);
      const wanted = new Set(licences);
      return found.filter((licence) => {
        if (!wanted.has(licence?.noLesen)) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} returned ${JSON.stringify(licence?.noLesen)}, which was not among the ${licences.length} licences asked`);
        // A licence asked for a line it does not have holds no record asked: that line is not found.
        return lineIdsOf(licence).some((id) => asked.has(id));
      });
    },

    async findByHolder(identity) {
      const route = 'GET /lpa/api/pekerja';
      const response = await client.request('/lpa/api/pekerja', { route, query: { noPasport: identity.documentNumber, warganegara: identity.nationality } });
      // Each licence comes with all its workers: keep the lines of the worker asked about, nobody else's.
      return listOf<LpaLicence>(client, response, route, 'lesen').map((licence) => {
        const pekerja = Array.isArray(licence?.pekerja) ? licence.pekerja.filter((line) => isWorker(line, identity.documentNumber, identity.nationality)) : [];
        if (pekerja.length === 0) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} listed licence ${String(licence?.noLesen)}, which has no line for the worker asked about`);
        return { ...licence, pekerja };
      });
    },

    listPage: (cursor, options) => searchPage<LpaLicence>(client, '/lpa/api/lesen/carian', 'lesen', lpaProfile.bulk!.pageSize, cursor, options),
  }),
});
