/**
 * The JSON backup of one roadmap's progress (`roadmap export --format json`),
 * described by schema/export.schema.json, and the checks that read one back. Pure.
 */
import { isIsoTime } from './time.js';
import type { Incoming } from './merge.js';
import {
  decodeRoadmapState,
  isObject,
  progressData,
  StateProblem,
  type ProgressData,
  type RoadmapState,
} from './state.js';

/** The version of the export format itself (not of the progress file). */
export const EXPORT_VERSION = 1;
export const EXPORT_KIND = 'roadmap-progress';

/** Which roadmap an export holds progress for. */
export interface ExportedRoadmap {
  /** The roadmap's id in the progress file: `bundled`, `title:<slug of its title>`, or for an untitled file `file:<folder>/<file name>` (slugs). */
  readonly id: string;
  readonly title: string;
}

export interface Backup {
  readonly roadmap: ExportedRoadmap;
  readonly exportedAt: string;
  readonly progress: Incoming;
}

/** Why a file cannot be imported. The message completes "cannot import FILE: it ...". */
export class ImportProblem extends Error {}

/** The backup as written: schema/export.schema.json. */
export interface BackupDocument {
  readonly schemaVersion: typeof EXPORT_VERSION;
  readonly kind: typeof EXPORT_KIND;
  readonly roadmap: ExportedRoadmap;
  readonly exportedAt: string;
  readonly progress: ProgressData;
}

export function backupDocument(roadmap: ExportedRoadmap, exportedAt: string, state: RoadmapState): BackupDocument {
  return {
    schemaVersion: EXPORT_VERSION,
    kind: EXPORT_KIND,
    roadmap: { id: roadmap.id, title: roadmap.title },
    exportedAt,
    progress: progressData(state),
  };
}

/** Checks the header every export carries (JSON document or markdown comment): kind and version. */
export function checkHeader(data: Record<string, unknown>, versionField: string): void {
  if (data.kind !== EXPORT_KIND) {
    throw new ImportProblem(`is not a roadmap progress export (it has no "kind": "${EXPORT_KIND}")`);
  }
  const version = data[versionField];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ImportProblem(`has no valid "${versionField}"`);
  }
  if (version > EXPORT_VERSION) {
    throw new ImportProblem(
      `was exported by a newer roadmap (export format ${version}; this one reads ${EXPORT_VERSION}); upgrade roadmap to import it`,
    );
  }
}

export function decodeRoadmapHeader(value: unknown): ExportedRoadmap {
  if (!isObject(value) || typeof value.id !== 'string' || typeof value.title !== 'string') {
    throw new ImportProblem('does not say which roadmap it is for (no "roadmap" with an "id" and a "title")');
  }
  return { id: value.id, title: value.title };
}

export function decodeTime(value: unknown, field: string): string {
  if (!isIsoTime(value)) {
    throw new ImportProblem(`has no valid "${field}" time`);
  }
  return value;
}

/** A parsed JSON document as a backup, every record checked as the progress file's are. */
export function decodeBackup(data: unknown): Backup {
  if (!isObject(data)) throw new ImportProblem('does not hold a JSON object');
  checkHeader(data, 'schemaVersion');
  const roadmap = decodeRoadmapHeader(data.roadmap);
  const exportedAt = decodeTime(data.exportedAt, 'exportedAt');
  let state: RoadmapState;
  try {
    // The journal of changes does not travel in a backup: an import is one change of its own, undone whole.
    const progress = isObject(data.progress) ? { ...data.progress, journal: [] } : data.progress;
    state = decodeRoadmapState(progress, roadmap.id);
  } catch (error) {
    if (error instanceof StateProblem) throw new ImportProblem(error.message);
    throw error;
  }
  return {
    roadmap,
    exportedAt,
    progress: progressData(state),
  };
}

/**
 * The first time in a backup later than `latest` (ms since the epoch), and what
 * it dates: the export itself, or a status, history entry, note or review of a
 * key. The later time wins a merge, so a record dated in the future would
 * override every change made until then, on every import.
 */
export function timeAfter(backup: Backup, latest: number): { readonly what: string; readonly at: string } | undefined {
  const late = (at: string): boolean => Date.parse(at) > latest;
  if (late(backup.exportedAt)) return { what: 'its export', at: backup.exportedAt };
  // A grade's time is also a review's, checked below.
  const { items, history, notes, reviews, sessions } = backup.progress;
  for (const [key, record] of Object.entries(items)) {
    if (late(record.at)) return { what: `the status of ${key}`, at: record.at };
  }
  const change = history.find((c) => late(c.at));
  if (change) return { what: `a change of ${change.key}`, at: change.at };
  for (const [key, list] of Object.entries(notes)) {
    const note = list.find((n) => late(n.at));
    if (note) return { what: `a note on ${key}`, at: note.at };
  }
  for (const [key, times] of Object.entries(reviews)) {
    const at = times.find(late);
    if (at !== undefined) return { what: `a review of ${key}`, at };
  }
  for (const [key, list] of Object.entries(sessions)) {
    const session = list.find((s) => late(s.at));
    if (session) return { what: `a study session on ${key}`, at: session.at };
  }
  return undefined;
}
