/** `roadmap skip REF...` */
import { setStatusCommand } from './set-status.js';

export const skipCommand = setStatusCommand({
  name: 'skip',
  status: 'skipped',
  summary: 'skip topics, sections, parts or projects: next never offers them (undo with "roadmap undone")',
  examples: ['roadmap skip 4.3', 'roadmap skip graphql', 'roadmap undone 4.3'],
  help:
    'Skipped topics still count in the total: the percentage is done / all topics,\n' +
    'and the number skipped is shown beside it. Skipping a section or part leaves its done topics done.',
});
