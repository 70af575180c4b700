import type { ReactNode } from 'react';
import { Alert } from '@backstage/ui';
import { NoRunsYet } from './NoRunsYet';

/**
 * What stands in for a list of runs that failed to load or holds none, so
 * the breaches list and the lag chart say the same thing in the same words;
 * `undefined` when there are runs to show.
 */
export function runsNotice(runs: {
  items: readonly unknown[];
  error?: Error;
}): ReactNode | undefined {
  if (runs.error) {
    return (
      <Alert
        status="danger"
        icon
        title="Could not load the runs"
        description={runs.error.message}
      />
    );
  }
  if (runs.items.length === 0) return <NoRunsYet />;
  return undefined;
}
