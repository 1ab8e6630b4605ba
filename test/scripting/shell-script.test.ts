/**
 * The scripting interface as a shell script uses it: status, report, --json read
 * without jq (node -e), exit codes and completion. CI runs this on Node 20, 22 and 24.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binPath, childEnv, roadmapOnPath } from '../helpers/cli.js';
import { TOTAL, useConfigDir } from '../helpers/bundled-roadmap.js';

const { dir, roadmap } = useConfigDir();

const SCRIPT = `#!/bin/sh
set -u
fail() { echo "FAIL: $*"; exit 1; }

roadmap done 1.1 > /dev/null || fail "done"
[ "$(roadmap status --format '{done}/{total}')" = "2/${TOTAL}" ] || fail "status --format"

next=$(roadmap next --json | node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s).topics[0].id))')
[ "$next" = "1.2.1" ] || fail "next --json gave $next"

roadmap report --format csv | tr -d '\\r' | grep -q '^part,1,Fundamentals,2,6,33,$' || fail "report csv"
roadmap report --format md | grep -q '^| 1. Fundamentals | 2/6 | 33% |$' || fail "report md"

roadmap done nonsense 2> /dev/null
[ $? -eq 2 ] || fail "an unknown REF is not exit 2"
roadmap done nonsense --json 2>&1 >/dev/null | node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => process.exit(JSON.parse(s).error.exitCode === 2 ? 0 : 1))' || fail "JSON error"

for id in $(roadmap list 2 --plain --todo | cut -f1 | grep -E '^2\\.[0-9]+$'); do roadmap done "$id" > /dev/null || fail "done $id"; done
[ "$(roadmap list 2 --plain | head -1 | cut -f2)" = "done" ] || fail "part 2 not done"

completed=$(bash -c 'source <(roadmap completion bash); COMP_WORDS=(roadmap undone 1.1.); COMP_CWORD=2; _roadmap; echo "\${COMPREPLY[*]}"')
[ "$completed" = "1.1.1 1.1.2" ] || fail "completion gave $completed"
echo "all good"
`;

describe('a shell script on the documented interface', () => {
  it('runs end to end', () => {
    const bin = roadmapOnPath(dir());
    const script = join(dir(), 'progress.sh');
    writeFileSync(script, SCRIPT);
    const result = spawnSync('sh', [script], {
      // node for `node -e` is the same runtime the tests run on.
      env: {
        PATH: `${bin}:${join(process.execPath, '..')}:${process.env.PATH}`,
        HOME: dir(),
        ROADMAP_CONFIG_DIR: dir(),
      },
      encoding: 'utf8',
    });
    expect(result.stdout + result.stderr).toContain('all good');
    expect(result.status).toBe(0);
  });
});

describe('the exit code table, one row at a time', () => {
  it('0: success', async () => {
    expect((await roadmap('next')).code).toBe(0);
  });

  it('1: a failure, such as a progress folder that cannot be created', () => {
    const file = join(dir(), 'a-file');
    writeFileSync(file, 'x');
    const result = spawnSync(process.execPath, [binPath, 'done', '1.2'], {
      env: childEnv({ ROADMAP_CONFIG_DIR: join(file, 'roadmap'), HOME: dir() }),
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
  });

  it('2: usage: an unknown command, option or REF', async () => {
    expect((await roadmap('lsit')).code).toBe(2);
    expect((await roadmap('next', '--bogus')).code).toBe(2);
    expect((await roadmap('done', 'nonsense')).code).toBe(2);
  });

  it('3: the progress file cannot be read', async () => {
    writeFileSync(join(dir(), 'config.json'), '{broken');
    expect((await roadmap('next')).code).toBe(3);
  });

  it('4: the roadmap file cannot be used', async () => {
    expect((await roadmap('--file', join(dir(), 'missing.md'), 'next')).code).toBe(4);
  });
});
