/**
 * `config`: the learner's settings, saved with their progress. Alone it lists
 * them; with a NAME it prints that setting's value; with a NAME and a VALUE it
 * changes it ("default" goes back to the default). The one setting today is
 * review-limit: `next` holds back new topics while more reviews are due.
 */
import { DEFAULT_REVIEW_LIMIT } from '../core/review.js';
import type { Settings } from '../core/state.js';
import { UsageError } from '../errors.js';
import type { ProgressStore } from '../io/store.js';
import { document, type DocumentHead } from '../render/json.js';
import { renderConfig } from '../render/config.js';
import { defineCommand, type Invocation } from './spec.js';

/** A setting as the command line names it, and where it lives in the saved settings. */
interface SettingSpec {
  readonly key: 'reviewLimit';
  readonly default: number;
  readonly description: string;
  /** The value typed, as saved; undefined when it is not one. */
  readonly parse: (typed: string) => number | undefined;
  /** What the setting takes, for the error when a value is refused. */
  readonly takes: string;
}

/** The largest review limit taken: beyond it, the limit would never hold anything back anyway. */
const MAX_REVIEW_LIMIT = 100_000;

const SETTINGS: Readonly<Record<string, SettingSpec>> = {
  'review-limit': {
    key: 'reviewLimit',
    default: DEFAULT_REVIEW_LIMIT,
    description: '`next` holds back new topics while more than this many reviews are due',
    parse: (typed) => (/^\d+$/.test(typed) && Number(typed) <= MAX_REVIEW_LIMIT ? Number(typed) : undefined),
    takes: `a whole number of reviews from 0 to ${MAX_REVIEW_LIMIT} (0: hold back whenever a review is due)`,
  },
};

export interface Setting {
  readonly name: string;
  readonly value: number;
  readonly default: number;
  /** Whether the value is the learner's own (saved), rather than the default. */
  readonly set: boolean;
  readonly description: string;
}

export interface ConfigResult {
  /** What was asked: every setting, one setting, or a change. */
  readonly asked: 'list' | 'get' | 'set';
  /** Every setting when listing; otherwise the one named, as it is now. */
  readonly settings: readonly Setting[];
  /** The value before a change (undefined when nothing changed). */
  readonly was?: number;
}

const settingOf = (name: string, spec: SettingSpec, saved: Settings): Setting => ({
  name,
  value: saved[spec.key] ?? spec.default,
  default: spec.default,
  set: saved[spec.key] !== undefined,
  description: spec.description,
});

function specOf(name: string): SettingSpec {
  const spec = Object.hasOwn(SETTINGS, name) ? SETTINGS[name] : undefined;
  if (!spec) {
    throw new UsageError(`there is no setting "${name}"; the settings are ${Object.keys(SETTINGS).join(', ')}`);
  }
  return spec;
}

export async function config(store: ProgressStore, name?: string, typed?: string): Promise<ConfigResult> {
  if (name === undefined) {
    const saved = store.snapshot().settings;
    return { asked: 'list', settings: Object.entries(SETTINGS).map(([n, spec]) => settingOf(n, spec, saved)) };
  }
  const spec = specOf(name);
  if (typed === undefined) return { asked: 'get', settings: [settingOf(name, spec, store.snapshot().settings)] };
  const value = typed === 'default' ? undefined : spec.parse(typed.trim());
  if (value === undefined && typed !== 'default') {
    throw new UsageError(`${name} takes ${spec.takes}, or "default"; not "${typed}"`);
  }
  let was = spec.default;
  const saved = await store.updateAll((all) => {
    was = all.settings[spec.key] ?? spec.default;
    if (all.settings[spec.key] === value) return undefined;
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { [spec.key]: _old, ...others } = all.settings;
    return { ...all, settings: { ...others, ...(value === undefined ? {} : { [spec.key]: value }) } };
  });
  const now = settingOf(name, spec, saved.settings);
  return { asked: 'set', settings: [now], ...(was === now.value ? {} : { was }) };
}

export interface ConfigJson extends DocumentHead<'config'> {
  readonly settings: {
    readonly name: string;
    readonly value: number;
    readonly default: number;
    readonly set: boolean;
    readonly description: string;
  }[];
  /** The change made: null when listing, reading, or setting the value it already had. */
  readonly changed: { readonly name: string; readonly from: number; readonly to: number } | null;
}

function configJson(result: ConfigResult): ConfigJson {
  const [first] = result.settings;
  return document('config', {
    settings: result.settings.map((s) => ({ ...s })),
    changed: result.was !== undefined && first ? { name: first.name, from: result.was, to: first.value } : null,
  });
}

export const configCommand = defineCommand({
  name: 'config',
  summary: 'your settings: list them, print one, or change one (review-limit)',
  args: [
    { name: 'name', description: 'the setting: review-limit' },
    { name: 'value', description: 'its new value, or "default"' },
  ],
  examples: [
    'roadmap config',
    'roadmap config review-limit',
    'roadmap config review-limit 30',
    'roadmap config --json',
  ],
  help:
    'review-limit (default 20): while more reviews are due than this limit,\n' +
    '"roadmap next" shows them first and holds back new topics (started ones\n' +
    'still show), as Anki holds back new cards. 0 holds them back whenever a\n' +
    'review is due. See docs/review.md.',
  run: ({ args, session }: Invocation<{ readonly name?: string; readonly value?: string }, object>) =>
    config(session.store(), args.name, args.value),
  text: (result, { style }) => renderConfig(result, style),
  json: configJson,
});
