/** The options every command takes, as data: registered with commander and read by the fast path. */
import type { OptionSpec } from './spec.js';

export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { flags: '--file <path>', description: 'follow this markdown roadmap for this command (or set ROADMAP_FILE)' },
  { flags: '--json', description: 'print one JSON document (see schema/ for its shape); errors as JSON on stderr' },
  { flags: '--no-color', description: 'never colour the output (NO_COLOR and FORCE_COLOR are honoured too)' },
  {
    flags: '--no-input',
    description: 'never ask: no menu, no pick list, no confirmation (as when CI is set or input is not a terminal)',
  },
  { flags: '--no-pager', description: 'print long output straight, not through $PAGER (less -FRX by default)' },
];
