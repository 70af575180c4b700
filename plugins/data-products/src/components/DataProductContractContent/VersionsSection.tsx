import useAsync from 'react-use/esm/useAsync';
import {
  RELATION_DEPENDENCY_OF,
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { CodeSnippet } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Cell,
  CellText,
  Flex,
  Skeleton,
  Table,
  Text,
  type ColumnConfig,
} from '@backstage/ui';
import {
  LABEL_STATE,
  RELATION_SUPERSEDED_BY,
  RELATION_SUPERSEDES,
  fromCatalogShape,
  type DataProductSpec,
  type FieldMapping,
  type MigrationGuide,
} from '@stockroom/plugin-data-products-common';
import { isWebUrl } from '../shared/isWebUrl';
import { sentenceCase } from '../shared/categoryLabel';
import { ExternalLink, TextValue } from '../shared/values';
import { LifecycleBanner } from '../shared/LifecycleBanner';
import { inDaysText } from '../shared/daysUntil';
import { EntityRefList } from './LineageSection';
import { fullRef, relationTargets } from './relations';
import {
  NothingDeclared,
  PlainList,
  Section,
  SubHeading,
} from '../shared/Section';

/** How far back the supersedes chain is followed (v5 → … → v1). */
const MAX_CHAIN = 5;

type LooseSpec = Partial<DataProductSpec>;

function specOf(entity: Entity): LooseSpec {
  return (fromCatalogShape(entity).spec ?? {}) as LooseSpec;
}

/** The product this one replaces: relation first, then what the YAML says. */
function supersededRef(entity: Entity): string | undefined {
  const related = entity.relations?.find(r => r.type === RELATION_SUPERSEDES);
  if (related) {
    return related.targetRef;
  }
  const spec = specOf(entity);
  return (
    fullRef(spec.lifecycle?.supersedes, 'dataproduct', entity) ??
    fullRef(spec.migration?.from, 'dataproduct', entity)
  );
}

/** Products that replace this one: relations and the declared successor. */
function newerRefs(entity: Entity): string[] {
  const refs = new Set(
    entity.relations
      ?.filter(r => r.type === RELATION_SUPERSEDED_BY)
      .map(r => r.targetRef) ?? [],
  );
  const successor = fullRef(
    specOf(entity).lifecycle?.successor,
    'dataproduct',
    entity,
  );
  if (successor) {
    refs.add(successor);
  }
  return [...refs].sort();
}

type OlderVersion =
  | { ref: string; entity: Entity }
  | { ref: string; entity: undefined };

/** Older versions, newest first, fetched one hop at a time. */
function useOlderVersions(entity: Entity) {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    const chain: OlderVersion[] = [];
    const seen = new Set([stringifyEntityRef(entity)]);
    let ref = supersededRef(entity);
    while (ref && !seen.has(ref) && chain.length < MAX_CHAIN) {
      seen.add(ref);
      const older = await catalogApi.getEntityByRef(ref);
      chain.push({ ref, entity: older });
      ref = older ? supersededRef(older) : undefined;
    }
    return chain;
  }, [catalogApi, entity]);
}

function stateOf(entity: Entity): string | undefined {
  return (
    entity.metadata.labels?.[LABEL_STATE] ??
    (typeof specOf(entity).lifecycle?.stage === 'string'
      ? specOf(entity).lifecycle?.stage
      : undefined)
  );
}

function OlderVersionItem(props: { version: OlderVersion; now: Date }) {
  const { ref, entity } = props.version;
  const link = <EntityRefLink entityRef={parseEntityRef(ref)} />;
  if (!entity) {
    return (
      <li>
        <Flex align="baseline" gap="2">
          {link}
          <Text variant="body-small" color="secondary">
            not in the catalog
          </Text>
        </Flex>
      </li>
    );
  }
  const spec = specOf(entity);
  const state = stateOf(entity);
  const consumers = relationTargets(entity, RELATION_DEPENDENCY_OF);
  return (
    <li data-testid="older-version" style={{ paddingBottom: 8 }}>
      <Flex direction="column" gap="1">
        <Flex align="baseline" gap="2" style={{ flexWrap: 'wrap' }}>
          {link}
          {spec.version && (
            <Text variant="body-small" color="secondary">
              v{String(spec.version)}
            </Text>
          )}
          {state && (
            <Text variant="body-small" weight="bold">
              {sentenceCase(state)}
            </Text>
          )}
          {spec.lifecycle?.sunsetOn && (
            <Text variant="body-small" color="secondary">
              sunset on {String(spec.lifecycle.sunsetOn)}
              {inDaysText(String(spec.lifecycle.sunsetOn), props.now)}
            </Text>
          )}
        </Flex>
        <Flex
          direction="column"
          gap="1"
          role="group"
          aria-label={`Consumers still on ${entity.metadata.name}`}
          style={{ paddingLeft: 16 }}
        >
          <Text variant="body-small" color="secondary">
            {consumers.length === 0
              ? 'No consumers left on it.'
              : `${consumers.length} consumer${
                  consumers.length === 1 ? '' : 's'
                } still here:`}
          </Text>
          {consumers.length > 0 && (
            <EntityRefList
              label={`Consumers still on ${entity.metadata.name}`}
              refs={consumers}
              empty=""
            />
          )}
        </Flex>
      </Flex>
    </li>
  );
}

function VersionChain(props: { entity: Entity; now: Date }) {
  const { entity, now } = props;
  const { value: older, loading, error } = useOlderVersions(entity);
  const newer = newerRefs(entity);
  const spec = specOf(entity);

  return (
    <Flex direction="column" gap="2" role="group" aria-label="Version chain">
      <SubHeading>Versions</SubHeading>
      {newer.length > 0 && (
        <Flex align="baseline" gap="2" style={{ flexWrap: 'wrap' }}>
          <Text variant="body-medium">Newer:</Text>
          {newer.map(ref => (
            <EntityRefLink key={ref} entityRef={parseEntityRef(ref)} />
          ))}
        </Flex>
      )}
      <Flex align="baseline" gap="2">
        <Text variant="body-medium">This:</Text>
        <Text variant="body-medium" weight="bold">
          {entity.metadata.name}
        </Text>
        <TextValue
          value={spec.version ? `v${String(spec.version)}` : undefined}
        />
      </Flex>
      {loading && <Skeleton width={240} height={16} />}
      {error && (
        <Text variant="body-medium" color="secondary">
          Could not load the older versions: {error.message}
        </Text>
      )}
      {older && older.length > 0 && (
        <Flex direction="column" gap="1">
          <Text variant="body-medium">Replaces:</Text>
          <PlainList label="Older versions">
            {older.map(version => (
              <OlderVersionItem key={version.ref} version={version} now={now} />
            ))}
          </PlainList>
        </Flex>
      )}
      {!loading && !error && older?.length === 0 && newer.length === 0 && (
        <NothingDeclared>
          No other version: it neither replaces nor is replaced by another
          product.
        </NothingDeclared>
      )}
    </Flex>
  );
}

type MappingRow = FieldMapping & { id: string };

const MAPPING_COLUMNS: ColumnConfig<MappingRow>[] = [
  {
    id: 'from',
    label: 'Old field',
    isRowHeader: true,
    cell: row => <CellText title={String(row.from ?? '')} />,
  },
  {
    id: 'to',
    label: 'New field',
    cell: row => <CellText title={String(row.to ?? '')} />,
  },
  {
    id: 'note',
    label: 'Note',
    cell: row => (
      <Cell>
        <Text
          variant="body-medium"
          color="secondary"
          style={{ whiteSpace: 'normal', wordBreak: 'break-word' }}
        >
          {row.note ? String(row.note) : '—'}
        </Text>
      </Cell>
    ),
  },
];

function MigrationGuideView(props: {
  entity: Entity;
  migration: MigrationGuide;
}) {
  const { entity, migration } = props;
  const mappings = Array.isArray(migration.fieldMapping)
    ? migration.fieldMapping
        .filter(m => m && typeof m === 'object')
        .map((m, index) => ({ ...m, id: `${index}` }))
    : [];
  const queries = Array.isArray(migration.sampleQueries)
    ? migration.sampleQueries.filter(
        (q): q is string => typeof q === 'string' && q.trim() !== '',
      )
    : [];
  const from = fullRef(migration.from, 'dataproduct', entity);

  return (
    <Flex direction="column" gap="3" role="group" aria-label="Migration guide">
      <SubHeading>Migration</SubHeading>
      {from && (
        <Flex align="baseline" gap="1">
          <Text variant="body-medium">From</Text>
          <EntityRefLink entityRef={parseEntityRef(from)} />
        </Flex>
      )}
      {migration.guide && (
        <Flex align="baseline" gap="1">
          <Text variant="body-medium">Guide:</Text>
          {isWebUrl(String(migration.guide)) ? (
            <ExternalLink href={String(migration.guide)}>
              {String(migration.guide)}
            </ExternalLink>
          ) : (
            <TextValue value={String(migration.guide)} />
          )}
        </Flex>
      )}
      {mappings.length > 0 && (
        <div data-testid="field-mapping">
          <Table<MappingRow>
            columnConfig={MAPPING_COLUMNS}
            data={mappings}
            pagination={{ type: 'none' }}
          />
        </div>
      )}
      {queries.length > 0 && (
        <Flex direction="column" gap="2">
          <Text variant="body-medium">Sample queries</Text>
          {queries.map((query, index) => (
            <div key={index} data-testid="sample-query">
              <CodeSnippet
                text={query.replace(/\n+$/, '')}
                language="sql"
                showCopyCodeButton
                wrapLongLines
              />
            </div>
          ))}
        </Flex>
      )}
    </Flex>
  );
}

/**
 * Which version this is, what it replaced and what replaces it, whether it
 * is going away, and how to migrate: field mapping, sample queries, and who
 * still reads the old version.
 */
export function VersionsSection(props: { entity: Entity; now?: Date }) {
  const { entity, now } = props;
  const migration = specOf(entity).migration;
  const hasMigration =
    migration &&
    typeof migration === 'object' &&
    (migration.from ||
      migration.guide ||
      (migration.fieldMapping?.length ?? 0) > 0 ||
      (migration.sampleQueries?.length ?? 0) > 0);

  return (
    <Section
      title="Versions and migration"
      subtitle="What it replaces, what replaces it, and how to move"
    >
      <Flex direction="column" gap="4">
        <LifecycleBanner entity={entity} now={now} />
        <VersionChain entity={entity} now={now ?? new Date()} />
        {hasMigration ? (
          <MigrationGuideView entity={entity} migration={migration} />
        ) : (
          <NothingDeclared>No migration guide declared.</NothingDeclared>
        )}
      </Flex>
    </Section>
  );
}
