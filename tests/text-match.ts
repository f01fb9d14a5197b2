/**
 * The one rule both UI test projects use to compare what an element says with what a test
 * expects (`expectText` in tests/e2e/support.ts and tests/weapp/simulate-env.ts): whitespace is
 * collapsed (line breaks between blocks, spaces between spans), then the text must equal the
 * expectation (`exact`) or contain it. A RegExp is matched against the collapsed text.
 */

/** What `expectText` checks: contains (default) or equals, and how long to wait for it. */
export interface TextExpectation {
  /** The whole text must equal the expectation (after collapsing whitespace). */
  exact?: boolean;
  /** How long to wait for the text, in ms. */
  timeout?: number;
}

/** Runs of whitespace as one space, no leading or trailing space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Whether `actual` says `expected`: equal (`exact`) or containing it; a RegExp is tested as is. */
export function textMatches(actual: string, expected: string | RegExp, exact: boolean): boolean {
  const seen = collapseWhitespace(actual);
  if (expected instanceof RegExp) return expected.test(seen);
  const wanted = collapseWhitespace(expected);
  return exact ? seen === wanted : seen.includes(wanted);
}

/** The failure message: where, what was expected and how, and what was there (or that nothing was). */
export function describeMismatch(
  where: string,
  expected: string | RegExp,
  exact: boolean,
  actual: string | null,
  timeoutMs: number,
): string {
  const how = expected instanceof RegExp ? 'to match' : exact ? 'to read exactly' : 'to contain';
  const seen = actual === null ? 'nothing (no such visible element)' : JSON.stringify(collapseWhitespace(actual));
  return `Expected ${where} ${how} ${JSON.stringify(String(expected))} within ${timeoutMs} ms; it said ${seen}`;
}
