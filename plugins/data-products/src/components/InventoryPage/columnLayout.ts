import { DIMENSION_INFO } from '../shared/dimensions';
import { isDimensionColumn, type InventoryColumn } from './inventoryColumns';

/** How a column reads and how wide it is. */
export interface ColumnLayout {
  /** The full name: the chooser's item, the header's tooltip. */
  label: string;
  /** What the header shows when the full name would not fit. */
  abbreviation?: string;
  /**
   * Width in px, padding included. Set in CSS on the header cell (the table
   * is `table-layout: fixed`), so the browser lays the table out once; the
   * name column has none and takes what is left.
   */
  width?: number;
}

/**
 * Dimension headers are abbreviated so seven of them fit; the tooltip (and
 * what a screen reader says) is the full name.
 */
const DIMENSION_ABBREVIATIONS: Record<string, string> = {
  freshness: 'Fresh',
  reliability: 'Rel',
  quality: 'Qual',
  stability: 'Stab',
  contract: 'Contr',
  ownership: 'Own',
  reuse: 'Reuse',
};
const DIMENSION_WIDTH = 96;

/** Room for the product's title, name and links, words kept whole. */
export const NAME_MIN_WIDTH = 240;

const LAYOUT: Record<string, ColumnLayout> = {
  name: { label: 'Name' },
  category: { label: 'Category', width: 130 },
  state: { label: 'State', width: 120 },
  owner: { label: 'Owner', width: 160 },
  tier: { label: 'Freshness tier', abbreviation: 'Tier', width: 120 },
  overall: { label: 'Overall', width: 104 },
  expiresOn: { label: 'Expiry', width: 116 },
  cost: { label: 'Cost', width: 104 },
  consumers: { label: 'Consumers', width: 150 },
  fragile: { label: 'Fragile', width: 104 },
  tierAtRisk: { label: 'Tier at risk', width: 116 },
  budgetExhausted: {
    label: 'Budget exhausted',
    abbreviation: 'Budget',
    width: 116,
  },
};

export function columnLayout(column: InventoryColumn): ColumnLayout {
  if (isDimensionColumn(column)) {
    return {
      label: DIMENSION_INFO[column].label,
      abbreviation: DIMENSION_ABBREVIATIONS[column],
      width: DIMENSION_WIDTH,
    };
  }
  return LAYOUT[column];
}

/** The narrowest the table may get before it scrolls sideways. */
export function tableMinWidth(columns: readonly InventoryColumn[]): number {
  return columns.reduce(
    (sum, column) => sum + (columnLayout(column).width ?? NAME_MIN_WIDTH),
    0,
  );
}
