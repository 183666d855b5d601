import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrast, LANE_COLORS, paletteCss, PRESENTER, THEME, type ThemedColor, type Token } from '../../core/palette';

const RENDERER = path.resolve(import.meta.dirname, '../../renderer/src');

function filesUnder(dir: string, ending: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && ending.test(e.name)).map((e) => path.join(e.parentPath, e.name));
}

const BACKGROUNDS: Token[] = ['bg', 'surface', 'surface2', 'laneA', 'laneB', 'laneHeader', 'stepFill', 'accentSoft', 'questionSoft', 'quickWinSoft', 'riskSoft'];

/** A theme's colours, with the presenter view's overrides when asked. */
function colours(theme: keyof ThemedColor, presenter: boolean): Record<Token, string> {
  const base = Object.fromEntries(Object.entries(THEME).map(([token, color]) => [token, color[theme]])) as Record<Token, string>;
  return presenter ? { ...base, ...PRESENTER[theme] } : base;
}

describe('the palette', () => {
  it('defines every custom property the stylesheets use', () => {
    const css = filesUnder(RENDERER, /\.css$/).map((file) => fs.readFileSync(file, 'utf8'));
    const scripts = filesUnder(RENDERER, /\.tsx?$/).map((file) => fs.readFileSync(file, 'utf8'));
    const defined = new Set<string>();
    for (const text of [paletteCss(), ...css]) for (const m of text.matchAll(/(--[a-z0-9-]+)\s*:/g)) defined.add(m[1] as string);
    // Set per element from the components (a lane's own colour, the heat overlay's strength).
    for (const text of scripts) for (const m of text.matchAll(/'(--[a-z0-9-]+)'/g)) defined.add(m[1] as string);
    const used = new Set(css.flatMap((text) => [...text.matchAll(/var\((--[a-z0-9-]+)/g)].map((m) => m[1] as string)));
    expect([...used].filter((name) => !defined.has(name))).toEqual([]);
  });

  it('writes each token as a custom property for both themes and the presenter view', () => {
    const css = paletteCss();
    expect(css).toContain(`:root {\n  --bg: ${THEME.bg.light};`);
    expect(css).toContain(`:root[data-theme='dark'] {\n  --bg: ${THEME.bg.dark};`);
    expect(css).toContain(`  --text-muted: ${THEME.textMuted.dark};`);
    expect(css).toContain(`  --surface-2: ${THEME.surface2.light};`);
    expect(css).toContain(`  --quick-win-soft: ${THEME.quickWinSoft.dark};`);
    expect(css).toContain(`:root[data-theme='dark'] .presenter {\n  --text: ${PRESENTER.dark.text};`);
    expect(css).toContain('  --heat: 217 72 15;');
  });

  for (const theme of ['light', 'dark'] as const) {
    for (const presenter of [false, true]) {
      it(`keeps body and muted text at WCAG AA on every background (${theme}${presenter ? ', presenter view' : ''})`, () => {
        const c = colours(theme, presenter);
        const low = BACKGROUNDS.flatMap((bg) =>
          (['text', 'textMuted'] as const).map((fg) => ({ fg, bg, ratio: contrast(c[fg], c[bg]) })).filter((pair) => pair.ratio < 4.5),
        );
        expect(low).toEqual([]);
        expect(contrast(c.onAccent, c.accent)).toBeGreaterThanOrEqual(4.5);
      });
    }
  }

  it('keeps the dark theme’s coloured labels readable on their soft backgrounds', () => {
    const dark = colours('dark', false);
    for (const [fg, bg] of [
      ['quickWin', 'quickWinSoft'],
      ['accent', 'accentSoft'],
      ['danger', 'riskSoft'],
      ['question', 'questionSoft'],
    ] as const) {
      expect(contrast(dark[fg], dark[bg]), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('keeps the documented-versus-observed colours readable on their soft backgrounds and on the page, in both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      const c = colours(theme, false);
      for (const [fg, bg] of [
        ['unmatched', 'unmatchedSoft'],
        ['otherRole', 'otherRoleSoft'],
        ['unmatched', 'surface'],
        ['otherRole', 'surface'],
        ['text', 'unmatchedSoft'],
        ['text', 'otherRoleSoft'],
      ] as const) {
        expect(contrast(c[fg], c[bg]), `${theme}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('offers lane colours light enough for the dark text on them', () => {
    for (const lane of LANE_COLORS) expect(contrast(THEME.onLaneMuted.light, lane)).toBeGreaterThanOrEqual(4.5);
  });
});
