/**
 * The progress file. Reads go straight to the file (fast, no conf/ajv on the
 * start-up path of read-only commands); writes go through conf, which writes
 * atomically (temp file + rename). A file this build cannot read is never
 * rewritten: every command stops with its path and how to recover.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  decodeState,
  emptyRoadmapState,
  emptyState,
  StateProblem,
  type RoadmapState,
  type SavedState,
} from '../core/state.js';
import { CliError, ProgressFileError } from '../errors.js';

export const CONFIG_NAME = 'config';

export class ProgressStore {
  readonly file: string;

  constructor(readonly dir: string) {
    this.file = join(dir, `${CONFIG_NAME}.json`);
  }

  /** The whole saved document; an absent file is an empty one. */
  readAll(): SavedState {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
      throw new ProgressFileError(`cannot read the progress file ${this.file}: ${(error as Error).message}`);
    }
    try {
      return decodeState(JSON.parse(text));
    } catch (error) {
      const what = error instanceof StateProblem ? error.message : `is not valid JSON (${(error as Error).message})`;
      throw new ProgressFileError(
        `The progress file ${this.file} ${what}. It was left untouched: fix it, or move it aside to start afresh.`,
      );
    }
  }

  read(roadmapId: string): RoadmapState {
    return this.readAll().roadmaps[roadmapId] ?? emptyRoadmapState();
  }

  /**
   * Read-modify-write of one roadmap's progress. `change` returns the new state,
   * or undefined to write nothing.
   */
  async update(roadmapId: string, change: (current: RoadmapState) => RoadmapState | undefined): Promise<RoadmapState> {
    const all = this.readAll();
    const current = all.roadmaps[roadmapId] ?? emptyRoadmapState();
    const next = change(current);
    if (next === undefined) return current;
    await this.write({ ...all, roadmaps: { ...all.roadmaps, [roadmapId]: next } });
    return next;
  }

  private async write(state: SavedState): Promise<void> {
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      // conf costs ~1x Node's start-up to import, so only commands that write pay for it.
      const { default: Conf } = await import('conf');
      const conf = new Conf<Record<string, unknown>>({
        projectName: 'roadmap',
        projectSuffix: '',
        cwd: this.dir,
        configName: CONFIG_NAME,
        configFileMode: 0o600,
        accessPropertiesByDotNotation: false,
      });
      conf.store = { ...state };
    } catch (error) {
      throw new CliError(`cannot save progress to ${this.file}: ${(error as Error).message}`);
    }
  }
}
