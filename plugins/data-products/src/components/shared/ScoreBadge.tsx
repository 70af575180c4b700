import { Badge } from '@backstage/ui';

const SCORE_COLORS: Record<number, { fg: string; bg: string }> = {
  5: {
    fg: 'var(--bui-fg-positive, #1b5e20)',
    bg: 'var(--bui-positive-bg-subdued, #e8f5e9)',
  },
  4: {
    fg: 'var(--bui-fg-positive, #33691e)',
    bg: 'var(--bui-positive-bg-subdued, #f1f8e9)',
  },
  3: {
    fg: 'var(--bui-fg-warning, #8a5300)',
    bg: 'var(--bui-warning-bg-subdued, #fff4e5)',
  },
  2: {
    fg: 'var(--bui-fg-negative, #b71c1c)',
    bg: 'var(--bui-negative-bg-subdued, #fdecea)',
  },
  1: {
    fg: 'var(--bui-fg-negative, #b71c1c)',
    bg: 'var(--bui-negative-bg-subdued, #fdecea)',
  },
};

/** A score as the backend sent it: 1–5, or null (unknown). */
export function isKnownScore(score: unknown): score is number {
  return typeof score === 'number' && Number.isFinite(score);
}

/**
 * A 1–5 score, or "unknown" in grey when there is no evidence: an unknown is
 * never drawn as a number.
 */
export function ScoreBadge(props: { score: number | null | undefined }) {
  const { score } = props;
  if (!isKnownScore(score)) {
    return (
      <Badge
        size="small"
        data-testid="score"
        data-score="unknown"
        aria-label="Score unknown"
        title="Unknown: there is no evidence to score this yet"
        style={{
          color: 'var(--bui-fg-secondary, #616161)',
          border: '1px dashed currentColor',
          background: 'transparent',
          fontWeight: 700,
        }}
      >
        unknown
      </Badge>
    );
  }
  const colors = SCORE_COLORS[Math.round(score)] ?? SCORE_COLORS[3];
  return (
    <Badge
      size="small"
      data-testid="score"
      data-score={String(score)}
      aria-label={`Score ${score} of 5`}
      style={{
        color: colors.fg,
        backgroundColor: colors.bg,
        border: `1px solid ${colors.fg}`,
        fontWeight: 700,
      }}
    >
      {`${score} / 5`}
    </Badge>
  );
}
