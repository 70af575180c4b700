import { RunProblem } from '@stockroom/plugin-data-products-common';
import { RequestProblem } from '../openapi';

/**
 * Body problems found by the API document, in ingestion's 400 format: the
 * event or run index (`/3/…` of an OpenLineage batch, `/runs/3/…` of a
 * native one) and the field path within it.
 */
export function asRunProblems(problems: RequestProblem[]): RunProblem[] {
  return problems.map(({ path, message }) => {
    const segments = path
      .split('/')
      .slice(1)
      .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const at = segments[0] === 'runs' ? 1 : 0;
    if (/^\d+$/.test(segments[at] ?? '')) {
      return {
        index: Number(segments[at]),
        path: dotted(segments.slice(at + 1)),
        message,
      };
    }
    return { path: dotted(segments), message };
  });
}

function dotted(segments: string[]): string {
  return segments
    .map((segment, i) =>
      /^\d+$/.test(segment) ? `[${segment}]` : `${i ? '.' : ''}${segment}`,
    )
    .join('');
}
