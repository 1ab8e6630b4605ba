import type { NextResult } from '../commands/next.js';
import { clean, placeName, type Style } from './style.js';

/** One line for prompts and status bars: `3/44 topics (6%) · Part 1: Fundamentals · next 1.2.1`. */
export function renderStatus(result: NextResult, style: Style): string {
  const { done, total, percent } = result.tally;
  const parts = [`${done}/${total} topics (${percent}%)`];
  const topic = result.topics[0];
  if (topic) {
    const part = topic.where[0];
    // placeName cleans the roadmap's text; colour is added after, so it is never cleaned away.
    if (part) parts.push(placeName(part, 0));
    parts.push(`next ${style.cyan(clean(topic.id))}`);
  } else {
    parts.push(style.green('all done'));
  }
  return `${parts.join(' · ')}\n`;
}
