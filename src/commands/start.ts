/** `roadmap start REF...` */
import { setStatusCommand } from './set-status.js';

export const startCommand = setStatusCommand({
  name: 'start',
  status: 'doing',
  summary: 'mark topics, sections, parts or projects started: next offers them first (all REFs or none)',
  examples: ['roadmap start 2.3.1', 'roadmap start pydantic', 'roadmap start p2'],
  help: 'Starting a section or part starts its topics that are not done; done topics stay done.',
});
