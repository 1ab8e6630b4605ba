/**
 * A shields.io endpoint badge (https://shields.io/badges/endpoint-badge): put the
 * file in a repository and point `https://img.shields.io/endpoint?url=...` at its
 * raw URL, and a README shows "FastAPI Backend Roadmap | 19/44".
 */
import type { Tally } from '../core/progress.js';
import { clean } from '../core/text.js';

export interface Badge {
  readonly schemaVersion: 1;
  readonly label: string;
  readonly message: string;
  readonly color: string;
}

/** Grey before the first topic, then red through bright green as the share done grows. */
export function badgeColour(t: Tally): string {
  if (t.total > 0 && t.done === t.total) return 'brightgreen';
  if (t.done === 0) return 'lightgrey';
  if (t.percent < 25) return 'red';
  if (t.percent < 50) return 'orange';
  if (t.percent < 75) return 'yellow';
  return 'green';
}

export function renderBadge(title: string, t: Tally): string {
  const badge: Badge = {
    schemaVersion: 1,
    label: clean(title) || 'roadmap',
    message: `${t.done}/${t.total}`,
    color: badgeColour(t),
  };
  return `${JSON.stringify(badge)}\n`;
}
