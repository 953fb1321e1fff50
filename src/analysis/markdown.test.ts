import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { showControls } from './controls.js';
import { md, mdCode, mdDocument, mdRow, mdStrong, mdTable, mdText } from './markdown.js';

// A reader that lets everything through (raw HTML, bare-URL links, any link scheme), so that only the writer defends.
// Bare domains ("example.org") are not linked, as on GitHub; a reader that links them makes only http(s) links (below).
const reader = new MarkdownIt({ html: true, linkify: true });
reader.validateLink = () => true;
reader.linkify.set({ fuzzyLink: false });
type Token = ReturnType<typeof reader.parse>[number];
const fuzzy = new MarkdownIt({ html: true, linkify: true });
fuzzy.validateLink = () => true;

/** What a reader shows for scenario text written through mdText: line breaks flattened, outer space trimmed. */
const shownAs = (s: string) => showControls(s.replace(/\r\n?|[\n\u2028\u2029\v\f]/g, ' ')).trim();

const hostile = [
  '#',
  '# ',
  '##',
  '###### ',
  '-',
  '- ',
  '+',
  '*',
  '_',
  '=',
  '>',
  '<',
  '&',
  '|',
  '`',
  '```',
  '~',
  '~~~',
  '[',
  ']',
  '(',
  ')',
  '!',
  '\\',
  ':',
  '//',
  'www.',
  '@',
  '1.',
  '2)',
  ' ',
  '    ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\u2028',
  'a',
  'x',
  '0',
  'http',
  'https://x.y',
  'javascript:alert(1)',
  'data:text/html,',
  'mailto:a@b.c',
  '<img src=x onerror=alert(1)>',
  '<script>',
  '</script>',
  '&lt;',
  '&#60;',
  '[x](javascript:alert(1))',
  '[x]: javascript:a',
  '![i](x)',
  '<http://x>',
  '---',
  '***',
  '___',
  '$',
  '$$',
  '^',
  '\u001b[31m',
  '\u0007',
  '\u202e',
  '\u0000',
  '\u007f',
];
const scenarioText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...hostile), maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/** The text a reader sees in a paragraph's inline tokens, and every kind of token the paragraph holds. */
function inline(tokens: Token[]): { text: string; kinds: Set<string> } {
  const kinds = new Set<string>();
  let text = '';
  for (const t of tokens) {
    kinds.add(t.type);
    for (const c of t.children ?? []) {
      kinds.add(c.type);
      if (c.type === 'text' || c.type === 'code_inline') text += c.content;
    }
  }
  return { text, kinds };
}

describe('mdText', () => {
  it('reads back as exactly the text given, as plain words in one paragraph, whatever the text', () => {
    fc.assert(
      fc.property(scenarioText, (s) => {
        const expected = shownAs(s);
        const tokens = reader.parse(md`${s}`.text, {});
        if (expected === '') {
          expect(tokens).toEqual([]);
          return;
        }
        const { text, kinds } = inline(tokens);
        expect([...kinds].sort()).toEqual(['inline', 'paragraph_close', 'paragraph_open', 'text']);
        expect(text).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('stays plain words inside a heading, list items and bold text, and after other text', () => {
    fc.assert(
      fc.property(scenarioText, scenarioText, (a, b) => {
        fc.pre(shownAs(a) !== '' && shownAs(b) !== '');
        const doc = mdDocument([md`# Debrief: ${a}`, md``, md`- ${a}`, md`- ${mdStrong(b)} (AI): ${a}`, md``, md`${b} and ${a}`]);
        const tokens = reader.parse(doc, {});
        expect(tokens.filter((t) => t.type !== 'inline' && t.type !== 'paragraph_open' && t.type !== 'paragraph_close').map((t) => t.type)).toEqual([
          'heading_open',
          'heading_close',
          'bullet_list_open',
          'list_item_open',
          'list_item_close',
          'list_item_open',
          'list_item_close',
          'bullet_list_close',
        ]);
        const texts = tokens.filter((t) => t.type === 'inline').map((t) => inline([t]).text);
        expect(texts).toEqual([`Debrief: ${shownAs(a)}`, shownAs(a), `${shownAs(b)} (AI): ${shownAs(a)}`, `${shownAs(b)} and ${shownAs(a)}`]);
        const kinds = new Set(tokens.flatMap((t) => (t.children ?? []).map((c) => c.type)));
        expect([...kinds].filter((k) => k !== 'text' && k !== 'strong_open' && k !== 'strong_close')).toEqual([]);
        expect(tokens.flatMap((t) => t.children ?? []).filter((c) => c.type === 'strong_open')).toHaveLength(1);
      }),
      { numRuns: 1500 },
    );
  });

  it('writes the hostile cases of issue 9 as visible text', () => {
    const html = reader.render(mdDocument([md`${'<img src=x onerror=alert(1)>'} ${'<script>alert(1)</script>'} ${'[x](javascript:alert(1))'}`]));
    expect(html).toBe('<p>&lt;img src=x onerror=alert(1)&gt; &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1))</p>\n');
    expect(md`1. ${'Why?\n# heading'}`.text).toBe('1. Why? # heading');
    expect(md`1. ${'# heading'}`.text).toBe('1. \\# heading');
    expect(mdText('---')).toBe('\\---');
    expect(md`${'1'}${'. x'}`.text).toBe('1\\. x');
    expect(md`- ${'#'}${' x'}`.text).toBe('- \\# x');
    expect(mdText('1. first')).toBe('1\\. first');
    expect(mdText('title \u001b[31m red')).toBe('title \\\\u001b\\[31m red');
    expect(mdText('see https://x.org/a//b or www.x.org')).toBe('see https:\\/\\/x.org/a\\/\\/b or www\\.x.org');
  });
  it('lets a reader that links bare domains make only http(s) links of it', () => {
    const domains = fc.string({ unit: fc.constantFrom(...hostile, 'example', '.org', '.com', '.de', 'x.io'), maxLength: 12 });
    fc.assert(
      fc.property(domains, (s) => {
        const links = fuzzy
          .parse(md`- ${s}`.text, {})
          .flatMap((t) => t.children ?? [])
          .filter((c) => c.type === 'link_open');
        for (const l of links) expect(l.attrGet('href')).toMatch(/^https?:\/\/[^/]/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('mdCode', () => {
  it('reads back as exactly the text given, as one code span, for any backticks', () => {
    fc.assert(
      fc.property(scenarioText, (s) => {
        fc.pre(s !== '');
        const flat = showControls(s.replace(/\r\n?|[\n\u2028\u2029\v\f]/g, ' '));
        const tokens = reader.parse(md`- Seed: ${mdCode(s)}`.text, {});
        const codes = tokens.flatMap((t) => t.children ?? []).filter((t) => t.type === 'code_inline');
        expect(codes.map((c) => c.content)).toEqual([flat]);
        expect(tokens.filter((t) => t.type === 'list_item_open')).toHaveLength(1);
      }),
      { numRuns: 3000 },
    );
  });

  it('fences a seed of backticks with a longer run', () => {
    expect(mdCode('a`b``c').text).toBe('```a`b``c```');
    expect(mdCode('`x`').text).toBe('`` `x` ``');
  });
});

describe('mdTable', () => {
  it('keeps every row to its cells: a | or a line break in a cell reads as text in that cell', () => {
    fc.assert(
      fc.property(scenarioText, scenarioText, (a, b) => {
        const tokens = reader.parse(
          mdDocument(
            mdTable(
              ['Role', 'Played by'],
              [
                [a, 'AI'],
                ['human', b],
              ],
            ),
          ),
          {},
        );
        const cells = tokens
          .filter((t) => t.type === 'inline')
          .map((t) =>
            (t.children ?? [])
              .filter((c) => c.type === 'text')
              .map((c) => c.content)
              .join(''),
          );
        expect(tokens.filter((t) => t.type === 'tr_open')).toHaveLength(3);
        expect(cells).toEqual(['Role', 'Played by', shownAs(a), 'AI', 'human', shownAs(b)]);
      }),
      { numRuns: 2000 },
    );
  });

  it('escapes a | in an actor name', () => {
    expect(mdRow(['North | South', 'AI']).text).toBe('| North \\| South | AI |');
  });
});
