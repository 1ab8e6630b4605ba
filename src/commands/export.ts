/** `export`: the active roadmap's progress as a JSON backup, a markdown checklist, or a picture (SVG, HTML). */
import { finishedPerWeek, standingFinishes } from '../core/activity.js';
import { UTC, type ZoneOffset } from '../core/zone.js';
import { resolve } from 'node:path';
import { backupDocument, type BackupDocument } from '../core/backup.js';
import { renderChecklist } from '../core/checklist.js';
import { roadmapTally, statusOf, tally, withFileMarks } from '../core/progress.js';
import { projectReadiness } from '../core/readiness.js';
import { renderBadge } from '../render/badge.js';
import { jsonText } from '../render/json.js';
import { renderHtml, renderSvg, type Picture } from '../render/picture.js';
import type { Roadmap } from '../core/model.js';
import type { RoadmapState } from '../core/state.js';
import { UsageError } from '../errors.js';
import { visiblePath, writeFileAtomic } from '../io/files.js';
import { savedProgress, type Context } from './context.js';
import { defineCommand, type Invocation } from './spec.js';

const EXPORT_FORMATS = ['json', 'md', 'html', 'svg', 'badge'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Weeks shown in the activity chart. */
export const ACTIVITY_WEEKS = 12;

function exportFormat(format: string): ExportFormat {
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format takes ${EXPORT_FORMATS.join(', ')}, not "${format}"`);
  }
  return format as ExportFormat;
}

/** The format a file name asks for (`progress.md`), if its extension names one. */
function formatOfFileName(path: string): ExportFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  const format = ext === 'markdown' ? 'md' : ext === 'htm' ? 'html' : ext;
  return (EXPORT_FORMATS as readonly (string | undefined)[]).includes(format) ? (format as ExportFormat) : undefined;
}

/** An export: the JSON backup as a document, every other format as text. */
export type Exported =
  | { readonly format: 'json'; readonly document: BackupDocument }
  | { readonly format: Exclude<ExportFormat, 'json'>; readonly text: string };

function exportProgress(ctx: Context, format: ExportFormat): Exported {
  const { state, progress } = savedProgress(ctx);
  const now = ctx.now();
  const exportedAt = now.toISOString();
  const header = { id: ctx.roadmapId, title: ctx.roadmap.title };
  if (format === 'json') return { format, document: backupDocument(header, exportedAt, state) };
  if (format === 'md') return { format, text: renderChecklist(ctx.roadmap, header, exportedAt, state, progress) };
  if (format === 'badge') return { format, text: renderBadge(ctx.roadmap.title, roadmapTally(ctx.roadmap, progress)) };
  const shown = picture(ctx.roadmap, state, now, ctx.zone);
  return { format, text: format === 'svg' ? renderSvg(shown) : renderHtml(shown) };
}

/** The export as text. The JSON backup is indented for people, or on one line (`compact`) for --json. */
const exportText = (exported: Exported, compact: boolean): string =>
  exported.format === 'json' ? jsonText(exported.document, compact ? undefined : 2) : exported.text;

export interface ExportResult {
  readonly exported: Exported;
  /** The file written, as the user named it; undefined when the export went to stdout. */
  readonly written?: string;
}

interface ExportOptions {
  readonly format?: string;
  readonly output?: string;
  readonly force?: boolean;
}

export const exportCommand = defineCommand({
  name: 'export',
  summary: 'write your progress: a JSON backup, a markdown checklist, or a picture (an HTML page or an SVG)',
  options: [
    {
      flags: '--format <format>',
      description: `${EXPORT_FORMATS.join(', ')}: json is a full backup (the default), md a checklist with your marks and notes, html a page with the picture, svg the picture alone, badge a shields.io endpoint badge ("19/44") for a README`,
      choices: EXPORT_FORMATS,
    },
    {
      flags: '-o, --output <file>',
      description:
        'write it to FILE (atomically) instead of stdout ("-" is stdout); FILE.md, .html or .svg choose the format',
    },
    { flags: '--force', description: 'replace FILE when it exists' },
  ],
  examples: [
    'roadmap export > roadmap-backup.json',
    'roadmap export --format md -o progress.md',
    'roadmap export -o roadmap.html && xdg-open roadmap.html',
    'roadmap export --format svg > roadmap.svg',
    'roadmap export --format badge -o badge.json',
  ],
  help:
    'The JSON backup holds every status with its time, the history, notes and reviews;\n' +
    '"roadmap import FILE" merges it (or a markdown export) back.',
  run: async ({ options, output, session }: Invocation<object, ExportOptions>): Promise<ExportResult> => {
    const json = output.mode === 'json';
    const file = options.output === '-' ? undefined : options.output;
    const format = exportFormat(options.format ?? (file && formatOfFileName(file)) ?? 'json');
    // --json means the JSON backup, as one line: never a JSON backup under another format's name.
    if (json && format !== 'json') {
      throw new UsageError(`--json writes the JSON backup, not ${format}; drop --json, or export --format json`);
    }
    const ctx = await session.context();
    const exported = exportProgress(ctx, format);
    // `-o -` is stdout, as for most tools that take an output file.
    if (options.output === undefined || options.output === '-') return { exported };
    const target = resolve(session.io.cwd, options.output);
    if (ctx.store.holds(target)) {
      throw new UsageError(
        `${visiblePath(options.output)} is roadmap's own progress file (or one beside it); export somewhere else (nothing was written)`,
      );
    }
    writeFileAtomic(target, exportText(exported, json), options.force === true);
    return { exported, written: options.output };
  },
  text: (result) =>
    result.written === undefined
      ? exportText(result.exported, false)
      : `Exported your progress (${result.exported.format}) to ${visiblePath(result.written)}.\n`,
  // Without --json the JSON backup is the text output, indented; with it, one line, or nothing when it went to a file.
  json: (result): BackupDocument | undefined =>
    result.written === undefined && result.exported.format === 'json' ? result.exported.document : undefined,
});

/** What the picture shows. */
/** The picture's weeks start at local midnight in `zone` (UTC unless given). */
export function picture(roadmap: Roadmap, state: RoadmapState, now: Date, zone: ZoneOffset = UTC): Picture {
  const progress = withFileMarks(roadmap, state.items);
  const topics = new Set(roadmap.topics.keys);
  return {
    title: roadmap.title,
    exportedAt: now.toISOString(),
    overall: tally(roadmap.parts, progress),
    parts: roadmap.parts.map((part) => ({
      id: part.id,
      title: part.title,
      tally: tally([part], progress),
      sections: part.children
        .filter((s) => s.kind !== 'topic')
        .map((s) => ({ id: s.id, title: s.title, tally: tally([s], progress) })),
    })),
    projects: projectReadiness(roadmap, progress).map((p) => ({
      id: p.project.id,
      title: p.project.title,
      tally: p.tally,
      status: p.status,
    })),
    weeks: finishedPerWeek(
      standingFinishes(state.history, (key) => topics.has(key) && statusOf(progress, key) === 'done'),
      now,
      ACTIVITY_WEEKS,
      () => true,
      zone,
    ),
  };
}
