import { formatDateTime, formatLag } from './format';

/**
 * Props for a recharts `YAxis` of durations (ms) from 0 to a little above
 * `highest`, so a line or a promise at the top stays in view. Props, not a
 * component: recharts only recognises its own axes as children of a chart.
 */
export function durationAxisProps(highest: number) {
  return {
    domain: [0, highest > 0 ? Math.ceil(highest * 1.15) : 1],
    tickFormatter: (value: number) => formatLag(value),
    width: 72,
  };
}

/** Props for the `Tooltip` of a duration-over-time chart. */
export function durationTooltipProps() {
  return {
    labelFormatter: (value: unknown) => formatDateTime(value as number),
    formatter: (value: unknown) =>
      typeof value === 'number' ? formatLag(value) : 'not measured',
  };
}

/** Props for a dashed `ReferenceLine` marking a promised duration. */
export function durationLineProps(ms: number, label: string, color: string) {
  return {
    y: ms,
    stroke: color,
    strokeDasharray: '6 4',
    label: {
      value: `${label} ${formatLag(ms)}`,
      position: 'insideTopLeft' as const,
      fill: color,
      fontSize: 12,
    },
  };
}
