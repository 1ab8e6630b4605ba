/** `roadmap done REF...`; alone, at a terminal, a pick list of the part you are on. */
import { UsageError } from '../errors.js';
import { renderStatusChange } from '../render/set-status.js';
import { AT_OPTION } from './at.js';
import { backdate, REFS, setStatus, statusChangeJson, type StatusChangeResult } from './set-status.js';
import { defineCommand, type Invocation } from './spec.js';

export const doneCommand = defineCommand({
  name: 'done',
  summary: 'mark topics, sections, parts or projects done (all REFs or none); alone, pick from a list',
  schema: 'mark',
  args: [{ ...REFS, required: false }],
  options: [AT_OPTION],
  examples: [
    'roadmap done 1.1.1',
    'roadmap done 1.1 1.2',
    'roadmap done dependency-injection',
    'roadmap done p2',
    'roadmap done 1.1.1 --at 2026-11-28',
    'roadmap done            # at a terminal: tick topics of the part you are on',
  ],
  fast: { needsArgs: true },
  /** Undefined when the pick list ran: it said what it saved as it went. */
  run: async ({
    args: { refs },
    options,
    session,
    prompter,
  }: Invocation<{ readonly refs: readonly string[] }, { readonly at?: string }>): Promise<
    StatusChangeResult | undefined
  > => {
    if (refs.length > 0) {
      const ctx = await session.context();
      return setStatus(ctx, refs, 'done', backdate(ctx, options.at));
    }
    if (options.at !== undefined)
      throw new UsageError('--at needs the topics it dates, such as "roadmap done 1.1.1 --at 2026-11-28"');
    const asker = prompter();
    if (!asker) {
      throw new UsageError(
        'name at least one topic, section, part or project, such as "roadmap done 1.1.1" (without one, roadmap asks only at a terminal)',
      );
    }
    const { pickDone } = await import('./menu.js');
    await pickDone(await session.context(), { prompter: asker, out: session.io.out, style: await session.style() });
    return undefined;
  },
  text: (result, { style }) => (result === undefined ? '' : renderStatusChange(result, style)),
  json: (result) => (result === undefined ? undefined : statusChangeJson(result, 'done')),
});
