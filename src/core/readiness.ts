/** How ready the learner is for each suggested project. */
import { own } from './dict.js';
import type { Item, Project, Roadmap, Status } from './model.js';
import { statusOf, tally, type Progress, type Tally } from './progress.js';
import { indexById } from './tree.js';

export interface ProjectReadiness {
  readonly project: Project;
  /** The sections it draws on; empty when its words match no title (then it draws on everything). */
  readonly sections: readonly Item[];
  /** Progress over those sections' topics: the readiness. */
  readonly tally: Tally;
  readonly status: Status;
}

export function projectReadiness(roadmap: Roadmap, progress: Progress): ProjectReadiness[] {
  const index = indexById(roadmap);
  return roadmap.projects.map((project) => {
    const sections = (own(roadmap.projectSections, project.id) ?? []).map((id) => index.get(id)!.item);
    return {
      project,
      sections,
      tally: tally(sections.length > 0 ? sections : roadmap.parts, progress),
      status: statusOf(progress, project.key),
    };
  });
}

/** The most ready project not yet done; the earlier one on a tie. */
export function recommendProject(list: readonly ProjectReadiness[]): ProjectReadiness | undefined {
  let best: ProjectReadiness | undefined;
  for (const entry of list) {
    if (entry.status === 'done' || entry.status === 'skipped') continue;
    if (!best || entry.tally.done / (entry.tally.total || 1) > best.tally.done / (best.tally.total || 1)) best = entry;
  }
  return best;
}
