/**
 * `roadmap inspect`: how the parser read the roadmap, block by block, so a
 * learner can see why something is (or is not) a topic and which hint to add.
 */
import type { Decision, Mode } from '../core/parse.js';
import { topicsOf } from '../core/tree.js';
import { inspectRoadmap, type RoadmapChoice } from '../io/roadmap-source.js';
import { document, type DocumentHead } from '../render/json.js';
import { renderInspect } from '../render/inspect.js';
import { defineCommand, type Invocation } from './spec.js';

export interface InspectResult {
  /** The file read; undefined for the bundled roadmap. */
  readonly file?: string;
  readonly title: string;
  /** The kind of item the file's topics were taken from. */
  readonly mode: Mode;
  readonly topics: number;
  /** Every block's fate, in line order. */
  readonly decisions: readonly Decision[];
}

export async function inspect(choice: RoadmapChoice): Promise<InspectResult> {
  const { path, roadmap, trace } = await inspectRoadmap(choice);
  return {
    ...(path === undefined ? {} : { file: path }),
    title: roadmap.title,
    mode: trace.mode ?? 'leaves',
    topics: topicsOf(roadmap.parts).length,
    decisions: trace.decisions,
  };
}

export interface InspectJson extends DocumentHead<'inspect'> {
  readonly file: string | null;
  readonly title: string;
  readonly mode: Mode;
  readonly topics: number;
  readonly blocks: {
    readonly line: number;
    readonly role: Decision['role'];
    readonly text: string;
    readonly rule: string;
  }[];
}

function inspectJson(result: InspectResult): InspectJson {
  return document('inspect', {
    file: result.file ?? null,
    title: result.title,
    mode: result.mode,
    topics: result.topics,
    blocks: result.decisions.map((d) => ({ line: d.line, role: d.role, text: d.text, rule: d.rule })),
  });
}

export const inspectCommand = defineCommand({
  name: 'inspect',
  summary: 'show how the roadmap was read, block by block: topic, resource, description, label or skipped, and why',
  examples: ['roadmap inspect', 'roadmap --file plan.md inspect', 'roadmap --file plan.md inspect --json | jq .blocks'],
  help: 'To change what it read, put a hint on the line before a block: <!-- roadmap: skip -->,\n<!-- roadmap: topics -->, <!-- roadmap: not-topics --> or <!-- roadmap: title --> (see docs/any-roadmap.md, "Hints").',
  run: ({ session }: Invocation<object, object>) => inspect(session.choice(session.store())),
  text: (result, { style }) => renderInspect(result, style),
  json: inspectJson,
});
