import { Suspense, lazy, useMemo, useState } from 'react';
import { Content, Header, Page } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Alert,
  Button,
  Flex,
  Grid,
  Select,
  Skeleton,
  Text,
  ToggleButton,
  ToggleButtonGroup,
} from '@backstage/ui';
import { dataProductsApiRef } from '../../api';
import { Section } from '../shared/Section';
import { formatCount } from '../shared/format';
import { ColumnChooser } from './ColumnChooser';
import { InventoryFilters, hasFilters } from './InventoryFilters';
import { InventoryTable } from './InventoryTable';
import { ScoreDistribution } from './ScoreDistribution';
import { SummaryTiles } from './SummaryTiles';
import { useInventory } from './useInventory';
import { useInventoryUrl, type InventoryView } from './useInventoryUrl';

/** @public */
export interface DataProductsInventoryPageProps {
  /** Fixes "today" (the date in the CSV export's file name); for tests and screenshots. */
  now?: Date;
}

// Loaded when asked for, not with the page: the first screen shows neither.
// The freshness-vs-cost view draws with recharts (over 500 KiB of script),
// the export writes with csv-stringify.
const FreshnessVsCostView = lazy(() =>
  import('./FreshnessVsCostView').then(m => ({
    default: m.FreshnessVsCostView,
  })),
);
const loadCsv = () => import('./csv');

const PAGE_SIZES = [25, 50, 100, 200];
const DEFAULT_SIZE = '__default__';

/**
 * Why the inventory could not be shown. A query the backend refused (400,
 * an `InputError`) is the user's to fix, so its message is shown as the
 * backend wrote it.
 */
function LoadError(props: { error: Error }) {
  const { error } = props;
  if (error.name === 'InputError') {
    return (
      <Alert
        status="warning"
        icon
        title="The inventory cannot be filtered this way"
        description={error.message}
        data-testid="inventory-query-error"
      />
    );
  }
  return (
    <Alert
      status="danger"
      icon
      title="Could not load the inventory"
      description={`${error.message}. Is the backend plugin @stockroom/plugin-data-products-backend installed?`}
    />
  );
}

type ExportState =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'done'; count: number }
  | { state: 'failed'; message: string };

/**
 * The inventory of data products, built for a quarterly tier review: the
 * summary (per category and state, what expires this month, what breaches
 * now, who funds what), a score distribution, and the table — weakest
 * first unless sorted otherwise — with every filter of the inventory API in
 * the URL, cursor pages and a CSV export of the whole filtered set.
 *
 * Everything shown is the backend's: states come from the catalog, scores
 * from the latest scorecard snapshots. This page computes neither.
 *
 * @public
 */
export function InventoryContent(props: DataProductsInventoryPageProps) {
  const api = useApi(dataProductsApiRef);
  const url = useInventoryUrl();
  const { query } = url;
  const { page, loading, stale, error } = useInventory(api, query, url.search);
  const now = useMemo(() => props.now ?? new Date(), [props.now]);
  const [exported, setExported] = useState<ExportState>({ state: 'idle' });

  const exportCsv = async () => {
    setExported({ state: 'pending' });
    try {
      const csv = await loadCsv();
      const items = await csv.fetchWholeInventory(api, query);
      csv.downloadCsv(csv.exportFilename(query, now), csv.inventoryCsv(items));
      setExported({ state: 'done', count: items.length });
    } catch (e) {
      setExported({
        state: 'failed',
        message: (e as Error)?.message ?? String(e),
      });
    }
  };

  return (
    <Flex direction="column" gap="4">
      <Section
        title="Filters"
        subtitle="Every filter, the sort and the page are in the address: reload or share it to keep this view"
      >
        <InventoryFilters
          query={query}
          onChange={url.setFilters}
          onClear={url.clearFilters}
        />
      </Section>

      {error && <LoadError error={error} />}

      {!page && loading && (
        <Flex direction="column" gap="2" data-testid="inventory-loading">
          <Skeleton width="100%" height={120} />
          <Skeleton width="100%" height={320} />
        </Flex>
      )}

      {page && (
        <SummaryTiles page={page} query={query} onFilter={url.setFilters} />
      )}

      {page && (
        <Grid.Root columns={{ initial: '1', md: '12' }} gap="4">
          <Grid.Item colSpan={{ initial: '1', md: '4' }}>
            <Section
              title="Score distribution"
              subtitle="Overall scores on this page, 1–5 and unknown"
            >
              <ScoreDistribution items={page.items} />
            </Section>
          </Grid.Item>
          <Grid.Item colSpan={{ initial: '1', md: '8' }}>
            <Section title="Tier review" subtitle="What to look at first">
              <Flex direction="column" gap="2">
                <Text variant="body-medium">
                  {query.sort
                    ? `Sorted by ${query.sort}, ${
                        query.order === 'desc' ? 'descending' : 'ascending'
                      }.`
                    : 'Weakest first: the lowest overall scores lead, unknown scores last (the backend’s default order).'}
                </Text>
                <Flex gap="2" style={{ flexWrap: 'wrap' }}>
                  {query.sort && (
                    <Button
                      variant="secondary"
                      size="small"
                      onPress={() => url.setSort(undefined)}
                    >
                      Weakest first
                    </Button>
                  )}
                  <Button
                    variant="secondary"
                    size="small"
                    onPress={exportCsv}
                    isPending={exported.state === 'pending'}
                  >
                    Export CSV
                  </Button>
                </Flex>
                {exported.state === 'done' && (
                  <Text
                    variant="body-small"
                    color="secondary"
                    data-testid="export-result"
                  >
                    {`Exported ${formatCount(exported.count)} product${
                      exported.count === 1 ? '' : 's'
                    } matching the filters.`}
                  </Text>
                )}
                {exported.state === 'failed' && (
                  <Alert
                    status="danger"
                    icon
                    title="Could not export the inventory"
                    description={exported.message}
                  />
                )}
                <Text variant="body-x-small" color="secondary">
                  The export holds every product matching the filters, in this
                  order, not just this page.
                </Text>
              </Flex>
            </Section>
          </Grid.Item>
        </Grid.Root>
      )}

      {(page || (loading && !error)) && (
        <Section
          title="Data products"
          subtitle={
            page
              ? `${formatCount(page.totals.total)} matching${
                  hasFilters(query) ? ' the filters' : ''
                }`
              : undefined
          }
        >
          <Flex direction="column" gap="3">
            <Flex justify="between" align="center" gap="3">
              <ToggleButtonGroup
                aria-label="Inventory view"
                selectionMode="single"
                disallowEmptySelection
                selectedKeys={[url.view]}
                onSelectionChange={keys => {
                  const [shown] = [...keys];
                  if (shown) url.setView(shown as InventoryView);
                }}
              >
                <ToggleButton id="table" size="small">
                  Table
                </ToggleButton>
                <ToggleButton id="freshness-cost" size="small">
                  Freshness vs cost
                </ToggleButton>
              </ToggleButtonGroup>
              {url.view === 'table' && (
                <ColumnChooser
                  columns={url.columns}
                  onChange={url.setColumns}
                />
              )}
            </Flex>
            {url.view === 'freshness-cost' ? (
              page && (
                <Suspense fallback={<Skeleton width="100%" height={320} />}>
                  <FreshnessVsCostView items={page.items} />
                </Suspense>
              )
            ) : (
              <InventoryTable
                items={page?.items}
                loading={loading}
                stale={stale}
                sort={query.sort}
                order={query.order}
                onSortChange={url.setSort}
                columns={url.columns}
              />
            )}
            <Flex align="center" justify="between" gap="3">
              <Flex align="center" gap="2">
                <Button
                  variant="secondary"
                  size="small"
                  isDisabled={!url.hasPreviousPage || loading}
                  onPress={url.previousPage}
                >
                  Previous page
                </Button>
                <Button
                  variant="secondary"
                  size="small"
                  isDisabled={!page?.nextCursor || loading}
                  onPress={() =>
                    page?.nextCursor && url.nextPage(page.nextCursor)
                  }
                >
                  Next page
                </Button>
                <Text
                  variant="body-small"
                  color="secondary"
                  data-testid="page-label"
                >
                  {url.pageNumber === undefined
                    ? 'A later page'
                    : `Page ${url.pageNumber}`}
                </Text>
              </Flex>
              <Select
                aria-label="Products per page"
                size="small"
                options={[
                  { value: DEFAULT_SIZE, label: 'Default page size' },
                  ...PAGE_SIZES.map(size => ({
                    value: String(size),
                    label: `${size} per page`,
                  })),
                ]}
                value={
                  query.limit && PAGE_SIZES.includes(query.limit)
                    ? String(query.limit)
                    : DEFAULT_SIZE
                }
                onChange={key =>
                  url.setPageSize(
                    key === DEFAULT_SIZE || key === null
                      ? undefined
                      : Number(key),
                  )
                }
                style={{ width: 190 }}
              />
            </Flex>
          </Flex>
        </Section>
      )}
    </Flex>
  );
}

/**
 * The inventory page with its own header, for the legacy frontend system
 * (the new one gives pages their header).
 */
export function LegacyInventoryPage(props: DataProductsInventoryPageProps) {
  return (
    <Page themeId="tool">
      <Header
        title="Data products"
        subtitle="The inventory: weak links first, what expires, what breaches, who funds what"
      />
      <Content>
        <InventoryContent {...props} />
      </Content>
    </Page>
  );
}
