/**
 * The one palette. Colour carries meaning, the same meaning everywhere: pain points red-orange,
 * open questions amber, quick wins green, selection the accent. The renderer's CSS custom
 * properties are generated from THEME at build time (`paletteCss`, wired in electron.vite.config.ts),
 * so a theme swaps tokens only; the SVG diagrams and the Word report print the light theme
 * (PRINT), on white paper.
 */

export interface ThemedColor {
  light: string;
  dark: string;
}

/** Each token with its dark value beside it; the CSS name is the key in kebab case (`textMuted` → `--text-muted`). */
export const THEME = {
  bg: { light: '#f6f7f9', dark: '#14171c' },
  surface: { light: '#ffffff', dark: '#1c2027' },
  surface2: { light: '#f0f2f5', dark: '#252a33' },
  border: { light: '#dde1e7', dark: '#2f3540' },
  borderStrong: { light: '#c3c9d2', dark: '#434b58' },
  text: { light: '#1b2230', dark: '#e7eaf0' },
  textMuted: { light: '#5a6474', dark: '#a3acba' },
  accent: { light: '#2f5bd3', dark: '#7d9cf5' },
  accentHover: { light: '#244bb5', dark: '#95aef7' },
  accentSoft: { light: '#e6ecfb', dark: '#25304a' },
  onAccent: { light: '#ffffff', dark: '#0f1420' },
  pain: { light: '#d9480f', dark: '#ff7a45' },
  question: { light: '#b7791f', dark: '#f0b24a' },
  questionSoft: { light: '#fff4db', dark: '#3a2f17' },
  quickWin: { light: '#2f855a', dark: '#5cc48d' },
  quickWinSoft: { light: '#e3f3ea', dark: '#1a3326' },
  danger: { light: '#c53030', dark: '#ff6b6b' },
  riskSoft: { light: '#fbe9e9', dark: '#3a1f22' },
  /** Documented versus observed: a step with no counterpart on the other side. */
  unmatched: { light: '#6741d9', dark: '#b59dff' },
  unmatchedSoft: { light: '#f1ecfd', dark: '#2c2444' },
  /** Documented versus observed: a step done by another role than the documented one. */
  otherRole: { light: '#0b7285', dark: '#5fd3e6' },
  otherRoleSoft: { light: '#e3f4f7', dark: '#15303a' },
  /** The numbers on pain-point and question markers. */
  onMarker: { light: '#ffffff', dark: '#ffffff' },
  laneA: { light: '#f3f5f8', dark: '#191d23' },
  laneB: { light: '#ebeef3', dark: '#1f242c' },
  laneHeader: { light: '#e2e6ec', dark: '#262c35' },
  stepFill: { light: '#ffffff', dark: '#232832' },
  stepStroke: { light: '#5b6677', dark: '#9aa5b5' },
  /** Text on a lane's own colour: LANE_COLORS are light tints in every theme. */
  onLane: { light: '#1b2230', dark: '#1b2230' },
  onLaneMuted: { light: '#4a5465', dark: '#4a5465' },
} as const satisfies Record<string, ThemedColor>;

export type Token = keyof typeof THEME;

/** Presenter view (projector): the same palette pushed to high contrast, in either theme. */
export const PRESENTER = {
  light: { text: '#0b1220', textMuted: '#2f3846', border: '#c3c9d2', stepStroke: '#1b2230', laneA: '#f7f8fa', laneB: '#e9edf2', laneHeader: '#dde2e9' },
  dark: { text: '#ffffff', textMuted: '#ccd3dd', border: '#4a5260', stepStroke: '#dfe4eb' },
} as const satisfies Record<keyof ThemedColor, Partial<Record<Token, string>>>;

/** Lane colours consultants can pick from; soft enough to sit behind dark text. */
export const LANE_COLORS = ['#e8eef9', '#e6f4ee', '#fbf0e1', '#f3e8f7', '#e5f3f6', '#f7e9ea'] as const;

/** What goes on paper: the light theme, plus the few colours only the printed pictures use. */
export const PRINT = {
  ...(Object.fromEntries(Object.entries(THEME).map(([token, color]) => [token, color.light])) as Record<Token, string>),
  paper: '#ffffff',
  /** BPMN's start event is green: the quick-win green. */
  start: THEME.quickWin.light,
  /** A wait step is shaded like the page behind the app. */
  waitFill: THEME.bg.light,
  /** The impact/effort matrix's quadrants in the report: fill and the colour of its name. */
  quadrant: {
    quickWins: { fill: '#e6f4ee', color: THEME.quickWin.light },
    majorProjects: { fill: '#eef2fa', color: THEME.accent.light },
    fillIns: { fill: THEME.bg.light, color: THEME.textMuted.light },
    reconsider: { fill: '#fbf0e9', color: '#b4480f' },
  },
} as const;

/** "#1b2230" as Word writes colours: "1B2230". */
export function wordColor(color: string): string {
  return color.replace('#', '').toUpperCase();
}

/** Relative luminance (WCAG 2) of a #rrggbb colour. */
export function luminance(color: string): number {
  const value = wordColor(color);
  const channel = (i: number) => {
    const c = parseInt(value.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** WCAG 2 contrast ratio of two #rrggbb colours, from 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const cssName = (token: string): string => `--${token.replace(/[A-Z0-9]/g, (c) => `-${c.toLowerCase()}`)}`;

function block(selector: string, values: Partial<Record<Token, string>>, extra = ''): string {
  const lines = Object.entries(values).map(([token, color]) => `  ${cssName(token)}: ${color};`);
  return `${selector} {\n${lines.join('\n')}\n${extra}}\n`;
}

/**
 * The colour tokens as CSS custom properties: the light theme on :root, the dark theme's values
 * under [data-theme='dark'], and the presenter view's overrides of each.
 */
export function paletteCss(): string {
  const pick = (theme: keyof ThemedColor) => Object.fromEntries(Object.entries(THEME).map(([token, color]) => [token, color[theme]])) as Record<Token, string>;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(THEME.pain.light.slice(i, i + 2), 16));
  // The lane heat overlay tints with the light pain colour in both themes, at a strength set per lane: rgb(var(--heat) / alpha).
  const heat = `  --heat: ${r} ${g} ${b};\n`;
  return (
    '/* Generated from core/palette.ts. */\n' +
    block(':root', pick('light'), heat) +
    block(":root[data-theme='dark']", pick('dark')) +
    block(":root:not([data-theme='dark']) .presenter", PRESENTER.light) +
    block(":root[data-theme='dark'] .presenter", PRESENTER.dark)
  );
}
