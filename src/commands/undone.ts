/** `roadmap undone REF...` */
import { setStatusCommand } from './set-status.js';

export const undoneCommand = setStatusCommand({
  name: 'undone',
  status: 'todo',
  summary: 'mark topics, sections, parts or projects not done again',
  examples: ['roadmap undone 1.1.2', 'roadmap undone pydantic'],
  fast: true,
});
