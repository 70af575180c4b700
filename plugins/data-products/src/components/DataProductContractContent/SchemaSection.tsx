import { useMemo, useState } from 'react';
import {
  Cell,
  CellText,
  Flex,
  SearchField,
  Table,
  Text,
  type ColumnConfig,
} from '@backstage/ui';
import type { SchemaField } from '@stockroom/plugin-data-products-common';
import { sentenceCase } from '../shared/categoryLabel';
import type { ContractView } from '../shared/readContract';
import { NothingDeclared, Section } from '../shared/Section';

type FieldRow = SchemaField & { id: string };

const CLASSIFICATION_STYLE: Record<string, { color: string; bg: string }> = {
  pii: {
    color: 'var(--bui-negative-fg-subdued, #b71c1c)',
    bg: 'var(--bui-negative-bg-subdued, #fdecea)',
  },
  confidential: {
    color: 'var(--bui-warning-fg-subdued, #8a5300)',
    bg: 'var(--bui-warning-bg-subdued, #fff4e5)',
  },
};

/** The classification, with PII (and confidential) impossible to miss. */
function ClassificationCell(props: { classification?: string }) {
  const { classification } = props;
  if (!classification) {
    return <CellText title="—" color="secondary" />;
  }
  const style = CLASSIFICATION_STYLE[classification];
  const label = classification === 'pii' ? 'PII' : sentenceCase(classification);
  if (!style) {
    return <CellText title={label} />;
  }
  return (
    <Cell>
      <span
        data-classification={classification}
        title={
          classification === 'pii'
            ? 'Personally identifiable information: access is restricted'
            : undefined
        }
        style={{
          display: 'inline-block',
          padding: '2px 8px',
          borderRadius: 999,
          fontWeight: 700,
          fontSize: '0.75rem',
          letterSpacing: 0.5,
          color: style.color,
          backgroundColor: style.bg,
          border: `1px solid ${style.color}`,
        }}
      >
        {label}
      </span>
    </Cell>
  );
}

const COLUMNS: ColumnConfig<FieldRow>[] = [
  {
    id: 'name',
    label: 'Name',
    isRowHeader: true,
    cell: field => (
      <Cell>
        <code style={{ fontWeight: 700, wordBreak: 'break-word' }}>
          {field.name}
        </code>
      </Cell>
    ),
  },
  {
    id: 'type',
    label: 'Type',
    cell: field => <CellText title={String(field.type ?? '—')} />,
  },
  {
    id: 'description',
    label: 'Description',
    cell: field => (
      <Cell>
        {/* descriptions are the semantics: wrap them, never truncate */}
        <Text
          variant="body-medium"
          color={field.description ? 'primary' : 'secondary'}
          style={{ whiteSpace: 'normal', wordBreak: 'break-word' }}
        >
          {field.description ? String(field.description) : 'no description'}
        </Text>
      </Cell>
    ),
  },
  {
    id: 'key',
    label: 'Key',
    cell: field =>
      field.key && field.key !== 'none' ? (
        <CellText title={sentenceCase(field.key)} />
      ) : (
        <CellText title="—" color="secondary" />
      ),
  },
  {
    id: 'required',
    label: 'Required',
    cell: field =>
      field.required ? (
        <CellText title="Required" />
      ) : (
        <CellText title="Optional" color="secondary" />
      ),
  },
  {
    id: 'classification',
    label: 'Classification',
    cell: field => <ClassificationCell classification={field.classification} />,
  },
];

function matches(field: SchemaField, query: string): boolean {
  const q = query.trim().toLocaleLowerCase('en-US');
  if (!q) {
    return true;
  }
  return (
    field.name.toLocaleLowerCase('en-US').includes(q) ||
    (typeof field.description === 'string' &&
      field.description.toLocaleLowerCase('en-US').includes(q))
  );
}

/** "7 fields, 2 PII" */
function schemaSummary(fields: number, pii: number): string | undefined {
  if (fields === 0) {
    return undefined;
  }
  const count = `${fields} field${fields === 1 ? '' : 's'}`;
  return pii > 0 ? `${count}, ${pii} PII` : count;
}

/** The fields a consumer can rely on, searchable by name and description. */
export function SchemaSection(props: { contract: ContractView }) {
  const { schema } = props.contract;
  const [query, setQuery] = useState('');
  const rows = useMemo<FieldRow[]>(
    () =>
      schema
        .filter(field => matches(field, query))
        .map((field, index) => ({ ...field, id: `${index}:${field.name}` })),
    [schema, query],
  );
  const piiCount = schema.filter(f => f.classification === 'pii').length;

  return (
    <Section title="Schema" subtitle={schemaSummary(schema.length, piiCount)}>
      {schema.length === 0 ? (
        <NothingDeclared>No schema declared.</NothingDeclared>
      ) : (
        <Flex direction="column" gap="3">
          <SearchField
            aria-label="Search fields"
            placeholder="Filter by name or description"
            size="small"
            value={query}
            onChange={setQuery}
            style={{ maxWidth: 360 }}
          />
          <Table<FieldRow>
            columnConfig={COLUMNS}
            data={rows}
            pagination={{ type: 'none' }}
            emptyState={
              <Text variant="body-medium" color="secondary">
                No field matches “{query}”.
              </Text>
            }
          />
        </Flex>
      )}
    </Section>
  );
}
