/** Writes a synthetic roadmap of `topics` topics to `path` (see generate.mjs). */
export function generateRoadmap(path: string, topics: number): void;
