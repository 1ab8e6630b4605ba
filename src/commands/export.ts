/** `export`: the active roadmap's progress as a JSON backup, a markdown checklist, or a picture (SVG, HTML). */
import { finishedPerWeek, standingFinishes } from '../core/activity.js';
import { backupDocument } from '../core/backup.js';
import { renderChecklist } from '../core/checklist.js';
import { statusOf, tally, withFileMarks } from '../core/progress.js';
import { projectReadiness } from '../core/readiness.js';
import { jsonText } from '../render/json.js';
import { renderHtml, renderSvg, type Picture } from '../render/picture.js';
import type { Roadmap } from '../core/model.js';
import type { RoadmapState } from '../core/state.js';
import { UsageError } from '../errors.js';
import type { Context } from './context.js';

export const EXPORT_FORMATS = ['json', 'md', 'html', 'svg'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Weeks shown in the activity chart. */
export const ACTIVITY_WEEKS = 12;

export function exportFormat(format: string): ExportFormat {
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format takes ${EXPORT_FORMATS.join(', ')}, not "${format}"`);
  }
  return format as ExportFormat;
}

/** The format a file name asks for (`progress.md`), if its extension names one. */
export function formatOfFileName(path: string): ExportFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  const format = ext === 'markdown' ? 'md' : ext === 'htm' ? 'html' : ext;
  return (EXPORT_FORMATS as readonly (string | undefined)[]).includes(format) ? (format as ExportFormat) : undefined;
}

/** The export's text. */
/** The export as text. The JSON backup is indented for people, or on one line (`compact`) for --json. */
export function exportProgress(ctx: Context, format: ExportFormat, options: { compact?: boolean } = {}): string {
  const state = ctx.store.read(ctx.roadmapId);
  const now = ctx.now();
  const exportedAt = now.toISOString();
  const header = { id: ctx.roadmapId, title: ctx.roadmap.title };
  if (format === 'json') return jsonText(backupDocument(header, exportedAt, state), options.compact ? undefined : 2);
  const progress = withFileMarks(ctx.roadmap, state.items);
  if (format === 'md') return renderChecklist(ctx.roadmap, header, exportedAt, state, progress);
  const shown = picture(ctx.roadmap, state, now);
  return format === 'svg' ? renderSvg(shown) : renderHtml(shown);
}

/** What the picture shows. */
export function picture(roadmap: Roadmap, state: RoadmapState, now: Date): Picture {
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
    ),
  };
}
