import type { ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';

/** Width a chart starts at before its container has been measured. */
const INITIAL_WIDTH = 720;

/**
 * A chart that fills the width of its section at a fixed height. It starts
 * at a known size, so it draws where nothing measures layout (server
 * rendering, tests in jsdom) and resizes once ResizeObserver reports.
 */
export function ChartFrame(props: {
  label: string;
  height?: number;
  children: ReactNode;
}) {
  const height = props.height ?? 260;
  return (
    <div
      role="figure"
      aria-label={props.label}
      style={{ width: '100%', height }}
    >
      <ResponsiveContainer
        width="100%"
        height={height}
        initialDimension={{ width: INITIAL_WIDTH, height }}
      >
        {props.children}
      </ResponsiveContainer>
    </div>
  );
}
