/**
 * marked's lexer, one stretch of the file at a time: all the tokens of a
 * 100,000-topic file at once take 250 MB, a stretch's only what it holds.
 *
 * The file is cut before a line that starts a heading at the left margin
 * (`# …`), where marked starts a new top-level block whatever came before,
 * so each stretch lexes to exactly the tokens the whole file gives there.
 * A cut is only made where the lexer agrees: the stretch is lexed with that
 * heading line after it, and the cut stands only if the line came out as a
 * heading of its own (not code in an open fence, not the inside of an HTML
 * comment...). Otherwise the stretch runs on to a later heading line.
 *
 * What marked shares across the whole file is the reference links
 * (`[x]: url`, usable anywhere, even above the definition): when the file may
 * define any, they are gathered first, by a pass of block lexing alone, and
 * every stretch is lexed knowing all of them.
 */
import { Lexer, type Links, type TokensList } from 'marked';

/** A stretch of this many characters at least (the last one may be shorter). */
export const CHUNK_CHARS = 128 * 1024;

const HEADING_LINE = /^#{1,6}(?:[ \t]|$)/gm;

/**
 * The file's top-level tokens, one stretch of at least `minChars` at a time,
 * in order; `lex` lexes a stretch knowing the file's reference links (see
 * lexWithLinks). With `minChars: Infinity` the whole file is one stretch.
 */
export function* lexInChunks(
  source: string,
  minChars: number,
  lex: (text: string, links: Links) => TokensList,
): Generator<TokensList> {
  const links = minChars < source.length && source.includes(']:') ? linksOf(source, minChars) : {};
  yield* chunks(source, minChars, (text) => lex(text, links));
}

/** marked's lexer, with these reference links known from the start (it keeps the first definition of a label). */
export function lexWithLinks(text: string, links: Links): TokensList {
  const lexer = new Lexer();
  Object.assign(lexer.tokens.links, links);
  return lexer.lex(text);
}

/** Every reference link the file defines, first definition first: what one lexer of the whole file knows. */
function linksOf(source: string, minChars: number): Links {
  const links = Object.create(null) as Links;
  // Definitions are blocks: lexing the blocks (not their inline text) finds them all.
  const blocks = (text: string): TokensList => {
    const lexer = new Lexer();
    lexer.blockTokens(text, lexer.tokens);
    return lexer.tokens;
  };
  for (const tokens of chunks(source, minChars, blocks)) {
    for (const [label, link] of Object.entries(tokens.links)) if (!(label in links)) links[label] = link;
  }
  return links;
}

function* chunks(source: string, minChars: number, lex: (text: string) => TokensList): Generator<TokensList> {
  let start = 0;
  while (start < source.length) {
    let cut = headingLineFrom(source, start + Math.max(minChars, 1));
    for (;;) {
      if (cut < 0) {
        yield lex(source.slice(start));
        return;
      }
      const lineEnd = source.indexOf('\n', cut);
      const end = lineEnd < 0 ? source.length : lineEnd + 1;
      const tokens = lex(source.slice(start, end));
      const last = tokens[tokens.length - 1];
      if (last?.type === 'heading' && last.raw === source.slice(cut, end)) {
        // The heading is lexed again, with what follows it, as the next stretch's first block.
        tokens.pop();
        yield tokens;
        start = cut;
        break;
      }
      // Not a heading there (inside a fence, an HTML comment...): a stretch twice as long, so retries stay cheap.
      cut = headingLineFrom(source, start + 2 * (end - start));
    }
  }
}

/** Where the first heading line at or after `from` starts, or -1. */
function headingLineFrom(source: string, from: number): number {
  if (from >= source.length) return -1;
  const lineStart = source[from - 1] === '\n' ? from : source.indexOf('\n', from) + 1;
  if (lineStart === 0) return -1;
  HEADING_LINE.lastIndex = lineStart;
  return HEADING_LINE.exec(source)?.index ?? -1;
}
