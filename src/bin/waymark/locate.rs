//! Finding where a path such as `rules[3].when.yes` sits in a JSON text.

use jsonc_parser::ast::Value;
use jsonc_parser::common::Ranged;
use jsonc_parser::{parse_to_ast, CollectOptions, ParseOptions};

/// The 1-based line and column of the value at `path`, or of the deepest part of it present.
pub fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    let parsed = parse_to_ast(text, &CollectOptions::default(), &ParseOptions::default()).ok()?;
    let mut value = parsed.value.as_ref()?;
    let mut offset = value.start();
    for segment in segments(path) {
        let next = match (value, segment) {
            (Value::Object(object), Segment::Key(key)) => object.properties.iter().find(|p| p.name.as_str() == key).map(|p| (p.start(), &p.value)),
            (Value::Array(array), Segment::Index(i)) => array.elements.get(i).map(|e| (e.start(), e)),
            _ => None,
        };
        let Some((start, child)) = next else { break };
        offset = start;
        value = child;
    }
    Some(line_column(text, offset))
}

enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

fn segments(path: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, mut rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            out.push(Segment::Key(key));
        }
        while let Some((index, after)) = rest.split_once(']') {
            if let Ok(i) = index.parse() {
                out.push(Segment::Index(i));
            }
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    out
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::locate;

    #[test]
    fn finds_nested_values_and_falls_back_to_the_deepest_present() {
        let text = "{\n  \"rules\": [\n    {\"id\": \"a\"},\n    {\"when\": {\"all\": [1, {\"yes\": \"x\"}]}}\n  ]\n}";
        assert_eq!(locate(text, "rules[1].when.all[1].yes"), Some((4, 27)));
        assert_eq!(locate(text, "rules[0]"), Some((3, 5)));
        assert_eq!(locate(text, "rules[0].then"), Some((3, 5)));
        assert_eq!(locate(text, ""), Some((1, 1)));
    }
}
