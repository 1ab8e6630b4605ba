/**
 * `--json`: one document per command, with a schemaVersion, described by the
 * JSON Schema files in schema/. Each command's document type and mapper live in
 * its module (src/commands/<name>.ts); the pieces they share are here. The
 * shapes are the public contract, kept apart from the commands' internal
 * results so those can change freely.
 */
import type { TopicView } from '../commands/views.js';
import type { Detail, Status } from '../core/model.js';
import type { Tally } from '../core/progress.js';
import type { ProjectReadiness } from '../core/readiness.js';
import type { Note } from '../core/state.js';
import type { ErrorCode, RefCandidate } from '../errors.js';

export const JSON_SCHEMA_VERSION = 1;

/**
 * JSON text safe for any terminal or log: JSON.stringify escapes control
 * characters below U+0020, and this also escapes DEL, the C1 controls, the
 * line separators and the bidi controls that could reorder what a reader sees.
 * `indent` pretty-prints (for files people keep, such as `export --format json`).
 */
export function jsonText(value: unknown, indent?: number): string {
  return `${JSON.stringify(value, null, indent).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )}\n`;
}

/** What every command's document starts with. */
export interface DocumentHead<C extends string> {
  readonly schemaVersion: typeof JSON_SCHEMA_VERSION;
  readonly command: C;
}

export const document = <C extends string, B extends object>(command: C, body: B): DocumentHead<C> & B => ({
  schemaVersion: JSON_SCHEMA_VERSION,
  command,
  ...body,
});

/** An item, project or stage as every document names it: its ID, its stable progress key, its title. */
export interface RefJson {
  readonly id: string;
  /** The stable progress key: unlike the ID, unchanged when the roadmap is edited elsewhere. */
  readonly key: string;
  readonly title: string;
}

export const refJson = (r: { readonly id: string; readonly key: string; readonly title: string }): RefJson => ({
  id: r.id,
  key: r.key,
  title: r.title,
});

export interface ProgressJson {
  readonly done: number;
  readonly doing: number;
  readonly skipped: number;
  readonly total: number;
  readonly percent: number;
}

export const progressJson = (t: Tally): ProgressJson => ({
  done: t.done,
  doing: t.doing,
  skipped: t.skipped,
  total: t.total,
  percent: t.percent,
});

export interface NoteJson {
  readonly at: string;
  readonly text: string;
}

export const notesJson = (list: readonly Note[]): NoteJson[] => list.map((n) => ({ at: n.at, text: n.text }));

export interface DetailJson {
  readonly label: string;
  readonly value: string;
}

export const detailsJson = (list: readonly Detail[]): DetailJson[] =>
  list.map((d) => ({ label: d.label, value: d.value }));

export interface TopicJson extends RefJson {
  readonly status: Status;
  readonly where: RefJson[];
  readonly stage: { readonly number: number; readonly of: number; readonly title: string } | null;
  readonly links: { readonly text: string; readonly href: string }[];
  readonly description: string | null;
  readonly details: DetailJson[];
  readonly notes: NoteJson[];
}

export const topicJson = (t: TopicView): TopicJson => ({
  ...refJson(t),
  status: t.status,
  where: t.where.map(refJson),
  stage: t.stage ? { number: t.stage.number, of: t.stage.of, title: t.stage.title } : null,
  links: t.links.map((l) => ({ text: l.text, href: l.href })),
  description: t.description ?? null,
  details: detailsJson(t.details),
  notes: notesJson(t.notes),
});

export interface ProjectJson extends RefJson {
  readonly status: Status;
  readonly readiness: ProgressJson;
  readonly sections: RefJson[];
}

export const projectJson = (p: ProjectReadiness): ProjectJson => ({
  ...refJson(p.project),
  status: p.status,
  readiness: progressJson(p.tally),
  sections: p.sections.map(refJson),
});

export interface ErrorJson {
  readonly schemaVersion: typeof JSON_SCHEMA_VERSION;
  readonly error: {
    readonly exitCode: number;
    readonly code: ErrorCode;
    readonly message: string;
    /** For unknown_ref and ambiguous_ref: the items the REF may have meant. */
    readonly candidates?: CandidateJson[];
  };
}

export interface CandidateJson {
  readonly id: string;
  readonly key: string;
  readonly title: string;
}

/** An error, on stderr, with the exit code the process ends with and its stable code. */
export function errorJson(
  exitCode: number,
  code: ErrorCode,
  message: string,
  candidates?: readonly RefCandidate[],
): ErrorJson {
  const list = candidates?.map((c) => ({ id: c.id, key: c.key, title: c.title }));
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    error: { exitCode, code, message, ...(list ? { candidates: list } : {}) },
  };
}
