/** The links `roadmap open` works with (src/core/links.ts) and how it reads $BROWSER (src/io/opener.ts). */
import { describe, expect, it } from 'vitest';
import { chosenLinks, isRelative, linksUnder, webAddress } from '../../src/core/links.js';
import type { Item, ItemKind, Link } from '../../src/core/model.js';
import { browserCommands, commandLine, openersFor } from '../../src/io/opener.js';

describe('webAddress: only http and https are for a browser', () => {
  it.each([
    ['https://docs.python.org/3/', 'https://docs.python.org/3/'],
    ['HTTP://Example.COM', 'http://example.com/'],
    ['  https://example.com/a b  ', 'https://example.com/a%20b'],
    ['//example.com/x', 'https://example.com/x'],
    ['https://example.com/\u001b[2J', 'https://example.com/%1B[2J'],
    ['https://example.com/?q=a&b=c#top', 'https://example.com/?q=a&b=c#top'],
  ])('%j opens as %j', (href, address) => {
    expect(webAddress(href)).toBe(address);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<b>x</b>',
    'mailto:someone@example.com',
    'notes/recursion.md',
    '#anchor',
    'https://',
    'http://exa mple.com',
    '',
  ])('%j is not opened', (href) => {
    expect(webAddress(href)).toBeUndefined();
  });
});

describe("isRelative: a link into the roadmap file's folder", () => {
  it.each([
    ['notes/recursion.md', true],
    ['../other.md#part-2', true],
    ['#anchor', true],
    ['https://example.com', false],
    ['//example.com', false],
    ['javascript:alert(1)', false],
    ['mailto:a@b.c', false],
    ['', false],
  ])('%j: %s', (href, relative) => {
    expect(isRelative(href)).toBe(relative);
  });
});

const link = (href: string): Link => ({ text: href, href });
const item = (id: string, kind: ItemKind, links: string[], children: Item[] = []): Item => ({
  id,
  kind,
  title: id,
  slug: id,
  key: id,
  line: 1,
  links: links.map(link),
  children,
});

describe('linksUnder and chosenLinks', () => {
  const section = item(
    '1.1',
    'section',
    ['https://a.example/own'],
    [
      item('1.1.1', 'topic', ['javascript:void(0)', 'https://a.example/one']),
      item('1.1.2', 'topic', ['https://a.example/one', 'https://a.example/two']),
    ],
  );

  it("lists an item's own links first, then its children's in document order, each address once", () => {
    expect(linksUnder(section).map((l) => [l.from.id, l.link.href])).toEqual([
      ['1.1', 'https://a.example/own'],
      ['1.1.1', 'javascript:void(0)'],
      ['1.1.1', 'https://a.example/one'],
      ['1.1.2', 'https://a.example/two'],
    ]);
  });

  it('chooses the first web link, passing over one that is not', () => {
    const topic = section.children[0]!;
    expect(chosenLinks(linksUnder(topic), false).map((l) => l.link.href)).toEqual(['https://a.example/one']);
  });

  it('chooses the first link when none is a web link, and every link with all', () => {
    const local = item('2', 'topic', ['notes.md', 'file:///x']);
    expect(chosenLinks(linksUnder(local), false).map((l) => l.link.href)).toEqual(['notes.md']);
    expect(chosenLinks(linksUnder(section), true)).toHaveLength(4);
    expect(chosenLinks([], false)).toEqual([]);
  });
});

describe('$BROWSER', () => {
  it('holds commands separated by ":" (";" on Windows), each split into words, quotes kept together', () => {
    expect(browserCommands('firefox:chromium --new-window', 'linux')).toEqual([
      ['firefox'],
      ['chromium', '--new-window'],
    ]);
    expect(browserCommands(`open -a 'Google Chrome'::`, 'darwin')).toEqual([['open', '-a', 'Google Chrome']]);
    expect(browserCommands('"C:\\Program Files\\Firefox\\firefox.exe";edge', 'win32')).toEqual([
      ['C:\\Program Files\\Firefox\\firefox.exe'],
      ['edge'],
    ]);
  });

  it('puts the address where %s is, or after the command', () => {
    expect(commandLine(['firefox'], 'https://x/')).toEqual(['firefox', 'https://x/']);
    expect(commandLine(['lynx', '-dump', '%s', '--url=%s'], 'https://x/')).toEqual([
      'lynx',
      '-dump',
      'https://x/',
      '--url=https://x/',
    ]);
  });

  it('wins over the platform opener; without it each platform has its own', () => {
    expect(openersFor({ BROWSER: 'w3m' }, 'darwin')).toEqual({
      kind: 'commands',
      from: 'BROWSER',
      commands: [['w3m']],
    });
    expect(openersFor({}, 'darwin')).toEqual({ kind: 'commands', from: 'platform', commands: [['open']] });
    expect(openersFor({}, 'win32')).toMatchObject({ commands: [['rundll32', 'url.dll,FileProtocolHandler']] });
    expect(openersFor({ DISPLAY: ':0' }, 'linux')).toMatchObject({ commands: [['xdg-open']] });
    expect(openersFor({ WAYLAND_DISPLAY: 'wayland-0' }, 'freebsd')).toMatchObject({ commands: [['xdg-open']] });
    expect(openersFor({ BROWSER: '  ' }, 'linux')).toMatchObject({ kind: 'none' });
  });
});
