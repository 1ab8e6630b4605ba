/**
 * Which heading is the roadmap's title (rule 8), and which `#` the first parser
 * took for it. The rule looks at the whole file (the title is the *only* `#`),
 * but a file read a stretch at a time (chunks.ts) is walked before its end is
 * lexed: the walk then goes on a guess, checked once the whole file is seen.
 */
import type { Token, Tokens } from 'marked';
import type { HeadingRole } from './walk.js';
import { cleanTitle, plainText } from './inline.js';
import { isAdminName } from './words.js';

export interface Titled {
  readonly title: string;
  /** The heading that is the title, when it is one. */
  readonly token?: Token;
  readonly rule?: string;
}

const TITLE_HINT = /<!--\s*roadmap:\s*title\s*-->/i;

/**
 * Rule 8: the first `#` heading (unless the file uses several `#` headings for
 * its sections, or it names an admin section such as "Contents"), else an HTML
 * `<h1>`, else the front matter's `title:`, else a lone top-level `##`.
 */
export function findTitle(tokens: readonly Token[], frontTitle: string): Titled {
  const headings = tokens.filter((t): t is Tokens.Heading => t.type === 'heading');
  const hinted = tokens.findIndex((t) => t.type === 'html' && TITLE_HINT.test(t.raw));
  if (hinted >= 0) {
    const heading = tokens.slice(hinted + 1).find((t): t is Tokens.Heading => t.type === 'heading');
    if (heading) return { title: headingText(heading), token: heading };
  }
  const ones = headings.filter((h) => h.depth === 1 && !isAdminName(headingText(h)));
  if (ones.length === 1) return { title: headingText(ones[0]!), token: ones[0]! };
  if (ones.length === 0) {
    for (const token of tokens) {
      if (token.type !== 'html') continue;
      const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(token.raw);
      const text = h1 ? cleanTitle(h1[1]!.replace(/<[^>]+>/g, ' ')) : '';
      if (text !== '') return { title: text, rule: 'title: the HTML <h1>' };
    }
  }
  if (frontTitle !== '') return { title: frontTitle, rule: "title: the front matter's title:" };
  if (headings.some((h) => h.depth === 1)) return { title: '' };
  // A lone `##` names the roadmap but stays a part: keys made under it before this rule keep working.
  const twos = headings.filter((h) => h.depth === 2);
  if (twos.length === 1) return { title: headingText(twos[0]!), rule: 'title: the only ## heading' };
  return { title: '' };
}

export function headingText(heading: Tokens.Heading): string {
  return cleanTitle(plainText(heading.tokens, []));
}

/** Where the title and the keyless `#` are among the file's top-level headings, counted from 0. */
export interface TitlePlaces {
  readonly title?: number;
  readonly keyless?: number;
}

/**
 * Sees the file's top-level tokens stretch by stretch, before the walk does,
 * and answers the walk's question about each heading: from known places, or
 * else by a guess (the first `#` that names no admin section is the title).
 * Keeps only what findTitle reads (the `#` and `##` headings, the HTML that
 * holds a hint or an `<h1>`, the heading after a hint), so that `settle` can
 * tell, at the end, whether the guess was right, and where the title really is.
 */
export class TitleFinder {
  private readonly kept: Token[] = [];
  private readonly roles = new Map<Token, HeadingRole>();
  private readonly places = new Map<Token, number>();
  private headings = 0;
  private afterHint = false;
  private firstOne: Token | undefined;
  private guessed: Token | undefined;

  constructor(private readonly known?: TitlePlaces) {}

  see(tokens: readonly Token[]): void {
    for (const token of tokens) {
      if (token.type === 'html' && (TITLE_HINT.test(token.raw) || /<h1/i.test(token.raw))) {
        this.kept.push(token);
        if (TITLE_HINT.test(token.raw)) this.afterHint = true;
      }
      if (token.type !== 'heading') continue;
      const heading = token as Tokens.Heading;
      const place = this.headings++;
      if (heading.depth <= 2 || this.afterHint) {
        this.kept.push(heading);
        this.places.set(heading, place);
      }
      this.afterHint = false;
      if (this.known) {
        if (place === this.known.title) this.roles.set(heading, 'title');
        else if (place === this.known.keyless) this.roles.set(heading, 'keyless');
        continue;
      }
      if (heading.depth !== 1) continue;
      if (!this.guessed && !isAdminName(headingText(heading))) {
        this.guessed = heading;
        this.roles.set(heading, 'title');
      } else if (!this.firstOne) this.roles.set(heading, 'keyless');
      this.firstOne ??= heading;
    }
  }

  readonly roleOf = (heading: Tokens.Heading): HeadingRole => this.roles.get(heading);

  /**
   * The title, once every stretch was seen, and whether the walk went by the
   * right roles; when it did not, `places` says where they are for a second walk.
   */
  settle(frontTitle: string): { titled: Titled; right: boolean; places: TitlePlaces } {
    const titled = findTitle(this.kept, frontTitle);
    const firstOne = this.kept.find((t): t is Tokens.Heading => t.type === 'heading' && t.depth === 1);
    const keyless = firstOne && firstOne !== titled.token ? firstOne : undefined;
    const places: TitlePlaces = {
      ...(titled.token ? { title: this.places.get(titled.token)! } : {}),
      ...(keyless ? { keyless: this.places.get(keyless)! } : {}),
    };
    const right = this.known !== undefined || this.guessed === titled.token;
    return { titled, right, places };
  }
}
