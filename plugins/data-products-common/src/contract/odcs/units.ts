import { parseDuration } from '../../kind/duration';

/**
 * ODCS writes a duration as a number and a unit (`value: 4, unit: h`; the
 * standard names `d, day, days` as examples), Stockroom as one text with one
 * unit (`4h`). Units are matched case-insensitively; weeks become days since
 * Stockroom durations stop at `d`. Months and years have no fixed length, so
 * they are not durations here.
 */
const UNIT_ALIASES: Record<
  string,
  { unit: 's' | 'm' | 'h' | 'd'; factor: number }
> = {};

function alias(names: string[], unit: 's' | 'm' | 'h' | 'd', factor = 1) {
  for (const name of names) {
    UNIT_ALIASES[name] = { unit, factor };
  }
}
alias(['s', 'sec', 'secs', 'second', 'seconds'], 's');
alias(['m', 'min', 'mins', 'minute', 'minutes'], 'm');
alias(['h', 'hr', 'hrs', 'hour', 'hours'], 'h');
alias(['d', 'day', 'days'], 'd');
alias(['w', 'wk', 'wks', 'week', 'weeks'], 'd', 7);

/** The unit names {@link durationText} accepts, for messages. */
export const DURATION_UNITS_HELP =
  's, m, h, d (or seconds, minutes, hours, days, weeks)';

/**
 * `4` + `h` → `4h`; undefined when the unit is unknown or the amount is not
 * a positive number. The unit the author chose is kept (90 minutes stays
 * `90m`), so a round trip through ODCS gives back the same text.
 */
export function durationText(
  amount: number,
  unitName: string,
): string | undefined {
  const unit = UNIT_ALIASES[unitName.trim().toLowerCase()];
  if (!unit || !(amount > 0)) {
    return undefined;
  }
  const text = `${Number((amount * unit.factor).toPrecision(12))}${unit.unit}`;
  return parseDuration(text) === undefined ? undefined : text;
}

/** `30m` → `{ value: 30, unit: 'm' }`, the ODCS form of a Stockroom duration. */
export function durationParts(
  text: string | undefined,
): { value: number; unit: string } | undefined {
  if (text === undefined || parseDuration(text) === undefined) {
    return undefined;
  }
  return { value: Number(text.slice(0, -1)), unit: text.slice(-1) };
}
