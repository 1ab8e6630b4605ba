import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn real processes; give a slow machine room instead of failing.
    testTimeout: 60_000,
    // inquirer draws ASCII markers instead of ❯ ◉ ◯ when TERM is "linux" (a console or a
    // systemd unit); the menu tests read the screen, so they pin an ordinary terminal.
    env: { TERM: 'xterm-256color' },
    hookTimeout: 300_000,
    // Loaded through vitest (per test file) rather than natively (once per worker), so that
    // test/unit/store-failing-disk.test.ts can put a failing disk under conf in every run.
    server: { deps: { inline: [/\/conf\//, /\/atomically\//, /\/stubborn-/] } },
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
  },
});
