/**
 * `--json`: one document per command, with a schemaVersion, described by the
 * JSON Schema files in schema/. The shapes here are the public contract, kept
 * apart from the handlers' internal results so those can change freely.
 */
import type { DoctorResult } from '../commands/doctor.js';
import type { ImportResult } from '../commands/import.js';
import type { InspectResult } from '../commands/inspect.js';
import type { ListNode, ListResult } from '../commands/list.js';
import type { MarkResult } from '../commands/mark.js';
import type { NextResult } from '../commands/next.js';
import type { NoteResult } from '../commands/note.js';
import type { ProjectDetail, ProjectsResult } from '../commands/project.js';
import type { ReportResult } from '../commands/report.js';
import type { ReviewDoneResult, ReviewItem, ReviewListResult } from '../commands/review.js';
import type { StatsResult } from '../commands/stats.js';
import type { UseResult } from '../commands/use.js';
import type { TopicView } from '../commands/views.js';
import type { Detail } from '../core/model.js';
import type { Tally } from '../core/progress.js';
import type { ProjectReadiness } from '../core/readiness.js';
import { oneDecimal } from '../core/stats.js';
import type { Note } from '../core/state.js';

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

const document = (command: string, body: object): object => ({ schemaVersion: JSON_SCHEMA_VERSION, command, ...body });

export function inspectJson(result: InspectResult): object {
  return document('inspect', {
    file: result.file ?? null,
    title: result.title,
    mode: result.mode,
    topics: result.topics,
    blocks: result.decisions.map((d) => ({ line: d.line, role: d.role, text: d.text, rule: d.rule })),
  });
}

const progress = (t: Tally) => ({
  done: t.done,
  doing: t.doing,
  skipped: t.skipped,
  total: t.total,
  percent: t.percent,
});

const notes = (list: readonly Note[]) => list.map((n) => ({ at: n.at, text: n.text }));

const details = (list: readonly Detail[]) => list.map((d) => ({ label: d.label, value: d.value }));

const topic = (t: TopicView) => ({
  id: t.id,
  title: t.title,
  status: t.status,
  where: t.where.map((w) => ({ id: w.id, title: w.title })),
  stage: t.stage ? { number: t.stage.number, of: t.stage.of, title: t.stage.title } : null,
  links: t.links.map((l) => ({ text: l.text, href: l.href })),
  description: t.description ?? null,
  details: details(t.details),
  notes: notes(t.notes),
});

const project = (p: ProjectReadiness) => ({
  id: p.project.id,
  title: p.project.title,
  status: p.status,
  readiness: progress(p.tally),
  sections: p.sections.map((s) => ({ id: s.id, title: s.title })),
});

export function nextJson(result: NextResult): object {
  return document('next', {
    progress: progress(result.tally),
    topics: result.topics.map(topic),
    recommendedProject: result.project ? project(result.project) : null,
    reviewsDue: result.reviewsDue,
  });
}

export function statusJson(result: NextResult): object {
  const next = result.topics[0];
  return document('status', {
    progress: progress(result.tally),
    part: next?.where[0] ? { id: next.where[0].id, title: next.where[0].title } : null,
    next: next ? { id: next.id, title: next.title } : null,
  });
}

const node = (n: ListNode): object => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  label: n.label ?? null,
  description: n.description ?? null,
  details: details(n.details),
  status: n.status,
  progress: n.tally ? progress(n.tally) : null,
  notes: notes(n.notes),
  children: n.children.map(node),
});

export function listJson(result: ListResult): object {
  const scope = typeof result.title === 'string' ? null : { id: result.title.id, title: result.title.title };
  const title = typeof result.title === 'string' ? result.title : result.title.title;
  return document('list', { title, scope, progress: progress(result.tally), items: result.nodes.map(node) });
}

export function projectsJson(result: ProjectsResult): object {
  return document('project', {
    projects: result.projects.map(project),
    recommended: result.recommended?.project.id ?? null,
  });
}

export function projectDetailJson(detail: ProjectDetail): object {
  return document('project', {
    project: project(detail.entry),
    toLearn: detail.toLearn.map((t) => ({ id: t.id, title: t.title })),
  });
}

/** The command that sets each status. */
const MARK_COMMANDS = { done: 'done', todo: 'undone', doing: 'start', skipped: 'skip' } as const;

/** `command` names the command when it is not the status's own (reset sets "todo", as undone does). */
export function markJson(result: MarkResult, command: string = MARK_COMMANDS[result.status]): object {
  return document(command, {
    changed: result.changed.map((c) => ({ id: c.id, title: c.title, from: c.from, to: result.status })),
    unchanged: result.unchanged.map((u) => ({ id: u.id, title: u.title, status: u.status })),
    progress: progress(result.tally),
    next: result.next.topics[0] ? { id: result.next.topics[0].id, title: result.next.topics[0].title } : null,
  });
}

export function doctorJson(result: DoctorResult): object {
  return document('doctor', {
    file: result.file,
    findings: result.findings.map((f) => ({
      kind: f.kind,
      problem: f.problem,
      text: f.text,
      details: f.details,
      repairable: f.repairable,
      repaired: f.repaired ?? null,
    })),
    remaining: result.remaining,
  });
}

export function useJson(result: UseResult): object {
  return document('use', {
    changed: result.changed,
    title: result.title,
    path: result.path ?? null,
    via: result.via,
    progress: progress(result.tally),
    overridden: result.overridden ?? null,
  });
}

/** An error, on stderr, with the exit code the process ends with. */
export function errorJson(exitCode: number, message: string): object {
  return { schemaVersion: JSON_SCHEMA_VERSION, error: { exitCode, message } };
}

export function reportJson(r: ReportResult): object {
  return document('report', {
    title: r.title,
    from: r.from,
    to: r.to,
    parts: r.parts.map((p) => ({ id: p.id, title: p.title, progress: progress(p.tally) })),
    progress: progress(r.overall),
    finished: r.finished.map((f) => ({ id: f.id, title: f.title, at: f.at })),
    pace: { finished: r.finished.length, weeks: r.weeks, perWeek: r.perWeek },
  });
}

export function noteJson(result: NoteResult): object {
  return document('note', {
    item: { id: result.item.id, kind: result.item.kind, title: result.item.title },
    added: result.added ? { at: result.added.at, text: result.added.text } : null,
    notes: notes(result.notes),
  });
}

export function statsJson(s: StatsResult): object {
  return document('stats', {
    title: s.title,
    now: s.now,
    weeks: s.perWeek.map((w) => ({ start: w.start, end: w.end, finished: w.finished })),
    streak: { days: s.streak.days, since: s.streak.since ?? null },
    pace: { finished: s.pace.finished, weeks: s.pace.weeks, perWeek: oneDecimal(s.pace.perWeek) },
    remaining: s.remaining,
    estimate: s.estimate ? { weeks: oneDecimal(s.estimate.weeks), finishOn: s.estimate.finishOn } : null,
    progress: progress(s.tally),
  });
}

const reviewItem = (r: ReviewItem) => ({
  id: r.id,
  title: r.title,
  finishedAt: r.finishedAt,
  review: r.review,
  of: r.of,
  dueAt: r.dueAt,
});

export function reviewsJson(result: ReviewListResult): object {
  return document('review', {
    due: result.due.map(reviewItem),
    upcoming: result.upcoming.map(reviewItem),
    settled: result.settled,
  });
}

export function reviewDoneJson(result: ReviewDoneResult): object {
  return document('review', {
    reviewed: { id: result.topic.id, title: result.topic.title, at: result.at, review: result.review, of: result.of },
    next: result.next ? { review: result.next.review, dueAt: result.next.dueAt } : null,
  });
}

export function importJson(r: ImportResult): object {
  return document('import', {
    file: r.file,
    format: r.format,
    roadmap: { id: r.from.id, title: r.from.title },
    exportedAt: r.exportedAt,
    dryRun: r.dryRun,
    changedAnything: r.changedAnything,
    changed: r.changed.map((c) => ({ key: c.key, id: c.id ?? null, title: c.title ?? null, from: c.from, to: c.to })),
    added: { records: r.added.records, history: r.added.history, notes: r.added.notes, reviews: r.added.reviews },
    unmatchedLines: r.unmatched,
    keptNewer: r.keptNewer.map((c) => ({
      key: c.key,
      id: c.id ?? null,
      title: c.title ?? null,
      file: c.from,
      kept: c.to,
    })),
    progress: progress(r.tally),
  });
}
