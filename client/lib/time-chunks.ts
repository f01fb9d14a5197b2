/**
 * Dates and times that must never be split across lines: "11月23日", "周一", "14:30–16:00" (a
 * range of one day stays whole), "14:30", "2026-11-29". Everything else may wrap as usual.
 */
const UNBREAKABLE = /\d{4}-\d{2}-\d{2}|\d{1,2}月\d{1,2}日|周[日一二三四五六]|\d{1,2}:\d{2}(?:–\d{1,2}:\d{2})?/g;

/** One piece of a text: `keep` pieces render unbroken (white-space: nowrap). */
export interface TextChunk {
  text: string;
  keep: boolean;
}

/** `text` cut into pieces, the dates and times marked to keep whole. Joined, the pieces are `text`. */
export function timeChunks(text: string): TextChunk[] {
  const chunks: TextChunk[] = [];
  let last = 0;
  for (const match of text.matchAll(UNBREAKABLE)) {
    const at = match.index ?? 0;
    if (at > last) chunks.push({ text: text.slice(last, at), keep: false });
    chunks.push({ text: match[0], keep: true });
    last = at + match[0].length;
  }
  if (last < text.length) chunks.push({ text: text.slice(last), keep: false });
  return chunks;
}
