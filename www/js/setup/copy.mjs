// @ts-check
// "Download your copy": the single file with an organisation's profile built in. It is made from
// the single file as it was opened (or, on the multi-file page, from waymark.html beside it), so
// the copy carries the same engine, ruleset, scripts and policy, and its own setup view can read
// the profile back and make a new copy: a file that carries its own settings. Only two things
// change: the profile's data block and the <meta> that names it. The inline scripts and styles
// are copied exactly, so the hashes in the copy's Content-Security-Policy still match. The text
// is changed as text, never parsed into a document, so nothing in it is run or styled here.

import { pristineDocument } from './embedded.mjs';

const PROFILE_META = '<meta name="waymark-profile" content="';
const ENGINE_BLOCK = '<script type="application/wasm"';

/**
 * The text of the single file to copy: this page as it was opened, or the single file beside
 * the multi-file page. Throws an Error that says what to do when there is neither.
 *
 * @returns {Promise<string>}
 */
export async function copySource() {
  const pristine = pristineDocument();
  // The text after </html> would be read back into <body>, a little more with every copy.
  if (pristine) return `<!DOCTYPE html>\n${pristine.outerHTML}`;
  let text = '';
  try {
    const response = await fetch('waymark.html', { credentials: 'same-origin', cache: 'no-cache' });
    if (response.ok) text = await response.text();
  } catch {
    // Said below.
  }
  if (!isCopy(text)) {
    throw new Error('This page cannot make a copy: the single-file guide (waymark.html) is not beside it on this server. Download the profile JSON instead, or open waymark.html and set up your copy there.');
  }
  return text;
}

/**
 * The text of a copy of the single file `source` with `profile` built in and chosen.
 *
 * @param {string} source
 * @param {{ id?: unknown }} profile  a profile the engine has accepted (so its id is text)
 */
export function copyText(source, profile) {
  const path = `profiles/${profile.id}.json`;
  // "<" never appears in the JSON as itself, so nothing in it can end the element.
  const block = `<script type="application/json" data-waymark-src="${path}">${JSON.stringify(profile).replace(/</g, '\\u003c')}</script>`;
  // The page's own markup comes first in <head>: the <meta>s, then the scripts, whose text may
  // mention the same markup; then the data blocks, the engine last. So the <meta> is the first
  // match and the engine's block the last.
  const meta = source.indexOf(PROFILE_META);
  const metaEnd = source.indexOf('"', meta + PROFILE_META.length);
  let text = `${source.slice(0, meta + PROFILE_META.length)}${profile.id}${source.slice(metaEnd)}`;
  const opening = `<script type="application/json" data-waymark-src="${path}">`;
  const existing = text.lastIndexOf(opening);
  if (existing >= 0) {
    const end = text.indexOf('</script>', existing) + '</script>'.length;
    text = `${text.slice(0, existing)}${block}${text.slice(end)}`;
  } else {
    const engine = text.lastIndexOf(ENGINE_BLOCK);
    text = `${text.slice(0, engine)}${block}\n${text.slice(engine)}`;
  }
  return text;
}

/**
 * The profile built into a copy (its text), or null when it has none.
 *
 * @param {string} text
 * @returns {string | null}  the profile's JSON
 */
export function builtInProfile(text) {
  const meta = text.indexOf(PROFILE_META);
  const name = meta < 0 ? '' : text.slice(meta + PROFILE_META.length, text.indexOf('"', meta + PROFILE_META.length));
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) return null;
  const opening = `<script type="application/json" data-waymark-src="profiles/${name}.json">`;
  const at = text.lastIndexOf(opening);
  return at < 0 ? null : text.slice(at + opening.length, text.indexOf('</script>', at));
}

/**
 * Whether text is a copy of the single-file guide: it carries the engine and a ruleset, and says
 * which profile it uses.
 *
 * @param {string} text
 */
export function isCopy(text) {
  return text.includes(ENGINE_BLOCK) && text.includes('<script type="application/json" data-waymark-src="rulesets/') && text.includes(PROFILE_META);
}

/**
 * A file name for the copy: "waymark-northfield-primary-school.html".
 *
 * @param {{ id?: unknown }} profile
 */
export function copyName(profile) {
  return `waymark-${profile.id}.html`;
}

/**
 * Saves text as a file where the person chooses. Nothing is uploaded: the file is made here.
 *
 * @param {string} text
 * @param {string} name
 * @param {string} type
 */
export function save(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const $link = document.createElement('a');
  $link.href = url;
  $link.download = name;
  $link.hidden = true;
  document.body.append($link);
  $link.click();
  $link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
