/** REF resolution with the user-facing error: unknown or ambiguous REFs are usage errors. */
import type { Roadmap } from '../core/model.js';
import { resolveRef, type Candidate, type RefScope, type Resolution, type Target } from '../core/refs.js';
import { UsageError } from '../errors.js';

function named(candidates: readonly Candidate[], max = 6): string {
  const shown = candidates.slice(0, max).map((c) => `${c.id} "${c.title}"`);
  const more = candidates.length > max ? ` and ${candidates.length - max} more` : '';
  return shown.join(', ') + more;
}

function problem(ref: string, result: Exclude<Resolution, { ok: true }>): string {
  if (result.reason === 'ambiguous') {
    return `"${ref}" matches ${result.candidates.length} items: ${named(result.candidates)}; use an ID`;
  }
  const suggestion = result.candidates.length > 0 ? `; did you mean ${named(result.candidates)}?` : '';
  // Without a letter it can only have been an ID (src/core/refs.ts).
  if (/\d/.test(ref) && !/\p{L}/u.test(ref)) return `no item ${ref.trim()}${suggestion} (see "roadmap list")`;
  return `nothing matches "${ref}"${suggestion} (see "roadmap list")`;
}

/** Every REF, or a UsageError naming each one that failed: all or nothing. */
export function resolveAll(roadmap: Roadmap, refs: readonly string[]): Target[] {
  const targets: Target[] = [];
  const problems: string[] = [];
  for (const ref of refs) {
    const result = resolveRef(roadmap, ref);
    if (result.ok) targets.push(result.target);
    else problems.push(problem(ref, result));
  }
  if (problems.length > 0) throw new UsageError(`${problems.join('; ')}. Nothing was changed.`);
  return targets;
}

export function resolveOrThrow(roadmap: Roadmap, ref: string, scope: RefScope = 'any'): Target {
  const result = resolveRef(roadmap, ref, scope);
  if (!result.ok) throw new UsageError(problem(ref, result));
  return result.target;
}
