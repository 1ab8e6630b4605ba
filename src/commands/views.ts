/** Plain-data views of items, shared by the command results (the renderers, text and JSON, shape them for output). */
import { dict, own, type Dict } from '../core/dict.js';
import type { Detail, Item, Roadmap, Status } from '../core/model.js';
import { statusOf, type Progress } from '../core/progress.js';
import type { Note } from '../core/state.js';
import type { Placed } from '../core/tree.js';

export interface Ref {
  readonly id: string;
  /** The stable progress key. */
  readonly key: string;
  readonly title: string;
}

export interface TopicView extends Ref {
  readonly status: Status;
  /** Part, section... down to the topic's parent. */
  readonly where: readonly Ref[];
  readonly stage?: { readonly number: number; readonly of: number; readonly title: string };
  readonly links: Item['links'];
  /** The rest of a long title ("[Name](url) - what it is"). */
  readonly description?: string;
  /** A table row's other cells ("Duration: 10 weeks"). */
  readonly details: readonly Detail[];
  /** The learner's notes on the topic, oldest first. */
  readonly notes: readonly Note[];
}

export const refOf = (item: { id: string; key: string; title: string }): Ref => ({
  id: item.id,
  key: item.key,
  title: item.title,
});

/** The notes saved under a key, oldest first. */
export function notesOf(notes: Dict<readonly Note[]>, key: string): readonly Note[] {
  return own(notes, key) ?? [];
}

export function topicView(
  roadmap: Roadmap,
  placed: Placed,
  progress: Progress,
  notes: Dict<readonly Note[]> = dict(),
): TopicView {
  const part = placed.ancestors[0] ?? placed.item;
  const stageNumber = own(roadmap.partStages, part.id);
  const stage = stageNumber === undefined ? undefined : roadmap.stages[stageNumber - 1];
  return {
    ...refOf(placed.item),
    status: statusOf(progress, placed.item.key),
    where: placed.ancestors.map(refOf),
    ...(stage ? { stage: { number: stage.number, of: roadmap.stages.length, title: stage.title } } : {}),
    links: placed.item.links,
    ...(placed.item.description ? { description: placed.item.description } : {}),
    details: placed.item.details ?? [],
    notes: notesOf(notes, placed.item.key),
  };
}
