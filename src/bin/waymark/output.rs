//! Writing to the terminal. Every line has its control characters escaped, so a ruleset or
//! case cannot put ANSI escapes (or anything else that acts on a terminal) on the screen, and a
//! closed pipe (`waymark lint RULESET | head`) ends the output quietly instead of panicking; the
//! command still finishes and exits with its own status.

use std::borrow::Cow;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);
static STDERR_CLOSED: AtomicBool = AtomicBool::new(false);

/// One line to standard output, escaped.
pub fn say(line: &str) {
    write(&mut std::io::stdout().lock(), &STDOUT_CLOSED, &escape(line, false));
}

/// One line to standard error, escaped.
pub fn warn(line: &str) {
    write(&mut std::io::stderr().lock(), &STDERR_CLOSED, &escape(line, false));
}

/// Text of several lines to standard error, escaped but for its line breaks.
pub fn warn_text(text: &str) {
    write(&mut std::io::stderr().lock(), &STDERR_CLOSED, escape(text, true).trim_end_matches('\n'));
}

/// Text of several lines to standard output, escaped but for its line breaks.
pub fn say_text(text: &str) {
    write(&mut std::io::stdout().lock(), &STDOUT_CLOSED, escape(text, true).trim_end_matches('\n'));
}

/// JSON to standard output. serde_json escapes C0 controls in strings; the rest that
/// [`escape`] would (DEL, C1 controls, direction overrides) become `\uXXXX` escapes, which
/// leave the JSON meaning the same.
pub fn say_json(json: &str) {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        // C0 controls are JSON's own whitespace here (serde_json escapes them in strings).
        if needs_escape(c) && c > '\u{1f}' {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    write(&mut std::io::stdout().lock(), &STDOUT_CLOSED, &out);
}

/// Writes `text` and a line break, unless the stream has been closed; a failure to write
/// (a closed pipe, most often) closes it for the rest of the run.
fn write(stream: &mut impl Write, closed: &AtomicBool, text: &str) {
    if closed.load(Ordering::Relaxed) {
        return;
    }
    if stream.write_all(text.as_bytes()).and_then(|()| stream.write_all(b"\n")).and_then(|()| stream.flush()).is_err() {
        closed.store(true, Ordering::Relaxed);
    }
}

/// Characters that act on a terminal rather than show: C0 and C1 controls, DEL, and the
/// Unicode direction overrides and isolates (which reorder the text around them).
fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every character in [`needs_escape`] written as `\n`, `\r`, `\t` or `\u{1b}`;
/// line breaks are kept when `keep_newlines`.
pub fn escape(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(escape("plain text, “quoted” and é", false), "plain text, “quoted” and é");
        assert_eq!(escape("\u{1b}[31mred\u{1b}[0m", false), "\\u{1b}[31mred\\u{1b}[0m");
        assert_eq!(escape("a\nb\tc\rd\u{7f}\u{9b}2J", false), "a\\nb\\tc\\rd\\u{7f}\\u{9b}2J");
        assert_eq!(escape("line one\nline two\u{7}", true), "line one\nline two\\u{7}");
        assert_eq!(escape("abc\u{202e}fed", false), "abc\\u{202e}fed");
    }
}
