import { describe, expect, it } from 'vitest';
import { t } from '../../renderer/src/i18n';
import { analysis } from '../../renderer/src/i18n/en/analysis';
import { capture } from '../../renderer/src/i18n/en/capture';
import { documented } from '../../renderer/src/i18n/en/documented';
import { shell } from '../../renderer/src/i18n/en/shell';

const catalogues = { analysis, capture, documented, shell } as const;

describe('UI strings in one place', () => {
  it('keeps each area in its own namespace, with no empty or duplicated keys', () => {
    const seen = new Set<string>();
    for (const [area, entries] of Object.entries(catalogues)) {
      for (const [key, value] of Object.entries(entries)) {
        expect(key.startsWith(`${area}.`), key).toBe(true);
        expect(value.trim().length, key).toBeGreaterThan(0);
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
    expect(seen.size).toBeGreaterThan(300);
  });

  it('fills placeholders and leaves the rest of the text as written', () => {
    expect(t('analysis.vote.mine.other', { count: 3, name: 'Priya' })).toBe('3 dots from Priya');
    expect(t('analysis.labels.waste.defect')).toBe('Defect / rework');
  });
});
