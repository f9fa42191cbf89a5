// What the analyst page can ask (ANALYTICS_CONTRACT.md: permitStatistics, certificationStatistics,
// corridors), as data: each statistic's dimensions and filters, the one GraphQL document it sends,
// and how its answer becomes rows of a table. Used by the page in the browser and by its tests.

/** A value of a grouping dimension as the page shows it; null: the registry did not say. */
export type Key = string | number | null;

export interface Dimension {
  /** The contract's enum value (`HOST_COUNTRY`). */
  value: string;
  /** The cell's field that carries it (`hostCountry`); also the CSV column. */
  field: string;
  label: string;
}

export type FilterSpec =
  | { name: string; label: string; kind: 'codes' }
  | { name: string; label: string; kind: 'choice'; values: readonly (string | number)[] }
  | { name: string; label: string; kind: 'date' };

export type StatisticId = 'permits' | 'certifications' | 'corridors';

export interface Statistic {
  id: StatisticId;
  label: string;
  /** Dimensions the analyst picks from (one or two); corridors have fixed ones instead. */
  dimensions: Dimension[];
  filters: FilterSpec[];
  /** What the page opens with. */
  defaultGroupBy: string[];
  document: string;
}

const PERMIT_CLASSES = ['PROFESSIONAL', 'SKILLED', 'LOWER_SKILLED', 'OTHER'] as const;
const PERMIT_STATUSES = ['PENDING', 'APPROVED_IN_PRINCIPLE', 'ACTIVE', 'EXPIRED', 'CANCELLED', 'REVOKED', 'EXEMPT'] as const;
const CERTIFICATION_STATUSES = ['VALID', 'EXPIRED', 'SUSPENDED', 'REVOKED'] as const;

const FRESHNESS = 'asOf { country indexedAt available }';

const PERMIT_DIMENSIONS: Dimension[] = [
  { value: 'HOST_COUNTRY', field: 'hostCountry', label: 'Host country' },
  { value: 'NATIONALITY', field: 'nationality', label: 'Nationality' },
  { value: 'PERMIT_CLASS', field: 'permitClass', label: 'Permit class' },
  { value: 'NATIVE_TYPE', field: 'nativeType', label: 'Native permit type' },
  { value: 'STATUS', field: 'status', label: 'Status' },
  { value: 'SECTOR', field: 'sector', label: 'Sector' },
  { value: 'ISCO_MAJOR_GROUP', field: 'iscoMajorGroup', label: 'ISCO major group' },
  { value: 'VALID_FROM_YEAR', field: 'validFromYear', label: 'Valid from (year)' },
];

const CERTIFICATION_DIMENSIONS: Dimension[] = [
  { value: 'COUNTRY', field: 'country', label: 'Issuing country' },
  { value: 'HOLDER_NATIONALITY', field: 'holderNationality', label: 'Holder nationality' },
  { value: 'AQRF_LEVEL', field: 'aqrfLevel', label: 'AQRF level' },
  { value: 'AQRF_BASIS', field: 'aqrfBasis', label: 'AQRF basis' },
  { value: 'STATUS', field: 'status', label: 'Status' },
  { value: 'ISCO_MAJOR_GROUP', field: 'iscoMajorGroup', label: 'ISCO major group' },
  { value: 'ISSUED_YEAR', field: 'issuedYear', label: 'Issued (year)' },
];

/** A corridor's dimensions: always origin and host, and the class unless the analyst sums classes. */
export const CORRIDOR_DIMENSIONS: Dimension[] = [
  { value: 'ORIGIN', field: 'origin', label: 'Origin (nationality)' },
  { value: 'HOST', field: 'host', label: 'Host country' },
  { value: 'PERMIT_CLASS', field: 'permitClass', label: 'Permit class' },
];

/** The document of a grouped statistic: every dimension's field is asked, those not grouped by come back null. */
function statisticsDocument(name: string, field: string, types: { dimension: string; filter: string }, dimensions: Dimension[]): string {
  return `query ${name}($groupBy: [${types.dimension}!]!, $filter: ${types.filter}) {
  ${field}(groupBy: $groupBy, filter: $filter) {
    cells { ${dimensions.map((d) => d.field).join(' ')} count suppressed }
    total suppressionThreshold ${FRESHNESS}
  }
}`;
}

export const STATISTICS: Record<StatisticId, Statistic> = {
  permits: {
    id: 'permits',
    label: 'Work permits',
    dimensions: PERMIT_DIMENSIONS,
    filters: [
      { name: 'hostCountries', label: 'Host countries', kind: 'codes' },
      { name: 'nationalities', label: 'Nationalities', kind: 'codes' },
      { name: 'permitClasses', label: 'Permit classes', kind: 'choice', values: PERMIT_CLASSES },
      { name: 'statuses', label: 'Statuses', kind: 'choice', values: PERMIT_STATUSES },
      { name: 'activeOn', label: 'Active on', kind: 'date' },
    ],
    defaultGroupBy: ['HOST_COUNTRY', 'PERMIT_CLASS'],
    document: statisticsDocument('PermitStatistics', 'permitStatistics', { dimension: 'PermitDimension', filter: 'PermitStatisticsFilter' }, PERMIT_DIMENSIONS),
  },
  certifications: {
    id: 'certifications',
    label: 'Skill certifications',
    dimensions: CERTIFICATION_DIMENSIONS,
    filters: [
      { name: 'countries', label: 'Issuing countries', kind: 'codes' },
      { name: 'holderNationalities', label: 'Holder nationalities', kind: 'codes' },
      { name: 'aqrfLevels', label: 'AQRF levels', kind: 'choice', values: [1, 2, 3, 4, 5, 6, 7, 8] },
      { name: 'statuses', label: 'Statuses', kind: 'choice', values: CERTIFICATION_STATUSES },
      { name: 'issuedFrom', label: 'Issued from', kind: 'date' },
      { name: 'issuedTo', label: 'Issued to', kind: 'date' },
    ],
    defaultGroupBy: ['COUNTRY', 'AQRF_LEVEL'],
    document: statisticsDocument('CertificationStatistics', 'certificationStatistics', { dimension: 'CertificationDimension', filter: 'CertificationStatisticsFilter' }, CERTIFICATION_DIMENSIONS),
  },
  corridors: {
    id: 'corridors',
    label: 'Corridors (origin → host)',
    dimensions: [],
    filters: [
      { name: 'origins', label: 'Origins', kind: 'codes' },
      { name: 'hosts', label: 'Hosts', kind: 'codes' },
      { name: 'permitClasses', label: 'Permit classes', kind: 'choice', values: PERMIT_CLASSES },
    ],
    defaultGroupBy: [],
    document: `query Corridors($activeOn: Date, $byClass: Boolean, $filter: CorridorFilter) {
  corridors(activeOn: $activeOn, byClass: $byClass, filter: $filter) {
    activeOn
    flows { origin host permitClass count suppressed }
    suppressionThreshold ${FRESHNESS}
  }
}`,
  },
};

/** What the analyst chose on the page. Filters hold only what was set. */
export interface Choice {
  statistic: StatisticId;
  /** One or two dimension values (statistics only). */
  groupBy: string[];
  filter: Record<string, string | (string | number)[]>;
  /** Corridors only: the day whose active permits count (empty: today, the gateway decides). */
  activeOn?: string;
  /** Corridors only: one flow per class (the contract's default) or classes summed. */
  byClass?: boolean;
}

export interface Request {
  query: string;
  variables: Record<string, unknown>;
}

export function requestFor(choice: Choice): Request {
  const statistic = STATISTICS[choice.statistic];
  const filter = Object.keys(choice.filter).length > 0 ? choice.filter : undefined;
  if (choice.statistic === 'corridors') {
    return { query: statistic.document, variables: { activeOn: choice.activeOn || undefined, byClass: choice.byClass ?? true, filter } };
  }
  return { query: statistic.document, variables: { groupBy: choice.groupBy, filter } };
}

/** One country's index time; `available: false` means its counts are missing, not zero. */
export interface Freshness {
  country: string;
  indexedAt: string | null;
  available: boolean;
}

export interface Row {
  keys: Key[];
  /** null when suppressed. */
  count: number | null;
  suppressed: boolean;
}

/** An answer as the page shows it: a table whose first columns are the dimensions grouped by. */
export interface Table {
  statistic: StatisticId;
  columns: Dimension[];
  rows: Row[];
  /** The filter's grand total; null when it would reveal a suppressed cell. Absent for corridors. */
  total?: number | null;
  suppressionThreshold: number;
  asOf: Freshness[];
  /** Corridors: the day counted. */
  activeOn?: string;
}

type Cell = Record<string, Key | boolean> & { count: number | null; suppressed: boolean };
interface Answer {
  cells?: Cell[];
  flows?: Cell[];
  total?: number | null;
  suppressionThreshold: number;
  asOf: Freshness[];
  activeOn?: string;
}

const ROOT_FIELDS: Record<StatisticId, string> = { permits: 'permitStatistics', certifications: 'certificationStatistics', corridors: 'corridors' };

/** Turns a GraphQL `data` into a table, rows ordered by their keys (nulls last) so the page reads the same every time. */
export function tableOf(choice: Choice, data: Record<string, unknown>): Table {
  const statistic = STATISTICS[choice.statistic];
  const answer = data[ROOT_FIELDS[choice.statistic]] as Answer;
  const columns =
    choice.statistic === 'corridors'
      ? CORRIDOR_DIMENSIONS.filter((d) => d.field !== 'permitClass' || choice.byClass !== false)
      : choice.groupBy.map((value) => statistic.dimensions.find((d) => d.value === value)!);
  const rows = (answer.cells ?? answer.flows ?? []).map((cell) => ({
    keys: columns.map((c) => (cell[c.field] ?? null) as Key),
    count: cell.suppressed ? null : cell.count,
    suppressed: cell.suppressed,
  }));
  rows.sort((a, b) => compareKeys(a.keys, b.keys));
  return {
    statistic: choice.statistic,
    columns,
    rows,
    ...(choice.statistic === 'corridors' ? { activeOn: answer.activeOn } : { total: answer.total ?? null }),
    suppressionThreshold: answer.suppressionThreshold,
    asOf: [...answer.asOf].sort((a, b) => a.country.localeCompare(b.country)),
  };
}

function compareKeys(a: Key[], b: Key[]): number {
  for (let i = 0; i < a.length; i++) {
    const order = compareKey(a[i], b[i]);
    if (order !== 0) return order;
  }
  return 0;
}

/** Numbers by value, text alphabetically, not stated last. */
export function compareKey(a: Key, b: Key): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

/** How a key reads on screen and in the chart: null is "not stated", never an empty label. */
export function keyLabel(key: Key): string {
  return key === null ? '(not stated)' : String(key);
}

/** Splits "mmr, IDN tha" into codes; a word that is not three letters is refused with what was expected. */
export function parseCodes(text: string): string[] {
  const codes = text.toUpperCase().split(/[\s,;]+/).filter(Boolean);
  const wrong = codes.find((code) => !/^[A-Z]{3}$/.test(code));
  if (wrong) throw new Error(`expected three-letter country codes such as MMR or THA, got "${wrong}"`);
  return [...new Set(codes)];
}
