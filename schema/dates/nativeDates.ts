/**
 * One date module for every registry: native date text ⇄ ISO `YYYY-MM-DD`.
 * A format is a pattern of `DD`, `MM`, `YYYY` (Gregorian year) or `BBBB` (Buddhist-Era year,
 * B.E. = C.E. + 543) with any separator. Parsing checks the calendar, so `31/02/2024` fails
 * loudly instead of rolling over into March.
 */
export type NativeDateFormat = 'YYYY-MM-DD' | 'DD-MM-YYYY' | 'YYYYMMDD' | 'MM/DD/YYYY' | 'DD/MM/YYYY' | 'DD/MM/BBBB' | 'BBBB-MM-DD';

const BUDDHIST_ERA_OFFSET = 543;

interface CompiledFormat {
  regex: RegExp;
  order: Array<'D' | 'M' | 'Y' | 'B'>;
}

const compiled = new Map<NativeDateFormat, CompiledFormat>();

function compile(format: NativeDateFormat): CompiledFormat {
  const cached = compiled.get(format);
  if (cached) return cached;
  const order: CompiledFormat['order'] = [];
  const source = format.replace(/DD|MM|YYYY|BBBB|[^DMYB]/g, (token) => {
    if (token === 'DD' || token === 'MM') {
      order.push(token[0] as 'D' | 'M');
      return '(\\d{2})';
    }
    if (token === 'YYYY' || token === 'BBBB') {
      order.push(token[0] as 'Y' | 'B');
      return '(\\d{4})';
    }
    return token.replace(/[/.-]/g, '\\$&');
  });
  const result = { regex: new RegExp(`^${source}$`), order };
  compiled.set(format, result);
  return result;
}

export class InvalidDateError extends Error {
  constructor(value: string, format: NativeDateFormat) {
    super(`expected a date as ${format}, got ${JSON.stringify(value)}`);
    this.name = 'InvalidDateError';
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** Native text → ISO date; throws InvalidDateError naming the format expected. */
export function parseNativeDate(value: string, format: NativeDateFormat): string {
  const { regex, order } = compile(format);
  const match = regex.exec(value.trim());
  if (!match) throw new InvalidDateError(value, format);
  let year = 0;
  let month = 0;
  let day = 0;
  order.forEach((part, i) => {
    const n = Number(match[i + 1]);
    if (part === 'D') day = n;
    else if (part === 'M') month = n;
    else if (part === 'Y') year = n;
    else year = n - BUDDHIST_ERA_OFFSET;
  });
  if (!isCalendarDate(year, month, day)) throw new InvalidDateError(value, format);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Like parseNativeDate, but null and empty text stay null (registries leave optional dates blank). */
export function parseOptionalNativeDate(value: string | null | undefined, format: NativeDateFormat): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return parseNativeDate(value, format);
}

/** ISO date → native text, for search parameters and for the simulators. */
export function formatNativeDate(isoDate: string, format: NativeDateFormat): string {
  const [year, month, day] = parseNativeDate(isoDate, 'YYYY-MM-DD').split('-').map(Number);
  return format
    .replace('DD', pad(day, 2))
    .replace('MM', pad(month, 2))
    .replace('YYYY', pad(year, 4))
    .replace('BBBB', pad(year + BUDDHIST_ERA_OFFSET, 4));
}

export function isIsoDate(value: string): boolean {
  try {
    parseNativeDate(value, 'YYYY-MM-DD');
    return true;
  } catch {
    return false;
  }
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addMonths(isoDate: string, months: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}
