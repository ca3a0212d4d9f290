/** Longer addresses than this are not links a person pasted. */
const MAX_URL_LENGTH = 2000;

/** Characters that would end a Slack link token or a Markdown link early, or hide a second one. */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const UNSAFE_CHARACTERS = /[\s<>|"`\\\u0000-\u001f\u007f]/;

/**
 * The address as it may be linked, or null when it must not be: only `https:` (and `http:` where
 * the caller allows it), with a host, without user name or password (`https://kubeflow.org@evil`),
 * and without whitespace, control characters or any of `<>|"` and backquote and backslash, which
 * could end a link early and start something else. The answer is the parsed URL, percent-encoded.
 */
export function safeUrl(input: string, options: { allowHttp?: boolean } = {}): string | null {
  if (input.length === 0 || input.length > MAX_URL_LENGTH || UNSAFE_CHARACTERS.test(input)) return null;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  const allowed = options.allowHttp ? ['https:', 'http:'] : ['https:'];
  if (!allowed.includes(url.protocol)) return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  const href = url.href;
  return UNSAFE_CHARACTERS.test(href) ? null : href;
}

/** Why an address typed by a person cannot be used as a link, in words; null when it can. */
export function urlProblem(input: string, options: { allowHttp?: boolean } = {}): string | null {
  if (safeUrl(input, options)) return null;
  const schemes = options.allowHttp ? 'https:// (or http://)' : 'https://';
  if (UNSAFE_CHARACTERS.test(input)) return `a link may not contain spaces or any of < > | " \` \\`;
  return `give a full link starting with ${schemes}`;
}
