/** REF resolution with the user-facing error: unknown or ambiguous REFs are usage errors. */
import type { Roadmap } from '../core/model.js';
import { resolveRef, type Candidate, type RefScope, type Resolution, type Target } from '../core/refs.js';
import { RefError } from '../errors.js';

function named(candidates: readonly Candidate[], max = 6): string {
  const shown = candidates.slice(0, max).map((c) => `${c.id} "${c.title}"`);
  const more = candidates.length > max ? ` and ${candidates.length - max} more` : '';
  return shown.join(', ') + more;
}

function problem(ref: string, result: Failure): string {
  if (result.reason === 'ambiguous') {
    return `"${ref}" matches ${result.candidates.length} items: ${named(result.candidates)}; use an ID`;
  }
  const suggestion = result.candidates.length > 0 ? `; did you mean ${named(result.candidates)}?` : '';
  // Without a letter it can only have been an ID (src/core/refs.ts).
  if (/\d/.test(ref) && !/\p{L}/u.test(ref)) return `no item ${ref.trim()}${suggestion} (see "roadmap list")`;
  return `nothing matches "${ref}"${suggestion} (see "roadmap list")`;
}

type Failure = Exclude<Resolution, { ok: true }>;

/**
 * The error for REFs that failed: ambiguous_ref only when every one was
 * ambiguous, and the candidates of all of them, each once.
 */
function refError(message: string, failures: readonly Failure[]): RefError {
  const seen = new Set<string>();
  const candidates = failures.flatMap((f) => f.candidates).filter((c) => !seen.has(c.key) && seen.add(c.key));
  const reason = failures.every((f) => f.reason === 'ambiguous') ? 'ambiguous' : 'unknown';
  return new RefError(message, reason, candidates);
}

/** Every REF, or a RefError naming each one that failed: all or nothing. */
export function resolveAll(roadmap: Roadmap, refs: readonly string[]): Target[] {
  const targets: Target[] = [];
  const problems: string[] = [];
  const failures: Failure[] = [];
  for (const ref of refs) {
    const result = resolveRef(roadmap, ref);
    if (result.ok) targets.push(result.target);
    else {
      problems.push(problem(ref, result));
      failures.push(result);
    }
  }
  if (problems.length > 0) throw refError(`${problems.join('; ')}. Nothing was changed.`, failures);
  return targets;
}

export function resolveOrThrow(roadmap: Roadmap, ref: string, scope: RefScope = 'any'): Target {
  const result = resolveRef(roadmap, ref, scope);
  if (!result.ok) throw refError(problem(ref, result), [result]);
  return result.target;
}
