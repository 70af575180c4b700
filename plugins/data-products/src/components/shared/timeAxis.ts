import { formatDate } from './format';

const HALF_A_DAY_MS = 12 * 60 * 60 * 1000;

/**
 * Props for a recharts `XAxis` over timestamps from `first` to `last` (ms).
 * A single point gets half a day either side, so it is drawn in the middle
 * rather than on the edge. Props, not a component: recharts only recognises
 * its own `XAxis` as a direct child of the chart.
 */
export function timeAxisProps(first: number, last: number) {
  return {
    dataKey: 't',
    type: 'number' as const,
    scale: 'time' as const,
    domain:
      first === last
        ? [first - HALF_A_DAY_MS, last + HALF_A_DAY_MS]
        : [first, last],
    tickFormatter: (value: number) => formatDate(value),
  };
}
