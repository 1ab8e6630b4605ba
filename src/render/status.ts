import type { NextResult } from '../commands/next.js';
import { clean, placeName, progressText, type Style } from './style.js';

/** One line for prompts and status bars: `3/44 topics, 6% · Part 1: Fundamentals · next 1.2.1`. */
export function renderStatus(result: NextResult, style: Style): string {
  const parts = [progressText(result.tally)];
  const topic = result.topics[0];
  if (topic) {
    const part = topic.where[0];
    // placeName cleans the roadmap's text; colour is added after, so it is never cleaned away.
    if (part) parts.push(placeName(part, 0));
    parts.push(`next ${style.cyan(clean(topic.id))}`);
  } else if (result.tally.skipped > 0) {
    // Not "all done": the skipped topics are still there to come back to.
    parts.push(style.yellow(`nothing left but ${result.tally.skipped} skipped`));
  } else {
    parts.push(style.green('all done'));
  }
  return `${parts.join(' · ')}\n`;
}

/** The fields of `roadmap status --format`, each with what it gives. */
export const STATUS_FIELDS = {
  done: 'topics done',
  total: 'topics in the roadmap',
  percent: 'whole percent done',
  part: 'the title of the part the next topic is in',
  part_id: 'that part’s ID',
  next: 'the next topic’s ID',
  next_title: 'the next topic’s title',
  stage: 'the learning-path stage of the next topic (number)',
  stage_title: 'that stage’s title',
} as const;

export type StatusField = keyof typeof STATUS_FIELDS;

/** `{name}` fields a template uses that do not exist. */
export function unknownStatusFields(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter((name) => !Object.hasOwn(STATUS_FIELDS, name));
}

/** A template with its fields filled in: plain text (no colour), for PS1 and tmux. Empty when a field has no value. */
export function formatStatus(result: NextResult, template: string): string {
  const topic = result.topics[0];
  const part = topic?.where[0];
  const values: Record<StatusField, string> = {
    done: String(result.tally.done),
    total: String(result.tally.total),
    percent: String(result.tally.percent),
    part: part?.title ?? '',
    part_id: part?.id ?? '',
    next: topic?.id ?? '',
    next_title: topic?.title ?? '',
    stage: topic?.stage ? String(topic.stage.number) : '',
    stage_title: topic?.stage?.title ?? '',
  };
  return `${template.replace(/\{(\w+)\}/g, (_, name: string) => clean(values[name as StatusField]))}\n`;
}
