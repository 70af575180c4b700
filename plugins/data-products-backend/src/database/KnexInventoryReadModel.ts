/**
 * Owns the tables `inventory_products` and `inventory_sync`; reads
 * `latest_scores` (kept by KnexScorecardSnapshotStore).
 */
import { Knex } from 'knex';
import type { CursorPosition } from '../service/inventory/cursor';
import {
  InventoryListing,
  UNKNOWN_FLAGS,
  UNKNOWN_SCORES,
} from '../service/inventory/inventoryRows';
import {
  InventoryFilters,
  InventoryQuery,
  InventorySort,
} from '../service/inventory/parseInventoryQuery';
import { sortValue } from '../service/inventory/selectRows';
import type { InventoryGroup } from '../service/inventory/summarize';
import { DbTime, toDate } from './dbTime';
import { booleanOrNull, numberOrNull } from './dbValues';
import {
  FullPass,
  InventoryDay,
  InventoryReadModel,
  StoredInventoryProduct,
} from './InventoryReadModel';
import { LATEST_SCORES } from './latestScoresTable';
import {
  SCORECARD_DIMENSIONS,
  StoredFreshnessEvidence,
} from './ScorecardSnapshotStore';

const PRODUCTS = 'inventory_products';
const SYNC = 'inventory_sync';
// Products per statement: 19 columns each stays under SQLite's bound-value limit.
const ROWS_PER_STATEMENT = 40;
const REFS_PER_STATEMENT = 500;

/** The column each sort orders by. */
const SORT_COLUMNS: Record<InventorySort, string> = {
  overall: 's.overall',
  ...(Object.fromEntries(
    SCORECARD_DIMENSIONS.map(dimension => [dimension, `s.${dimension}`]),
  ) as Record<(typeof SCORECARD_DIMENSIONS)[number], string>),
  expiresOn: 'p.expires_on',
  name: 'p.name',
  cost: 'p.cost_monthly',
};
/** Text columns, compared byte-wise. */
const TEXT_COLUMNS = new Set(['p.expires_on', 'p.name', 'p.entity_ref']);

type ListingRow = {
  entity_ref: string;
  name: string;
  category: string | null;
  state: string;
  expires_on: string | null;
  listing: string;
  taken_at: DbTime | null;
  overall: number | string | null;
  breaching: boolean | number | null;
  fragile: boolean | number | null;
  tier_at_risk: boolean | number | null;
  budget_exhausted: boolean | number | null;
  /** JSON of the snapshot's evidence.freshness; null when not held here. */
  freshness_evidence: string | null;
} & Record<(typeof SCORECARD_DIMENSIONS)[number], number | string | null>;

/**
 * {@link InventoryReadModel} on the plugin's knex database. Filters, the
 * total order of a sort (unknowns last either way, then name and entity
 * ref) and the cursor are SQL, so a page costs the same whatever the
 * catalog's size; text is compared byte-wise (the C collation on
 * PostgreSQL, SQLite's default), as the in-memory path compares it.
 */
export class KnexInventoryReadModel implements InventoryReadModel {
  private readonly postgres: boolean;

  constructor(private readonly db: Knex) {
    this.postgres = String(db.client.config.client).startsWith('p');
  }

  async storedEtags(): Promise<Map<string, string | null>> {
    const rows: Array<{ entity_ref: string; etag: string | null }> =
      await this.db(PRODUCTS).select('entity_ref', 'etag');
    return new Map(rows.map(row => [row.entity_ref, row.etag]));
  }

  async putProducts(
    products: readonly StoredInventoryProduct[],
  ): Promise<void> {
    const syncedAt = new Date();
    const rows = products.map(product => rowOf(product, syncedAt));
    await this.db.transaction(async tx => {
      for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
        await tx(PRODUCTS)
          .insert(rows.slice(i, i + ROWS_PER_STATEMENT))
          .onConflict('entity_ref')
          .merge();
      }
    });
  }

  async removeProducts(entityRefs: readonly string[]): Promise<void> {
    await this.db.transaction(async tx => {
      for (let i = 0; i < entityRefs.length; i += REFS_PER_STATEMENT) {
        await tx(PRODUCTS)
          .whereIn('entity_ref', entityRefs.slice(i, i + REFS_PER_STATEMENT))
          .delete();
      }
    });
  }

  async recordFullPass(pass: FullPass): Promise<void> {
    await this.db(SYNC)
      .insert({ id: 1, full_pass_at: pass.at, full_pass_on: pass.on })
      .onConflict('id')
      .merge();
  }

  async lastFullPass(): Promise<FullPass | undefined> {
    const row: { full_pass_at: DbTime; full_pass_on: string } | undefined =
      await this.db(SYNC).where('id', 1).first();
    return row
      ? { at: toDate(row.full_pass_at), on: row.full_pass_on }
      : undefined;
  }

  async page(query: InventoryQuery, day: InventoryDay) {
    const { sort, order, limit, cursor } = query;
    const column = SORT_COLUMNS[sort];
    let select = this.filtered(query.filters, day).select(
      'p.entity_ref',
      'p.name',
      'p.category',
      'p.state',
      'p.expires_on',
      'p.listing',
      's.taken_at',
      's.overall',
      ...SCORECARD_DIMENSIONS.map(dimension => `s.${dimension}`),
      's.breaching',
      's.fragile',
      's.tier_at_risk',
      's.budget_exhausted',
      's.freshness_evidence',
    );
    if (cursor) select = this.after(select, column, order, cursor);
    const direction = order === 'asc' ? 'asc' : 'desc';
    const rows: ListingRow[] = await select
      .orderByRaw(`(${column} is null) asc`)
      .orderByRaw(`${this.text(column)} ${direction}`)
      .orderByRaw(`${this.text('p.name')} asc`)
      .orderByRaw(`${this.text('p.entity_ref')} asc`)
      .limit(limit + 1);
    const pageRows = rows.slice(0, limit);
    const items = pageRows.map(listingOf);
    const freshness = new Map<string, StoredFreshnessEvidence>();
    for (const row of pageRows) {
      if (row.taken_at !== null && row.freshness_evidence !== null) {
        freshness.set(row.entity_ref, {
          takenAt: toDate(row.taken_at),
          freshness: JSON.parse(row.freshness_evidence),
        });
      }
    }
    const lastItem = items[items.length - 1];
    const last: CursorPosition | undefined = lastItem && {
      value: sortValue(lastItem, sort),
      name: lastItem.name,
      entityRef: lastItem.entityRef,
    };
    return { items, last, more: rows.length > limit, freshness };
  }

  async groups(
    filters: InventoryFilters,
    day: InventoryDay,
  ): Promise<InventoryGroup[]> {
    const keys = [
      'p.category',
      'p.state',
      'p.cost_currency',
      'p.funded_by',
      'p.freshness_tier',
    ];
    const rows: Array<Record<string, string | number | null>> =
      await this.filtered(filters, day)
        .select(keys)
        .select(
          this.db.raw('count(*) as count'),
          this.db.raw('count(s.overall) as scored'),
          this.db.raw('coalesce(sum(s.overall), 0) as score_sum'),
          this.db.raw('count(p.cost_monthly) as costed'),
          this.db.raw('coalesce(sum(p.cost_monthly), 0) as monthly_sum'),
          this.db.raw(
            'sum(case when p.expires_on >= ? and p.expires_on <= ? then 1 else 0 end) as expiring',
            [day.today, day.monthEnd],
          ),
          this.db.raw(
            'sum(case when s.breaching then 1 else 0 end) as breaching',
          ),
        )
        .groupBy(keys);
    return rows.map(row => ({
      category: row.category as string | null,
      state: row.state as string,
      currency: row.cost_currency as string | null,
      fundedBy: row.funded_by as string | null,
      freshnessTier: row.freshness_tier as string | null,
      count: Number(row.count),
      scored: Number(row.scored),
      scoreSum: Number(row.score_sum),
      costed: Number(row.costed),
      monthlySum: Number(row.monthly_sum),
      expiringThisMonth: Number(row.expiring),
      breaching: Number(row.breaching),
    }));
  }

  /** The products the filters let through, with their latest scores. */
  private filtered(filters: InventoryFilters, day: InventoryDay) {
    const query = this.db(`${PRODUCTS} as p`).leftJoin(
      `${LATEST_SCORES} as s`,
      's.entity_ref',
      'p.entity_ref',
    );
    const inList = (column: string, values: string[] | undefined) => {
      if (values) query.whereIn(column, values);
    };
    inList('p.category', filters.category);
    inList('p.state', filters.state);
    inList('p.owner_match', filters.owner);
    inList('p.domain_match', filters.domain);
    inList('p.system_match', filters.system);
    inList('p.type_match', filters.type);
    if (filters.minScore !== undefined) {
      query.where('s.overall', '>=', filters.minScore);
    }
    if (filters.maxScore !== undefined) {
      query.where('s.overall', '<=', filters.maxScore);
    }
    if (day.lastExpiringDay !== undefined) {
      query
        .where('p.expires_on', '>=', day.today)
        .where('p.expires_on', '<=', day.lastExpiringDay);
    }
    const flag = (column: string, wanted: boolean | undefined) => {
      if (wanted === undefined) return;
      // unknown (no snapshot, or not computed) counts as not flagged
      if (wanted) query.where(column, true);
      else query.where(inner => inner.whereNull(column).orWhere(column, false));
    };
    flag('s.breaching', filters.breaching);
    flag('s.fragile', filters.fragile);
    flag('s.tier_at_risk', filters.tierAtRisk);
    flag('s.budget_exhausted', filters.budgetExhausted);
    if (filters.q !== undefined) {
      // a plain substring, as the in-memory filter: no LIKE wildcards
      const contains = this.postgres ? 'strpos' : 'instr';
      query.whereRaw(
        `(${contains}(p.match_name, ?) > 0 or ${contains}(p.match_title, ?) > 0)`,
        [filters.q, filters.q],
      );
    }
    return query;
  }

  /** Rows after the cursor in the total order (unknown values last). */
  private after(
    query: Knex.QueryBuilder,
    column: string,
    order: 'asc' | 'desc',
    cursor: CursorPosition,
  ) {
    const name = this.text('p.name');
    const ref = this.text('p.entity_ref');
    const tieBreak = `(${name} > ? or (${name} = ? and ${ref} > ?))`;
    const ties = [cursor.name, cursor.name, cursor.entityRef];
    if (cursor.value === null) {
      return query.whereRaw(`(${column} is null and ${tieBreak})`, ties);
    }
    const value = this.text(column);
    const beyond = order === 'asc' ? '>' : '<';
    return query.whereRaw(
      `(${value} ${beyond} ? or (${value} = ? and ${tieBreak}) or ${column} is null)`,
      [cursor.value, cursor.value, ...ties],
    );
  }

  /** A text column compared byte-wise on PostgreSQL; others as they are. */
  private text(column: string): string {
    return this.postgres && TEXT_COLUMNS.has(column)
      ? `${column} collate "C"`
      : column;
  }
}

function rowOf(product: StoredInventoryProduct, syncedAt: Date) {
  const { facts } = product;
  return {
    entity_ref: product.entityRef,
    etag: product.etag,
    evaluated_on: product.evaluatedOn,
    name: product.name,
    category: product.category,
    state: product.state,
    owner_match: product.match.owner,
    domain_match: product.match.domain,
    system_match: product.match.system,
    type_match: product.match.type,
    match_name: lower(product.name),
    match_title: lower(facts.title),
    expires_on: product.expiresOn,
    cost_monthly: facts.cost.monthly,
    cost_currency: facts.cost.currency,
    funded_by: facts.cost.fundedBy,
    freshness_tier: facts.freshnessTier,
    listing: JSON.stringify(facts),
    synced_at: syncedAt,
  };
}

function listingOf(row: ListingRow): InventoryListing {
  const scored = row.taken_at !== null;
  return {
    ...JSON.parse(row.listing),
    entityRef: row.entity_ref,
    name: row.name,
    category: row.category,
    state: row.state,
    expiresOn: row.expires_on,
    overall: numberOrNull(row.overall),
    scores: scored
      ? (Object.fromEntries(
          SCORECARD_DIMENSIONS.map(dimension => [
            dimension,
            numberOrNull(row[dimension]),
          ]),
        ) as InventoryListing['scores'])
      : { ...UNKNOWN_SCORES },
    breaching: Boolean(row.breaching),
    computedAt: scored ? toDate(row.taken_at!) : null,
    flags: scored
      ? {
          fragile: booleanOrNull(row.fragile),
          tierAtRisk: booleanOrNull(row.tier_at_risk),
          budgetExhausted: booleanOrNull(row.budget_exhausted),
        }
      : { ...UNKNOWN_FLAGS },
  };
}

/** As the in-memory match text is lowered (InventoryCatalog.ts). */
function lower(text: string): string {
  return text.toLocaleLowerCase('en-US');
}
