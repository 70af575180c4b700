import { useEffect, useState } from 'react';
import {
  Button,
  Flex,
  SearchField,
  Select,
  Switch,
  Text,
  TextField,
} from '@backstage/ui';
import {
  DATA_PRODUCT_CATEGORIES,
  DATA_PRODUCT_STATES,
} from '@stockroom/plugin-data-products-common';
import type { InventoryQuery } from '../../api';
import { categoryLabel, sentenceCase } from '../shared/categoryLabel';
import type { InventoryFilters as Filters } from './useInventoryUrl';

/** The Select key standing for "no filter". */
const ANY = '__any__';

function options(
  values: readonly string[],
  label: (value: string) => string,
  anyLabel: string,
  current: string | undefined,
) {
  const all = [...values];
  // a value from a shared link that is not in the list (e.g. two values,
  // comma-separated) is shown as written rather than dropped
  if (current && !all.includes(current)) all.push(current);
  return [
    { value: ANY, label: anyLabel },
    ...all.map(value => ({ value, label: label(value) })),
  ];
}

/** The filter value a Select's key stands for: none for "any". */
function chosen(key: unknown): string | undefined {
  return key === ANY || key === null ? undefined : String(key);
}

/**
 * A text filter that applies when the user presses Enter or leaves the
 * field, not on every keystroke (each application is a request and a
 * history entry).
 */
function CommitField(props: {
  label: string;
  value: string | undefined;
  placeholder?: string;
  /** A number field: the draft must read as a number to apply. */
  numeric?: boolean;
  onCommit: (value: string | undefined) => void;
}) {
  const { label, value, placeholder, numeric, onCommit } = props;
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  const trimmed = draft.trim();
  const invalid =
    !!numeric && trimmed !== '' && !Number.isFinite(Number(trimmed));

  const commit = () => {
    if (invalid) return;
    const next = trimmed === '' ? undefined : trimmed;
    if (next !== (value ?? undefined)) onCommit(next);
  };

  return (
    <TextField
      label={label}
      size="small"
      value={draft}
      placeholder={placeholder}
      inputMode={numeric ? 'decimal' : undefined}
      isInvalid={invalid}
      description={invalid ? 'Enter a number' : undefined}
      onChange={setDraft}
      onBlur={commit}
      onKeyDown={event => {
        if (event.key === 'Enter') commit();
      }}
      style={{ width: numeric ? 140 : 200 }}
    />
  );
}

function numberOrUndefined(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

/** True when any filter (not the sort or the page) is set. */
export function hasFilters(query: InventoryQuery): boolean {
  const { sort: _s, order: _o, limit: _l, cursor: _c, ...filters } = query;
  return Object.keys(filters).length > 0;
}

/**
 * Every filter of the inventory API. Each change goes to the URL (see
 * `useInventoryUrl`), which the page reads its request from.
 */
export function InventoryFilters(props: {
  query: InventoryQuery;
  onChange: (patch: Partial<Filters>) => void;
  onClear: () => void;
}) {
  const { query, onChange, onClear } = props;
  const [q, setQ] = useState(query.q ?? '');
  useEffect(() => setQ(query.q ?? ''), [query.q]);

  return (
    <Flex direction="column" gap="3">
      <Flex gap="3" align="end" style={{ flexWrap: 'wrap' }}>
        <SearchField
          label="Search"
          aria-label="Search data products"
          placeholder="Name, title, description…"
          size="small"
          value={q}
          onChange={setQ}
          onSubmit={value => onChange({ q: value.trim() || undefined })}
          onClear={() => onChange({ q: undefined })}
          onBlur={() => {
            if ((q.trim() || undefined) !== query.q) {
              onChange({ q: q.trim() || undefined });
            }
          }}
          style={{ width: 260 }}
        />
        <Select
          label="Category"
          size="small"
          options={options(
            DATA_PRODUCT_CATEGORIES,
            categoryLabel,
            'Any category',
            query.category,
          )}
          value={query.category ?? ANY}
          onChange={key => onChange({ category: chosen(key) })}
          style={{ width: 190 }}
        />
        <Select
          label="State"
          size="small"
          options={options(
            DATA_PRODUCT_STATES,
            sentenceCase,
            'Any state',
            query.state,
          )}
          value={query.state ?? ANY}
          onChange={key => onChange({ state: chosen(key) })}
          style={{ width: 160 }}
        />
        <Switch
          label="Breaching now"
          isSelected={query.breaching === true}
          onChange={selected =>
            onChange({ breaching: selected ? true : undefined })
          }
        />
        <Switch
          label="Fragile"
          isSelected={query.fragile === true}
          onChange={selected =>
            onChange({ fragile: selected ? true : undefined })
          }
        />
        <Switch
          label="Tier at risk"
          isSelected={query.tierAtRisk === true}
          onChange={selected =>
            onChange({ tierAtRisk: selected ? true : undefined })
          }
        />
        <Switch
          label="Budget exhausted"
          isSelected={query.budgetExhausted === true}
          onChange={selected =>
            onChange({ budgetExhausted: selected ? true : undefined })
          }
        />
      </Flex>
      <Flex gap="3" align="end" style={{ flexWrap: 'wrap' }}>
        <CommitField
          label="Owner"
          placeholder="group:default/…"
          value={query.owner}
          onCommit={owner => onChange({ owner })}
        />
        <CommitField
          label="Domain"
          value={query.domain}
          onCommit={domain => onChange({ domain })}
        />
        <CommitField
          label="System"
          value={query.system}
          onCommit={system => onChange({ system })}
        />
        <CommitField
          label="Type"
          placeholder="table, view, stream…"
          value={query.type}
          onCommit={type => onChange({ type })}
        />
        <CommitField
          label="Min score"
          numeric
          placeholder="1–5"
          value={query.minScore?.toString()}
          onCommit={value => onChange({ minScore: numberOrUndefined(value) })}
        />
        <CommitField
          label="Max score"
          numeric
          placeholder="1–5"
          value={query.maxScore?.toString()}
          onCommit={value => onChange({ maxScore: numberOrUndefined(value) })}
        />
        <CommitField
          label="Expiring within (days)"
          numeric
          placeholder="e.g. 30"
          value={query.expiringWithinDays?.toString()}
          onCommit={value =>
            onChange({ expiringWithinDays: numberOrUndefined(value) })
          }
        />
        <Button
          variant="tertiary"
          size="small"
          isDisabled={!hasFilters(query)}
          onPress={onClear}
        >
          Clear filters
        </Button>
      </Flex>
      <Text variant="body-x-small" color="secondary">
        Text filters apply on Enter or when you leave the field. Owner, domain
        and system take entity refs (a bare name means the default namespace);
        several values can be given comma-separated.
      </Text>
    </Flex>
  );
}
