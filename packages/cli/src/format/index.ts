import { formatGithub } from './github';
import { formatJson } from './json';
import { formatText } from './text';
import type { FormatName, Formatter } from './types';

export { FORMATS } from './types';
export type { FormatName, FormattedOutput, Formatter } from './types';

export const FORMATTERS: Record<FormatName, Formatter> = {
  text: formatText,
  json: formatJson,
  github: formatGithub,
};
