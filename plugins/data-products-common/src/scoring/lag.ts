import { type Timestamp, timestampMs } from './runs';

/**
 * Freshness lag of a successful run, in milliseconds: finishedAt − watermark
 * (how old the newest data was when the run delivered it). A run without a
 * watermark counts from the previous successful run's finish instead — the
 * age the data reached before this refresh. Undefined when neither exists.
 *
 * @public
 */
export function freshnessLagMs(
  run: { finishedAt?: Timestamp; watermark?: Timestamp },
  previousSuccessfulRun?: { finishedAt?: Timestamp },
): number | undefined {
  const finished = timestampMs(run.finishedAt);
  if (Number.isNaN(finished)) {
    return undefined;
  }
  const watermark = timestampMs(run.watermark);
  if (!Number.isNaN(watermark)) {
    return finished - watermark;
  }
  const previous = timestampMs(previousSuccessfulRun?.finishedAt);
  return Number.isNaN(previous) ? undefined : finished - previous;
}
