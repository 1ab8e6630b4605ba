/**
 * Recovering what can be read from a damaged progress file: every record that
 * is still well-formed, whether the file is valid JSON of the wrong shape or a
 * truncated, half-overwritten text.
 */
import type { Status } from './model.js';
import type { StatusChange, StatusRecord } from './progress.js';
import { SCHEMA_VERSION, type RoadmapState, type SavedState } from './state.js';

export interface Salvage {
  readonly state: SavedState;
  /** How many status records were kept. */
  readonly records: number;
}

const STATUSES = new Set<string>(['todo', 'doing', 'done', 'skipped']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const validRecord = (v: unknown): v is StatusRecord =>
  isObject(v) && STATUSES.has(String(v.status)) && typeof v.at === 'string' && !Number.isNaN(Date.parse(v.at));
const validChange = (v: unknown): v is StatusChange =>
  isObject(v) &&
  typeof v.key === 'string' &&
  STATUSES.has(String(v.from)) &&
  STATUSES.has(String(v.to)) &&
  typeof v.at === 'string' &&
  !Number.isNaN(Date.parse(v.at));

export function salvageState(text: string): Salvage {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fromText(text);
  }
  const roadmaps: Record<string, RoadmapState> = {};
  let records = 0;
  if (isObject(data) && isObject(data.roadmaps)) {
    for (const [id, value] of Object.entries(data.roadmaps)) {
      if (!isObject(value)) continue;
      const items = Object.fromEntries(
        Object.entries(isObject(value.items) ? value.items : {})
          .filter(([, record]) => validRecord(record))
          .map(([key, record]) => [key, { status: (record as StatusRecord).status, at: (record as StatusRecord).at }]),
      );
      const history = (Array.isArray(value.history) ? value.history : []).filter(validChange).map((c) => ({
        key: c.key,
        from: c.from,
        to: c.to,
        at: c.at,
      }));
      records += Object.keys(items).length;
      roadmaps[id] = { items, history };
    }
  }
  const settings =
    isObject(data) && isObject(data.settings) && typeof data.settings.roadmap === 'string'
      ? { roadmap: data.settings.roadmap }
      : {};
  return { state: { schemaVersion: SCHEMA_VERSION, settings, roadmaps }, records };
}

/** A JSON string body as text; undefined if its escapes are broken. */
function unescape(body: string): string | undefined {
  try {
    return JSON.parse(`"${body}"`) as string;
  } catch {
    return undefined;
  }
}

/** Not JSON any more (truncated, overwritten): find the records that are still whole. */
function fromText(text: string): Salvage {
  const roadmaps: Record<string, { items: Record<string, StatusRecord>; history: StatusChange[] }> = {};
  const roadmapStart = /"((?:[^"\\]|\\.)*)"\s*:\s*\{\s*"items"\s*:/g;
  const starts = [...text.matchAll(roadmapStart)].map((m) => ({ at: m.index, id: unescape(m[1]!) ?? 'bundled' }));
  const recordPattern =
    /"((?:[^"\\]|\\.)*)"\s*:\s*\{\s*"status"\s*:\s*"(todo|doing|done|skipped)"\s*,\s*"at"\s*:\s*"([^"\\]*)"\s*\}/g;
  let records = 0;
  for (const match of text.matchAll(recordPattern)) {
    const at = match[3]!;
    const key = unescape(match[1]!);
    if (key === undefined || Number.isNaN(Date.parse(at))) continue;
    const owner = starts.filter((s) => s.at < match.index).at(-1)?.id ?? 'bundled';
    roadmaps[owner] ??= { items: {}, history: [] };
    roadmaps[owner].items[key] = { status: match[2] as Status, at };
    records++;
  }
  return { state: { schemaVersion: SCHEMA_VERSION, settings: {}, roadmaps }, records };
}
