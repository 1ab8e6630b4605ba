/** `note`: the learner's own dated notes on a topic, section, part or project. */
import { withEntry } from '../core/dict.js';
import type { ItemKind } from '../core/model.js';
import type { Note } from '../core/state.js';
import { clean } from '../core/text.js';
import { UsageError } from '../errors.js';
import { document, notesJson, refJson, type DocumentHead, type NoteJson, type RefJson } from '../render/json.js';
import { renderNote } from '../render/note.js';
import type { Context } from './context.js';
import { defineCommand, type Invocation } from './spec.js';
import { transact } from './transaction.js';
import { resolveOrThrow } from './resolve.js';
import { notesOf, refOf, type Ref } from './views.js';

/** Longer than any note a person types: a guard against pasting a whole file by mistake. */
export const MAX_NOTE_LENGTH = 10_000;

export interface NoteResult {
  readonly item: Ref & { readonly kind: ItemKind | 'project' };
  /** The note this call added; absent when it only showed the notes. */
  readonly added?: Note;
  /** Every note on the item, oldest first. */
  readonly notes: readonly Note[];
  readonly invocation: string;
}

/** With `text`, adds a note dated now; without, shows the item's notes. */
export async function note(ctx: Context, ref: string, text?: string): Promise<NoteResult> {
  const target = resolveOrThrow(ctx.roadmap, ref);
  const named = target.type === 'project' ? target.project : target.item;
  const item = { ...refOf(named), kind: target.type === 'project' ? ('project' as const) : target.item.kind };
  const { key } = named;
  if (text === undefined) {
    return { item, notes: notesOf(ctx.store.read(ctx.roadmapId).notes, key), invocation: ctx.invocation };
  }
  const trimmed = text.trim();
  // Saved as typed (output cleans it), but a note of nothing the terminal would show is no note.
  if (clean(trimmed.replace(/\s+/g, '')) === '')
    throw new UsageError('a note needs some text: roadmap note REF "what you want to remember"');
  if (trimmed.length > MAX_NOTE_LENGTH) {
    throw new UsageError(`a note holds at most ${MAX_NOTE_LENGTH} characters; this one has ${trimmed.length}`);
  }
  const added: Note = { at: ctx.now().toISOString(), text: trimmed };
  const { state } = await transact(ctx, (current) => ({
    state: { ...current, notes: withEntry(current.notes, key, [...notesOf(current.notes, key), added]) },
    result: added,
  }));
  return { item, added, notes: notesOf(state.notes, key), invocation: ctx.invocation };
}

export interface NoteDocument extends DocumentHead<'note'> {
  readonly item: RefJson & { readonly kind: ItemKind | 'project' };
  readonly added: NoteJson | null;
  readonly notes: NoteJson[];
}

function noteJson(result: NoteResult): NoteDocument {
  return document('note', {
    item: { ...refJson(result.item), kind: result.item.kind },
    added: result.added ? { at: result.added.at, text: result.added.text } : null,
    notes: notesJson(result.notes),
  });
}

export const noteCommand = defineCommand({
  name: 'note',
  summary: 'add a dated note to a topic (or section, part, project); without text, show its notes',
  args: [
    { name: 'ref', description: 'an ID (1.1.1, 2.3, p2), a slug or part of a title', required: true },
    { name: 'text', description: 'the note (quotes are optional)', variadic: true },
  ],
  examples: [
    'roadmap note 2.3.1 "Depends() caches per request"',
    'roadmap note 2.3.1',
    'roadmap list --notes',
    'roadmap note p2 --json',
  ],
  help: 'Notes show under the topic in "roadmap next" and "roadmap list --notes".',
  run: async ({ args, session }: Invocation<{ readonly ref: string; readonly text: readonly string[] }, object>) =>
    note(await session.context(), args.ref, args.text.length === 0 ? undefined : args.text.join(' ')),
  text: (result, { style }) => renderNote(result, style),
  json: noteJson,
});
