/*
 * Reads the replicas' log files: Backstage logs one JSON object per line in
 * production; anything else on stdout/stderr (a stack trace, a crash) is
 * kept as text. Lines after a `### … SIGKILL` marker and before the next
 * start marker cannot exist (the process is dead), so each line belongs to
 * exactly one life of one replica.
 */
import fs from 'node:fs';

export interface LogLine {
  replica: string;
  /** 0 for the first life, 1 after the first restart. */
  life: number;
  time?: Date;
  level?: string;
  plugin?: string;
  message: string;
  raw: string;
}

export function readLog(replica: string, file: string): LogLine[] {
  const lines: LogLine[] = [];
  let life = -1;
  for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!raw.trim()) continue;
    if (raw.startsWith('### replica ')) {
      if (raw.includes(' start ')) life++;
      continue;
    }
    // `<time> <out|err> <line>`, as replicas.ts writes it
    const match = /^(\S+) (out|err) (.*)$/.exec(raw);
    const time = match ? new Date(match[1]) : undefined;
    const text = match ? match[3] : raw;
    try {
      const json = JSON.parse(text);
      lines.push({
        replica,
        life,
        time,
        level: json.level,
        plugin: json.plugin,
        message: String(json.message ?? ''),
        raw: text,
      });
    } catch {
      lines.push({ replica, life, time, message: text, raw: text });
    }
  }
  return lines;
}

/**
 * Text lines that are not errors: Backstage's config loader prints where it
 * loads config from before its logger exists.
 */
const PLAIN_TEXT_NOT_ERRORS = [/^Loading config from MergedConfigSource/];

/**
 * Error lines: level error, or text that is not a log object at all (Node
 * prints crashes and unhandled rejections that way), but for the known
 * start-up line above. Warnings are counted and shown, not failed on.
 */
export function isError(line: LogLine): boolean {
  if (line.level) return line.level === 'error';
  return !PLAIN_TEXT_NOT_ERRORS.some(re => re.test(line.message));
}
