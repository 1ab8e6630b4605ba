/** `note`: the learner's own dated notes on a topic, section, part or project: add, show, edit, delete. */
import { dict, withEntry, type Dict } from '../core/dict.js';
import type { ItemKind } from '../core/model.js';
import type { Note } from '../core/state.js';
import { clean } from '../core/text.js';
import { UsageError } from '../errors.js';
import { editNote, readNoteFromStdin } from '../io/note-text.js';
import { document, notesJson, refJson, type DocumentHead, type NoteJson, type RefJson } from '../render/json.js';
import { renderNote } from '../render/note.js';
import type { Context } from './context.js';
import { defineCommand, type Invocation } from './spec.js';
import { transact } from './transaction.js';
import { resolveOrThrow } from './resolve.js';
import { notesOf, refOf, type Ref } from './views.js';

/** Longer than any note a person types: a guard against pasting a whole file by mistake. */
export const MAX_NOTE_LENGTH = 10_000;

/** What this call did to one note; `number` is its place in the list, 1-based, as `note REF` shows it. */
export type NoteChange =
  | { readonly kind: 'added'; readonly number: number; readonly note: Note }
  | { readonly kind: 'edited'; readonly number: number; readonly note: Note; readonly before: Note }
  | { readonly kind: 'unchanged'; readonly number: number; readonly note: Note }
  | { readonly kind: 'deleted'; readonly number: number; readonly note: Note }
  /** The editor was left with no text: nothing was saved. */
  | { readonly kind: 'empty' };

export interface NoteResult {
  readonly item: Ref & { readonly kind: ItemKind | 'project' };
  /** What changed; absent when it only showed the notes. */
  readonly change?: NoteChange;
  /** Every note on the item, oldest first. */
  readonly notes: readonly Note[];
  readonly invocation: string;
}

/** Where the text of a note comes from. */
export type NoteText =
  | { readonly from: 'words'; readonly text: string }
  | { readonly from: 'stdin' }
  /** The learner's editor, starting from the given text. */
  | { readonly from: 'editor' };

/** What to do: show the notes, add one, edit or delete note N. */
export type NoteAction =
  | { readonly kind: 'show' }
  | { readonly kind: 'add'; readonly text: NoteText }
  | { readonly kind: 'edit'; readonly number: number; readonly text: NoteText }
  | { readonly kind: 'delete'; readonly number: number };

/** A note's text as it is kept: as written, without the blank lines and spaces around it. */
function checkedText(text: string): string {
  const trimmed = text.trim();
  // Saved as typed (output cleans it), but a note of nothing the terminal would show is no note.
  if (clean(trimmed.replace(/\s+/g, '')) === '')
    throw new UsageError('a note needs some text: roadmap note REF "what you want to remember"');
  if (trimmed.length > MAX_NOTE_LENGTH) {
    throw new UsageError(`a note holds at most ${MAX_NOTE_LENGTH} characters; this one has ${trimmed.length}`);
  }
  return trimmed;
}

/** The text the learner gave, read from where it comes; undefined when the editor was left empty. */
function textOf(source: NoteText, env: NodeJS.ProcessEnv, before = ''): string | undefined {
  if (source.from === 'words') return checkedText(source.text);
  const text = source.from === 'stdin' ? readNoteFromStdin() : editNote(before === '' ? '' : `${before}\n`, env);
  if (source.from === 'editor' && text.trim() === '') return undefined;
  return checkedText(text);
}

/** Note `number` of the item's notes, or a usage error that says which numbers there are. */
function noteAt(notes: readonly Note[], number: number, item: Ref, invocation: string): Note {
  const found = notes[number - 1];
  if (found) return found;
  const has = notes.length === 0 ? 'has no notes' : `has ${notes.length === 1 ? '1 note' : `${notes.length} notes`}`;
  throw new UsageError(`${item.id} ${has}, so there is no note ${number} (see "${invocation} note ${item.id}")`);
}

const withNotes = (notes: Dict<readonly Note[]>, key: string, list: readonly Note[]): Dict<readonly Note[]> =>
  list.length > 0 ? withEntry(notes, key, list) : dict(Object.entries(notes).filter(([k]) => k !== key));

export async function note(
  ctx: Context,
  ref: string,
  action: NoteAction,
  env: NodeJS.ProcessEnv = {},
): Promise<NoteResult> {
  const target = resolveOrThrow(ctx.roadmap, ref);
  const named = target.type === 'project' ? target.project : target.item;
  const item = { ...refOf(named), kind: target.type === 'project' ? ('project' as const) : target.item.kind };
  const { key } = named;
  const result = (change: NoteChange | undefined, notes: readonly Note[]): NoteResult => ({
    item,
    ...(change ? { change } : {}),
    notes,
    invocation: ctx.invocation,
  });
  const saved = (): readonly Note[] => notesOf(ctx.store.read(ctx.roadmapId).notes, key);
  if (action.kind === 'show') return result(undefined, saved());

  // The text is asked for before the lock is taken: an editor may stay open for minutes.
  const before = action.kind === 'edit' ? noteAt(saved(), action.number, item, ctx.invocation).text : '';
  const text = action.kind === 'delete' ? '' : textOf(action.text, env, before);
  if (text === undefined) return result({ kind: 'empty' }, saved());

  const { state, result: change } = await transact(ctx, (current) => {
    const notes = notesOf(current.notes, key);
    if (action.kind === 'add') {
      const added: Note = { at: ctx.now().toISOString(), text };
      const list = [...notes, added];
      return {
        state: { ...current, notes: withNotes(current.notes, key, list) },
        result: changeOf('added', list.length, added),
      };
    }
    const old = noteAt(notes, action.number, item, ctx.invocation);
    const rest = notes.filter((_, i) => i !== action.number - 1);
    if (action.kind === 'delete') {
      return {
        state: { ...current, notes: withNotes(current.notes, key, rest) },
        result: changeOf('deleted', action.number, old),
      };
    }
    if (old.text === text) return { result: changeOf('unchanged', action.number, old) };
    // An edit keeps the note's date and place: it is the same note, worded better.
    const edited: Note = { at: old.at, text };
    const list = notes.map((n, i) => (i === action.number - 1 ? edited : n));
    return {
      state: { ...current, notes: withNotes(current.notes, key, list) },
      result: { kind: 'edited', number: action.number, note: edited, before: old } satisfies NoteChange,
    };
  });
  return result(change, notesOf(state.notes, key));
}

const changeOf = (kind: 'added' | 'deleted' | 'unchanged', number: number, n: Note): NoteChange => ({
  kind,
  number,
  note: n,
});

export interface NumberedNoteJson {
  readonly number: number;
  readonly note: NoteJson;
}

export interface NoteDocument extends DocumentHead<'note'> {
  readonly item: RefJson & { readonly kind: ItemKind | 'project' };
  readonly added: NoteJson | null;
  /** The note as it reads now, after --edit N (unchanged text included). */
  readonly edited: NumberedNoteJson | null;
  /** The note --delete N removed, as it was. */
  readonly deleted: NumberedNoteJson | null;
  readonly notes: NoteJson[];
}

function noteJson(result: NoteResult): NoteDocument {
  const { change } = result;
  const numbered = (kinds: readonly NoteChange['kind'][]): NumberedNoteJson | null =>
    change && change.kind !== 'empty' && kinds.includes(change.kind)
      ? { number: change.number, note: notesJson([change.note])[0]! }
      : null;
  return document('note', {
    item: { ...refJson(result.item), kind: result.item.kind },
    added: change?.kind === 'added' ? notesJson([change.note])[0]! : null,
    edited: numbered(['edited', 'unchanged']),
    deleted: numbered(['deleted']),
    notes: notesJson(result.notes),
  });
}

interface NoteOptions {
  readonly edit?: number;
  readonly delete?: number;
}

/** What the command line asks for; the editor only where a person can use it (`interactive`). */
export function noteAction(words: readonly string[], options: NoteOptions, interactive: boolean): NoteAction {
  const given = words.join(' ');
  const text: NoteText | undefined =
    words.length === 1 && words[0] === '-'
      ? { from: 'stdin' }
      : words.length > 0
        ? { from: 'words', text: given }
        : interactive
          ? { from: 'editor' }
          : undefined;
  if (options.edit !== undefined && options.delete !== undefined) {
    throw new UsageError('--edit and --delete cannot be used together: one note at a time');
  }
  if (options.delete !== undefined) {
    if (words.length > 0) throw new UsageError(`--delete ${options.delete} takes no text`);
    return { kind: 'delete', number: options.delete };
  }
  if (options.edit !== undefined) {
    if (!text) {
      throw new UsageError(
        `--edit ${options.edit} needs the new text: roadmap note REF --edit ${options.edit} "new text" (or - to read it from standard input)`,
      );
    }
    return { kind: 'edit', number: options.edit, text };
  }
  return text ? { kind: 'add', text } : { kind: 'show' };
}

export const noteCommand = defineCommand({
  name: 'note',
  summary: 'add a dated note to a topic (or section, part, project); without text, show its notes',
  args: [
    { name: 'ref', description: 'an ID (1.1.1, 2.3, p2), a slug or part of a title', required: true },
    { name: 'text', description: 'the note (quotes are optional); - reads it from standard input', variadic: true },
  ],
  options: [
    { flags: '--edit <n>', description: 'replace note N (as "roadmap note REF" numbers them)', count: {} },
    { flags: '--delete <n>', description: 'delete note N', count: {} },
  ],
  examples: [
    'roadmap note 2.3.1 "Depends() caches per request"',
    'roadmap note 2.3.1',
    'roadmap note 2.3.1 --edit 1 "Depends() caches per request, not per app"',
    'roadmap note 2.3.1 --delete 1',
    'roadmap list --notes',
    'roadmap note p2 --json',
  ],
  help:
    'Without text at a terminal, your editor opens for the note ($VISUAL, then $EDITOR, then vi),\n' +
    'with --edit N on the note as it reads; in a script, without text, the notes are shown.\n' +
    'A note can have several lines: echo "line one\\nline two" | roadmap note 2.3.1 -\n' +
    'Notes show under the topic in "roadmap next", "roadmap show" and "roadmap list --notes".',
  run: async ({
    args,
    options,
    session,
    prompter,
  }: Invocation<{ readonly ref: string; readonly text: readonly string[] }, NoteOptions>) => {
    const action = noteAction(args.text, options, prompter() !== undefined);
    return note(await session.context(), args.ref, action, session.io.env);
  },
  text: (result, { style, zone }) => renderNote(result, style, zone),
  json: noteJson,
});
