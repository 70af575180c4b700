import { stringify } from 'csv-stringify/sync';
import { SCORE_DIMENSIONS } from '@stockroom/plugin-data-products-common';
import type {
  DataProductsInventoryApi,
  InventoryItem,
  InventoryQuery,
} from '../../api';

/** A cell value as the inventory has it. */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * Characters a spreadsheet reads as the start of a formula (or, tab and
 * carriage return, as a way to slip one in): a cell starting with one of
 * them is prefixed with a quote, so `=HYPERLINK(…)` in a product title stays
 * text (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell's text before quoting: text that would start a formula is defused;
 * numbers are written as they are (our own numbers never start a formula,
 * and a negative amount must stay a number); booleans as `true`/`false`.
 */
function cellText(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(value) : '';
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Rows to CSV text (RFC 4180, quoting by csv-stringify): CRLF line ends,
 * and a lone CR or LF inside a cell quoted too, which the library quotes
 * only for its own record delimiter unless told.
 */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return stringify(
    rows.map(row => row.map(cellText)),
    { record_delimiter: 'windows', eof: false, quoted_match: /[\r\n]/ },
  );
}

/** One CSV cell, defused and quoted exactly as {@link toCsv} writes it. */
export function csvCell(value: CsvValue): string {
  return toCsv([[value]]);
}

/** The columns of the export, in order. */
export const INVENTORY_CSV_HEADER = [
  'entityRef',
  'name',
  'title',
  'category',
  'state',
  'owner',
  'domain',
  'system',
  'type',
  'version',
  'overall',
  ...SCORE_DIMENSIONS,
  'breaching',
  'expiresOn',
  'sunsetOn',
  'successor',
  'monthlyCost',
  'currency',
  'fundedBy',
  'consumers',
  'computedAt',
  // the supply-chain flags: true, false, or empty when unknown
  'fragile',
  'tierAtRisk',
  'budgetExhausted',
  // "Freshness vs cost": empty when unknown (the reasons are in the app)
  'observedP95LagMs',
  'unitCostOfFreshnessPerHour',
  'unitCostEstimated',
] as const;

/** The inventory as CSV: a header, then one line per product. */
export function inventoryCsv(items: readonly InventoryItem[]): string {
  return toCsv([
    INVENTORY_CSV_HEADER,
    ...items.map(item => [
      item.entityRef,
      item.name,
      item.title,
      item.category,
      item.state,
      item.owner,
      item.domain,
      item.system,
      item.type,
      item.version,
      item.overall,
      ...SCORE_DIMENSIONS.map(dimension => item.dimensions[dimension]),
      item.breaching,
      item.expiresOn,
      item.sunsetOn,
      item.successor,
      item.cost?.monthly,
      item.cost?.currency,
      item.cost?.fundedBy,
      item.consumers,
      item.computedAt,
      item.fragile,
      item.tierAtRisk,
      item.budgetExhausted,
      item.freshnessVsCost?.observedLag.p95Ms,
      unitCost(item)?.value,
      unitCost(item)?.value === null ? null : unitCost(item)?.estimated,
    ]),
  ]);
}

function unitCost(item: InventoryItem) {
  return item.freshnessVsCost?.unitCostOfFreshness;
}

/** The backend's largest page: fewer requests for a whole export. */
export const EXPORT_PAGE_SIZE = 200;
/** A guard against a backend that keeps answering with a next page. */
const MAX_EXPORT_PAGES = 500;

/**
 * Every product matching the query (its filters and sort; its own page and
 * cursor ignored), following the cursors page by page.
 */
export async function fetchWholeInventory(
  api: DataProductsInventoryApi,
  query: InventoryQuery,
  options?: { pageSize?: number; signal?: AbortSignal },
): Promise<InventoryItem[]> {
  const { cursor: _ignored, ...filters } = query;
  const items: InventoryItem[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_EXPORT_PAGES; page++) {
    const answer = await api.getInventory(
      {
        ...filters,
        limit: options?.pageSize ?? EXPORT_PAGE_SIZE,
        ...(cursor ? { cursor } : {}),
      },
      { signal: options?.signal },
    );
    items.push(...answer.items);
    if (!answer.nextCursor || seen.has(answer.nextCursor)) {
      return items;
    }
    seen.add(answer.nextCursor);
    cursor = answer.nextCursor;
  }
  throw new Error(
    `The inventory did not end after ${MAX_EXPORT_PAGES} pages; export stopped`,
  );
}

/**
 * Hands the browser a file to save. The byte order mark makes spreadsheet
 * applications read the file as UTF-8.
 */
export function downloadCsv(filename: string, csv: string): void {
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // give the browser a moment to start the download before revoking
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** `data-products-shared-mart-active-2026-11-25.csv` */
export function exportFilename(query: InventoryQuery, now: Date): string {
  const parts = [query.category, query.state, query.breaching && 'breaching']
    .filter((part): part is string => typeof part === 'string' && !!part)
    .map(part => part.replace(/[^a-z0-9-]+/gi, '-'));
  return ['data-products', ...parts, now.toISOString().slice(0, 10)]
    .join('-')
    .concat('.csv');
}
