/** The bundled roadmap, parsed once for the unit tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRoadmap } from '../../src/core/parse.js';
import { repoRoot } from '../helpers/cli.js';

export const bundled = parseRoadmap(readFileSync(join(repoRoot, 'data/roadmap.md'), 'utf8'));
