import { describe, expect, it } from 'vitest';
import { projectSections, stagesOfParts } from '../../src/core/match.js';
import { nextTopics } from '../../src/core/progress.js';
import { parseRoadmap } from '../../src/core/parse.js';
import { projectReadiness, recommendProject } from '../../src/core/readiness.js';
import { indexById, topicsOf } from '../../src/core/tree.js';
import { bundled } from './bundled.js';

const sectionsOf = (projectId: string): string[] =>
  projectSections(
    bundled,
    bundled.projects.find((p) => p.id === projectId)!,
  ).map((s) => s.id);

describe('the sections each bundled project draws on', () => {
  it('are worked out when the roadmap is parsed', () => {
    for (const project of bundled.projects) expect(bundled.projectSections[project.id]).toEqual(sectionsOf(project.id));
  });

  it('the chat application draws on 4.4 WebSockets alone', () => {
    expect(sectionsOf('p2')).toEqual(['4.4']);
  });

  it('the access-control system draws on all of Part 5', () => {
    expect(sectionsOf('p3')).toEqual(['5.1', '5.2', '5.3']);
  });

  it('the microservices platform draws on 9.4 Microservices', () => {
    expect(sectionsOf('p4')).toContain('9.4');
  });

  it('the REST API draws on 4.1 REST APIs', () => {
    expect(sectionsOf('p1')).toContain('4.1');
  });

  it('every project draws on something, and never on Part 1 fundamentals by accident', () => {
    for (const project of bundled.projects) {
      const ids = sectionsOf(project.id);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.some((id) => id.startsWith('1.'))).toBe(false);
    }
  });
});

describe('learning-path stages', () => {
  it('gives each bundled part the stage whose words match it; unmatched parts follow the part before', () => {
    expect(Object.fromEntries(stagesOfParts(bundled))).toEqual({
      1: 1,
      2: 1,
      3: 2,
      4: 2,
      5: 3,
      6: 3,
      7: 3,
      8: 3,
      9: 4,
    });
  });

  it('orders parts by stage, so a path that starts later in the file is followed', () => {
    const roadmap = parseRoadmap(
      '# T\n## Deployment\n- ship it\n## Basics\n- hello world\n## Learning Path\n1. Learn the basics.\n2. Then deployment.\n',
    );
    expect(nextTopics(roadmap, {}, 2).map((t) => t.id)).toEqual(['2.1', '1.1']);
    expect(roadmap.partStages).toEqual(Object.fromEntries(stagesOfParts(roadmap)));
  });

  it('keeps document order when there is no learning path', () => {
    const roadmap = parseRoadmap('## B\n- x\n## A\n- y\n');
    expect(stagesOfParts(roadmap).size).toBe(0);
    expect(nextTopics(roadmap, {}, 2).map((t) => t.id)).toEqual(['1.1', '2.1']);
  });
});

describe('project readiness', () => {
  const index = indexById(bundled);
  const done = (...ids: string[]) =>
    Object.fromEntries(
      ids.flatMap((id) => topicsOf([index.get(id)!.item])).map((t) => [t.key, { status: 'done' as const, at: 'x' }]),
    );

  it('is the share of done topics in the sections a project draws on', () => {
    const list = projectReadiness(bundled, done('5.1'));
    const p3 = list.find((p) => p.project.id === 'p3')!;
    expect(p3.tally).toMatchObject({ done: 2, total: 4, percent: 50 });
    expect(list.find((p) => p.project.id === 'p2')!.tally.percent).toBe(0);
  });

  it('recommends the most ready unfinished project, the first on a tie', () => {
    expect(recommendProject(projectReadiness(bundled, {}))?.project.id).toBe('p1');
    expect(recommendProject(projectReadiness(bundled, done('4.4')))?.project.id).toBe('p2');
    const p2Built = { ...done('4.4'), [bundled.projects[1]!.key]: { status: 'done' as const, at: 'x' } };
    expect(recommendProject(projectReadiness(bundled, p2Built))?.project.id).not.toBe('p2');
  });

  it('a project whose words match no title draws on the whole roadmap', () => {
    const roadmap = parseRoadmap('## A\n- alpha\n## Projects\n1. Paint a fresco.\n');
    const [entry] = projectReadiness(roadmap, {});
    expect(entry?.sections).toEqual([]);
    expect(entry?.tally.total).toBe(1);
  });
});
