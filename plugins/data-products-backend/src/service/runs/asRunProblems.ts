import { RunProblem } from '@stockroom/plugin-data-products-common';
import { RequestProblem } from '../openapi';
import { dottedPath, pointerSegments } from '../openapi/jsonPointer';

/**
 * Body problems found by the API document, in ingestion's 400 format: the
 * event or run index (`/3/…` of an OpenLineage batch, `/runs/3/…` of a
 * native one) and the field path within it.
 */
export function asRunProblems(problems: RequestProblem[]): RunProblem[] {
  return problems.map(({ path, message }) => {
    const segments = pointerSegments(path);
    const at = segments[0] === 'runs' ? 1 : 0;
    if (/^\d+$/.test(segments[at] ?? '')) {
      return {
        index: Number(segments[at]),
        path: dottedPath('', segments.slice(at + 1)),
        message,
      };
    }
    return { path: dottedPath('', segments), message };
  });
}
