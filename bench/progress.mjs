// A realistic saved progress for one roadmap, for the benchmark: a few weeks of a learner
// starting, finishing, undoing and skipping topics, with notes and spaced reviews, in the
// progress file's own shape (RoadmapState in src/core/state.ts, schema version 2).
// Deterministic: the same keys and `now` give the same document.

const DAY = 24 * 60 * 60 * 1000;

/** A small seeded generator (mulberry32), so every bench run measures the same file. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOTE_TEXTS = [
  'Re-read the second half, the examples only made sense after trying them.',
  'Good video, but the written guide linked below is faster.',
  'Ask about this at the study group.',
  'Took two evenings. Practice problems 3-7 are the useful ones.',
  'Skimmed it; come back before the project.',
  'Wrote a small script to check my understanding, it is in ~/notes/scratch.',
];

/**
 * `keys`: real topic keys of the roadmap, in roadmap order. Returns { items, history, notes, reviews }
 * with exactly `changes` history entries and `noteCount` notes, dated over the `weeks` before `now`.
 */
export function realisticProgress(keys, { changes = 2000, noteCount = 200, weeks = 4, now = Date.now(), seed = 16 }) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const start = now - weeks * 7 * DAY;
  const step = (now - DAY / 24 - start) / changes;
  const status = new Map();
  const history = [];
  let cursor = 0;
  for (let i = 0; i < changes; i++) {
    const at = new Date(start + (i + rand()) * step).toISOString();
    const done = history.length > 20 && rand() < 0.08 ? [...status].filter(([, s]) => s === 'done') : [];
    let key;
    let to;
    if (done.length > 0) {
      // Now and then a topic is marked not done again.
      key = pick(done)[0];
      to = 'todo';
    } else {
      key = keys[cursor];
      const from = status.get(key) ?? 'todo';
      if (from === 'todo') to = rand() < 0.4 ? 'doing' : rand() < 0.05 ? 'skipped' : 'done';
      else if (from === 'doing') to = 'done';
      else to = 'todo'; // back round a small roadmap: started over
      if (to !== 'doing' && from !== 'done' && from !== 'skipped') cursor = (cursor + 1) % keys.length;
    }
    history.push({ key, from: status.get(key) ?? 'todo', to, at });
    status.set(key, to);
  }
  const items = {};
  for (const entry of history) items[entry.key] = { status: entry.to, at: entry.at };

  const touched = [...new Set(history.map((entry) => entry.key))];
  const notes = {};
  const noteTimes = Array.from({ length: noteCount }, () => start + rand() * (now - start)).sort((a, b) => a - b);
  for (const time of noteTimes) {
    (notes[pick(touched)] ??= []).push({ at: new Date(time).toISOString(), text: pick(NOTE_TEXTS) });
  }

  // Spaced review (7 and 30 days on): finished topics first done long enough ago get their first review
  // (on a small roadmap the history goes round it many times, so no topic stays done a week at a stretch).
  const firstDone = new Map();
  for (const entry of history) if (entry.to === 'done' && !firstDone.has(entry.key)) firstDone.set(entry.key, entry.at);
  const reviews = {};
  for (const [key, item] of Object.entries(items)) {
    const due = Date.parse(firstDone.get(key) ?? item.at) + 7 * DAY;
    if (item.status === 'done' && due < now && rand() < 0.5) {
      reviews[key] = [new Date(due + rand() * Math.min(DAY, now - due)).toISOString()];
    }
  }
  return { items, history, notes, reviews };
}
