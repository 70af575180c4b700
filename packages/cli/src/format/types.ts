import type { LintReport } from '../lint/types';

/** What a format writes: the report on stdout, diagnostics on stderr. */
export interface FormattedOutput {
  stdout: string;
  stderr: string;
}

export type Formatter = (report: LintReport) => FormattedOutput;

export const FORMATS = ['text', 'json', 'github'] as const;
export type FormatName = (typeof FORMATS)[number];
