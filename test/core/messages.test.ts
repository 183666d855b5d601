import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { andList, asMessage, format, messages, msg, quotedList } from '../../core/messages';

/**
 * The catalogue against the code: every entry is used, every key the code names exists, and main,
 * db and core hold no sentence of their own that a person would read.
 */
const ROOT = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [rel] : [];
  });
}

interface Literal {
  file: string;
  line: number;
  text: string;
  node: ts.Node;
}

/** Every string and template literal in a file (a template's parts joined by {}), imports left out. */
function literals(file: string): Literal[] {
  const source = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Literal[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    let text: string | null = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('{}');
    if (text !== null) found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text, node });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const CATALOGUE = 'core/messages/en.ts';
const code = ['core', 'db', 'main', 'renderer/src'].flatMap(sourceFiles).filter((file) => file !== CATALOGUE && !file.startsWith('renderer/src/i18n/en/'));
const keys = Object.keys(messages);

describe('the message catalogue', () => {
  it('has every entry used by the code, which builds no key at run time (the type checker knows every key it names)', () => {
    const named = new Set(code.flatMap(literals).map((l) => l.text));
    expect(keys.filter((key) => !named.has(key))).toEqual([]);

    // A key put together at run time would escape both this check and the type checker.
    const prefixes = [...new Set(keys.map((key) => key.split('.')[0]))];
    const built = code.flatMap(literals).filter((l) => ts.isTemplateExpression(l.node) && prefixes.some((p) => l.text.startsWith(`${p}.`)));
    expect(built.map((l) => `${l.file}:${l.line}`)).toEqual([]);
  });

  it('fills only placeholders its entries have, each entry a whole sentence or label', () => {
    for (const [key, template] of Object.entries(messages)) {
      expect(template.trim(), key).not.toBe('');
      expect(template, key).not.toMatch(/\{\s*\}|\{[^}]*\{|\}\s*\}/);
    }
    expect(format(msg('error.vote.noDotsLeft', { name: 'Ana', dots: 5 }))).toBe('Ana has no dots left (5 each).');
    expect(format(msg('metric.longestPathUnknown', { reason: msg('metric.noPath') }))).toBe('The longest path is not known yet: No path leads from a start to an end yet.');
    expect(format(quotedList(['a', 'b', 'c', 'd'], 3))).toBe('“a”, “b”, “c” and 1 more');
    expect(format(andList(['IT', 'HR', 'Facilities']))).toBe('IT, HR and Facilities');
    expect(format(andList(['IT']))).toBe('IT');
    expect(asMessage(JSON.parse(JSON.stringify(msg('register.step', { step: msg('register.untitledStep') }))))).toEqual(
      msg('register.step', { step: msg('register.untitledStep') }),
    );
  });
});

/**
 * Where English words are allowed outside the catalogue: nowhere a person reads them. The documents
 * Shoshin writes (the Word report, the CSV registers, BPMN, the diagram and matrix SVG) take their
 * words from the catalogue too, so they are checked like everything else.
 * Text for developers (thrown programmer errors, log lines, HTTP status bodies) is left out by forDevelopers.
 */
/** Calls whose text is for developers and logs only: a failure the user sees is a ShoshinError with a message. */
function forDevelopers(node: ts.Node): boolean {
  for (let at: ts.Node | undefined = node.parent; at && !ts.isBlock(at) && !ts.isSourceFile(at); at = at.parent) {
    // A Response's body and status text answer a request: the app's own pages do the talking.
    if (ts.isNewExpression(at) && ts.isIdentifier(at.expression) && /^(Error|RangeError|TypeError|Response)$/.test(at.expression.text)) return true;
    if (ts.isCallExpression(at)) {
      const callee = at.expression.getText();
      // console.log is what the command-line hosts print for people, so it is not among them.
      if (/^console\.(error|warn|info)$/.test(callee) || callee === 'log') return true;
      // The browser host's HTTP refusals (bad token, wrong method) answer a request, like a status line.
      if (callee === 'send') return true;
    }
  }
  return false;
}

/** Two or more words read as a sentence or a label ("Zoom to fit", "The disk is full."), not a key, SQL or an identifier. */
const PROSE = /(^|[\s“(])[A-Za-z][a-z’']*(?:,? [a-z’']+){2,}|^[A-Z][a-z’']+(?: [a-z’']+)+[.…?!:]?$/;

/** SQL and scripts read like words too. */
const SQL = /\b(SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA|FROM|WHERE|ALTER|DROP)\b/;
const SCRIPT = /[;{]\n/;

/** Text that is not prose although it looks like it, each with its reason. */
const NOT_PROSE = new Set([
  // File and engagement names Shoshin gives new files: data the consultant renames, not messages.
  'Untitled engagement',
  'Sample engagement',
  // The first line of the CSS generated from the palette: a comment for developers reading the stylesheet.
  '/* Generated from core/palette.ts. */\n',
  // A font's name, which the report's page estimator looks up: Word's name for it, not words.
  'times new roman',
]);

describe('main, db and core', () => {
  it('say nothing to people except through the catalogue', () => {
    const sources = ['core', 'db', 'main'].flatMap(sourceFiles).filter((file) => file !== CATALOGUE);
    const sentences = sources
      .flatMap(literals)
      .filter((l) => PROSE.test(l.text) && !SQL.test(l.text) && !SCRIPT.test(l.text) && !NOT_PROSE.has(l.text) && !forDevelopers(l.node))
      .map((l) => `${l.file}:${l.line}: ${l.text}`);
    expect(sentences).toEqual([]);
  });
});
