/**
 * `log REF 45m`: record a study session on a topic, so its actual time (and the
 * pace factor `stats` and `plan` use) is what the learner says rather than what
 * the history guesses (src/core/actual-time.ts).
 */
import { own, withEntry } from '../core/dict.js';
import { formatDuration, parseDuration } from '../core/duration.js';
import type { Status } from '../core/model.js';
import { statusOf } from '../core/progress.js';
import { MAX_SESSION_MINUTES, type StudySession } from '../core/state.js';
import { insertByTime } from '../core/journal.js';
import { UsageError } from '../errors.js';
import { document, refJson, type DocumentHead, type RefJson } from '../render/json.js';
import { renderLog } from '../render/log.js';
import { AT_OPTION, recordedAt } from './at.js';
import type { Context } from './context.js';
import { resolveOrThrow } from './resolve.js';
import { defineCommand, type Invocation } from './spec.js';
import { transact } from './transaction.js';
import { refOf, type Ref } from './views.js';

export interface LogResult {
  readonly topic: Ref;
  readonly status: Status;
  /** The session just recorded. */
  readonly session: StudySession;
  /** Every session logged on the topic, this one included, and their minutes added up. */
  readonly sessions: number;
  readonly minutes: number;
}

/** The minutes a session's length stands for, or a usage error that says what is taken. */
export function sessionMinutes(text: string): number {
  const minutes = parseDuration(text);
  if (minutes === undefined) {
    const zero = /^\s*0+(\.0*)?\s*[a-z]*\s*$/i.test(text);
    throw new UsageError(
      zero
        ? `a session takes some time, and "${text}" is none; give its length, such as 45m`
        : `"${text}" is not a length of study time; write it as 45m, 1h30m or 2h`,
    );
  }
  if (minutes > MAX_SESSION_MINUTES) {
    throw new UsageError(
      `one session is at most ${formatDuration(MAX_SESSION_MINUTES)}, not ${formatDuration(minutes)}; log a longer stretch as several sessions`,
    );
  }
  return minutes;
}

/** Records `length` of study on the topic REF names, ended at `when` (now unless given); refuses anything but a topic. */
export async function logSession(ctx: Context, ref: string, length: string, when?: string): Promise<LogResult> {
  const minutes = sessionMinutes(length);
  const target = resolveOrThrow(ctx.roadmap, ref);
  if (target.type === 'project' || target.item.kind !== 'topic') {
    const named = target.type === 'project' ? target.project : target.item;
    const what = target.type === 'project' ? 'a project' : `a ${target.item.kind}`;
    throw new UsageError(
      `log takes one topic; ${named.id} "${named.title}" is ${what}, so log the time on the topic you studied`,
    );
  }
  const topic = target.item;
  const session: StudySession = { at: recordedAt(when, ctx.now()), minutes };
  const { result } = await transact(ctx, (current, progress) => {
    // A backdated session goes where its time puts it: the list stays oldest first.
    const list = insertByTime(own(current.sessions, topic.key) ?? [], [session], (s) => s.at);
    return {
      state: { ...current, sessions: withEntry(current.sessions, topic.key, list) },
      result: {
        topic: refOf(topic),
        status: statusOf(progress, topic.key),
        session,
        sessions: list.length,
        minutes: list.reduce((sum, s) => sum + s.minutes, 0),
      } satisfies LogResult,
    };
  });
  return result;
}

export interface LogDocument extends DocumentHead<'log'> {
  readonly topic: RefJson & { readonly status: Status };
  readonly logged: { readonly at: string; readonly minutes: number };
  /** Every session logged on the topic, this one included. */
  readonly total: { readonly sessions: number; readonly minutes: number };
}

const logJson = (r: LogResult): LogDocument =>
  document('log', {
    topic: { ...refJson(r.topic), status: r.status },
    logged: { at: r.session.at, minutes: r.session.minutes },
    total: { sessions: r.sessions, minutes: r.minutes },
  });

export const logCommand = defineCommand({
  name: 'log',
  summary: 'record a study session on a topic: how long you studied it (45m, 1h30m)',
  args: [
    { name: 'ref', description: 'the topic you studied: an ID (1.1.1), a slug or part of a title', required: true },
    {
      name: 'length',
      description: 'how long: 45m, 1h30m, 2h (at most 24h)',
      required: true,
      missing: (command) => `say how long you studied, such as "roadmap ${command} 1.1.1 45m"`,
    },
  ],
  options: [
    {
      ...AT_OPTION,
      description:
        'when the session ended: a day (2026-11-28, local noon) or a local time (2026-11-28T14:30); not later than now',
    },
  ],
  examples: ['roadmap log 1.1.1 45m', 'roadmap log 1.1.1 1h30m --at 2026-11-28T20:00', 'roadmap log 1.1.1 25m --json'],
  help:
    'A topic with sessions logged counts what you logged as its actual time, in place\n' +
    'of the time measured from when you started and finished it (see docs/time.md):\n' +
    'log every session of a topic, or none. "roadmap undo" takes a session back.',
  run: async ({
    args,
    options,
    session,
  }: Invocation<{ readonly ref: string; readonly length: string }, { readonly at?: string }>) =>
    logSession(await session.context(), args.ref, args.length, options.at),
  text: (result, { style, zone }) => renderLog(result, style, zone),
  json: logJson,
});
