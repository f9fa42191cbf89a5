/// <reference lib="dom" />
// The analyst page's browser entry, bundled by esbuild (gateway/analyst/bundle.ts) into assets the
// gateway serves itself. The analyst picks a statistic, one or two dimensions and filters; the page
// asks the gateway's /graphql with the analyst's bearer token and shows where each country's
// numbers come from, a chart, the table and a CSV of it. Plain DOM: a form and three outputs.
import './page.css';
import type { AnalystConfig } from './config.js';
import { drawChart } from './chart.js';
import { csvFileName, toCsv } from './csv.js';
import { keyLabel, parseCodes, requestFor, STATISTICS, tableOf, type Choice, type FilterSpec, type StatisticId, type Table } from './statistics.js';

const config = JSON.parse(document.getElementById('rantau-analyst-config')!.textContent!) as AnalystConfig;
/** Per tab, gone when the tab closes: a bearer token is not something to leave on a shared machine. */
const TOKEN_KEY = 'rantau.analyst.token';

type Child = Node | string | null | undefined | false;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string | boolean> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const format = (n: number) => n.toLocaleString('en');

// The token: pasted once, kept for the tab.
const tokenInput = $<HTMLInputElement>('token');
tokenInput.value = sessionStorage.getItem(TOKEN_KEY) ?? config.token ?? '';
tokenInput.addEventListener('input', () => sessionStorage.setItem(TOKEN_KEY, tokenInput.value.trim()));
$('forget').addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  tokenInput.value = '';
});

// The form: rebuilt when the statistic changes, since each has its own dimensions and filters.
const form = $<HTMLFormElement>('query');
const statisticSelect = $<HTMLSelectElement>('statistic');
for (const statistic of Object.values(STATISTICS)) statisticSelect.append(el('option', { value: statistic.id }, statistic.label));

function filterControl(spec: FilterSpec): HTMLElement {
  const id = `filter-${spec.name}`;
  if (spec.kind === 'choice') {
    return el('fieldset', { class: 'choice' }, el('legend', {}, spec.label), ...spec.values.map((value) => el('label', {}, el('input', { type: 'checkbox', name: spec.name, value: String(value) }), ` ${value}`)));
  }
  const input = spec.kind === 'codes' ? el('input', { id, name: spec.name, type: 'text', placeholder: 'e.g. MMR, IDN', autocomplete: 'off', spellcheck: 'false' }) : el('input', { id, name: spec.name, type: 'date' });
  return el('div', { class: 'field' }, el('label', { for: id }, spec.label), input);
}

function dimensionSelect(id: string, label: string, chosen: string, optional: boolean): HTMLElement {
  const statistic = STATISTICS[statisticSelect.value as StatisticId];
  const select = el('select', { id, name: id }, optional && el('option', { value: '' }, '— nothing —'), ...statistic.dimensions.map((d) => el('option', { value: d.value, selected: d.value === chosen }, d.label)));
  return el('div', { class: 'field' }, el('label', { for: id }, label), select);
}

function buildControls(): void {
  const statistic = STATISTICS[statisticSelect.value as StatisticId];
  const dimensions =
    statistic.id === 'corridors'
      ? [
          el('div', { class: 'field' }, el('label', { for: 'activeOn' }, 'Active on (empty: today)'), el('input', { id: 'activeOn', name: 'activeOn', type: 'date' })),
          el('div', { class: 'field' }, el('label', {}, el('input', { id: 'byClass', name: 'byClass', type: 'checkbox', checked: true }), ' One flow per permit class')),
        ]
      : [dimensionSelect('groupBy0', 'Group by', statistic.defaultGroupBy[0], false), dimensionSelect('groupBy1', 'then by', statistic.defaultGroupBy[1] ?? '', true)];
  $('dimensions').replaceChildren(...dimensions);
  $('filters').replaceChildren(el('legend', {}, 'Only'), ...statistic.filters.map(filterControl));
}
statisticSelect.addEventListener('change', buildControls);
buildControls();

/** What the form says, or an error message that names the field at fault. */
function readChoice(): Choice {
  const statistic = STATISTICS[statisticSelect.value as StatisticId];
  const data = new FormData(form);
  const filter: Choice['filter'] = {};
  for (const spec of statistic.filters) {
    if (spec.kind === 'choice') {
      const values = data.getAll(spec.name).map(String);
      if (values.length > 0) filter[spec.name] = values.map((v) => (typeof spec.values[0] === 'number' ? Number(v) : v));
    } else {
      const text = String(data.get(spec.name) ?? '').trim();
      if (!text) continue;
      try {
        filter[spec.name] = spec.kind === 'codes' ? parseCodes(text) : text;
      } catch (error) {
        throw new Error(`${spec.label}: ${(error as Error).message}`);
      }
    }
  }
  if (statistic.id === 'corridors') return { statistic: statistic.id, groupBy: [], filter, activeOn: String(data.get('activeOn') ?? ''), byClass: data.get('byClass') !== null };
  const groupBy = [String(data.get('groupBy0')), String(data.get('groupBy1') ?? '')].filter(Boolean);
  if (groupBy[0] === groupBy[1]) throw new Error('Group by: choose two different dimensions, or nothing for the second');
  return { statistic: statistic.id, groupBy, filter };
}

interface GraphQLError {
  message: string;
  extensions?: { code?: string };
}

const status = $('status');
function say(text: string, kind: 'info' | 'error' = 'info'): void {
  status.textContent = text;
  status.className = kind;
}

/** What to tell someone whose token the gateway refused. */
function explain(errors: GraphQLError[]): string {
  const codes = new Set(errors.map((e) => e.extensions?.code));
  if (codes.has('UNAUTHENTICATED')) return 'The gateway did not accept the token (missing, expired or not signed by a trusted issuer). Paste a fresh one above.';
  if (codes.has('FORBIDDEN')) return 'This token’s role may not read statistics: it takes an analyst, inspector or operator token.';
  return errors.map((e) => `${e.message}${e.extensions?.code ? ` (${e.extensions.code})` : ''}`).join('; ');
}

let shown: Table | undefined;

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  let choice: Choice;
  try {
    choice = readChoice();
  } catch (error) {
    say((error as Error).message, 'error');
    return;
  }
  const token = tokenInput.value.trim();
  if (!token) {
    say('Paste an access token first (see above for how to get one).', 'error');
    return;
  }
  say('Asking…');
  let body: { data?: Record<string, unknown> | null; errors?: GraphQLError[] };
  try {
    const response = await fetch(config.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(requestFor(choice)),
    });
    body = await response.json();
  } catch (error) {
    say(`The gateway could not be reached: ${(error as Error).message}`, 'error');
    return;
  }
  if (!body.data) {
    say(explain(body.errors ?? [{ message: 'The gateway answered without data' }]), 'error');
    return;
  }
  shown = tableOf(choice, body.data);
  show(shown);
  // Partial answers (a country whose index is away) still show; what went wrong is said beside them.
  if (body.errors?.length) say(`Shown with warnings: ${explain(body.errors)}`, 'error');
  else say(`${format(shown.rows.length)} cells.`);
});

function show(table: Table): void {
  $('result').hidden = false;
  showFreshness(table);
  $('chart').replaceChildren(table.rows.length > 0 ? drawChart(table) : el('p', {}, 'No cells: nothing matches these filters.'));
  showTable(table);
}

function showFreshness(table: Table): void {
  const missing = table.asOf.filter((c) => !c.available).map((c) => c.country);
  $('freshness').replaceChildren(
    el('p', {}, table.activeOn ? `Workers holding a permit active on ${table.activeOn}. ` : '', `Cells under ${table.suppressionThreshold} are suppressed, and so are the cells that would let someone work them out.`),
    ...(missing.length > 0 ? [el('p', { class: 'unavailable', id: 'unavailable' }, `Unavailable: ${missing.join(', ')}. Their counts are missing from every cell, not zero.`)] : []),
    el('ul', { class: 'as-of' }, ...table.asOf.map((c) => el('li', { class: c.available ? '' : 'unavailable', 'data-country': c.country }, el('b', {}, c.country), ' ', c.available ? `as of ${c.indexedAt ? new Date(c.indexedAt).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : 'unknown'}` : 'unavailable'))),
  );
}

function showTable(table: Table): void {
  const head = el('tr', {}, ...table.columns.map((c) => el('th', { scope: 'col' }, c.label)), el('th', { scope: 'col', class: 'number' }, 'Count'));
  const rows = table.rows.map((row) =>
    el(
      'tr',
      {},
      ...row.keys.map((key) => el('td', {}, keyLabel(key))),
      row.suppressed ? el('td', { class: 'number suppressed', title: 'Suppressed: too few to publish, or it would let someone work out a cell that is' }, 'suppressed') : el('td', { class: 'number' }, format(row.count!)),
    ),
  );
  const total =
    table.total === undefined
      ? null
      : el('tr', { class: 'total' }, el('th', { scope: 'row', colspan: String(Math.max(1, table.columns.length)) }, 'Total'), el('td', { class: 'number' }, table.total === null ? 'withheld' : format(table.total)));
  $('table').replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows), total ? el('tfoot', {}, total) : '');
}

$('download').addEventListener('click', () => {
  if (!shown) return;
  const url = URL.createObjectURL(new Blob([toCsv(shown)], { type: 'text/csv;charset=utf-8' }));
  const link = el('a', { href: url, download: csvFileName(shown, new Date().toISOString().slice(0, 10)) });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
});
