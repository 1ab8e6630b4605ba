// Writes a synthetic roadmap of N topics (parts of sections of bullets), for the benchmark.
import { writeFileSync } from 'node:fs';

export function generateRoadmap(path, topics) {
  const lines = [`# Generated roadmap of ${topics} topics`, ''];
  const perSection = 10;
  const sectionsPerPart = 10;
  let made = 0;
  for (let part = 1; made < topics; part++) {
    lines.push(`## Part ${part}: Subject ${part}`);
    for (let section = 1; section <= sectionsPerPart && made < topics; section++) {
      lines.push(`${section}. **Section ${part}.${section}**:`);
      for (let topic = 1; topic <= perSection && made < topics; topic++, made++) {
        lines.push(`   - Topic ${part}.${section}.${topic}: study [material ${made}](https://example.com/${made}).`);
      }
    }
    lines.push('');
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}
