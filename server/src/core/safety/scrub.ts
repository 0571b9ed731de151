/**
 * Masks any credential in text a rule wrote for people to read (a finding's message, a fix's
 * title). Rules often quote the plan back ("e.g. `Next Action: ...`"), and a quote must never
 * carry a secret into the Problems view, a log or CI output.
 */
import { scanLineForSecrets } from './secretScanner';

const cache = new Map<string, string>();
const CACHE_LIMIT = 2048;

export function scrubSecrets(text: string): string {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  let scrubbed = text;
  // Messages are one line; scan each line so positions match.
  const lines = text.split('\n');
  if (lines.some((line) => scanLineForSecrets(line, 0).length > 0)) {
    scrubbed = lines
      .map((line) => {
        const matches = scanLineForSecrets(line, 0).sort((a, b) => b.range.start.character - a.range.start.character);
        let out = line;
        for (const match of matches) out = out.slice(0, match.range.start.character) + match.masked + out.slice(match.range.end.character);
        return out;
      })
      .join('\n');
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, scrubbed);
  return scrubbed;
}
