//! Finding where paths such as `rules[3].when.yes` sit in a JSON text: the text is parsed once
//! for all of them, and each object's keys are indexed the first time a path goes through it,
//! so a thousand problems cost about what one does.

use std::collections::HashMap;

use jsonc_parser::ast::{ObjectProp, Value};
use jsonc_parser::common::Ranged;
use jsonc_parser::{parse_to_ast, CollectOptions, ParseOptions};

/// The 1-based line and column of the value at each path, or of the deepest part of it
/// present; `None` for every path if the text is not JSON.
pub fn locate_all(text: &str, paths: &[&str]) -> Vec<Option<(usize, usize)>> {
    if paths.is_empty() {
        return Vec::new();
    }
    let parsed = parse_to_ast(text, &CollectOptions::default(), &ParseOptions::default()).ok();
    let Some(root) = parsed.as_ref().and_then(|p| p.value.as_ref()) else { return vec![None; paths.len()] };
    let positions = Positions::new(text);
    // Each object's properties by name (the first of a repeated name), by where it starts.
    let mut objects: HashMap<usize, HashMap<&str, &ObjectProp>> = HashMap::new();
    paths
        .iter()
        .map(|path| {
            let mut value = root;
            let mut offset = value.start();
            for segment in segments(path) {
                let next = match (value, segment) {
                    (Value::Object(object), Segment::Key(key)) => {
                        let properties = objects.entry(object.start()).or_insert_with(|| {
                            let mut by_name = HashMap::with_capacity(object.properties.len());
                            for property in &object.properties {
                                by_name.entry(property.name.as_str()).or_insert(property);
                            }
                            by_name
                        });
                        properties.get(key).map(|p| (p.start(), &p.value))
                    }
                    (Value::Array(array), Segment::Index(i)) => array.elements.get(i).map(|e| (e.start(), e)),
                    _ => None,
                };
                let Some((start, child)) = next else { break };
                offset = start;
                value = child;
            }
            Some(positions.line_column(offset))
        })
        .collect()
}

/// The 1-based line and column of the value at `path`, or of the deepest part of it present.
#[cfg(test)]
pub fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    locate_all(text, &[path])[0]
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

/// Lines and columns of byte offsets, in time independent of how many are asked for: where
/// each line starts, and how many characters come before each block of [`BLOCK`] bytes (so a
/// column on a long line, such as in minified JSON, is counted from the nearest block).
struct Positions<'a> {
    bytes: &'a [u8],
    line_starts: Vec<usize>,
    chars_before_block: Vec<usize>,
}

const BLOCK: usize = 4096;

impl<'a> Positions<'a> {
    fn new(text: &'a str) -> Positions<'a> {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        line_starts.extend(bytes.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| i + 1));
        let mut chars_before_block = vec![0];
        for block in bytes.chunks(BLOCK) {
            let last = chars_before_block.last().copied().unwrap_or(0);
            chars_before_block.push(last + chars_in(block));
        }
        Positions { bytes, line_starts, chars_before_block }
    }

    fn chars_before(&self, offset: usize) -> usize {
        let block = offset / BLOCK;
        self.chars_before_block[block] + chars_in(&self.bytes[block * BLOCK..offset])
    }

    fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.bytes.len());
        let line = self.line_starts.partition_point(|start| *start <= offset);
        let start = self.line_starts[line - 1];
        (line, self.chars_before(offset) - self.chars_before(start) + 1)
    }
}

/// Characters (not UTF-8 continuation bytes) in a run of bytes.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| (**b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::{locate, locate_all, Positions};

    #[test]
    fn finds_nested_values_and_falls_back_to_the_deepest_present() {
        let text = "{\n  \"rules\": [\n    {\"id\": \"a\"},\n    {\"when\": {\"all\": [1, {\"yes\": \"x\"}]}}\n  ]\n}";
        assert_eq!(locate(text, "rules[1].when.all[1].yes"), Some((4, 27)));
        assert_eq!(locate(text, "rules[0]"), Some((3, 5)));
        assert_eq!(locate(text, "rules[0].then"), Some((3, 5)));
        assert_eq!(locate(text, ""), Some((1, 1)));
        assert_eq!(locate("{", "a"), None);
    }

    #[test]
    fn columns_count_characters_across_blocks() {
        let text = format!("{}\n{}x", "é".repeat(5000), "ü".repeat(3000));
        let positions = Positions::new(&text);
        assert_eq!(positions.line_column(text.len() - 1), (2, 3001));
        assert_eq!(positions.line_column(2 * 4999), (1, 5000));
    }

    #[test]
    fn many_paths_in_a_long_minified_text_take_one_pass() {
        let items: Vec<String> = (0..50_000).map(|i| format!("{{\"id\":\"item-{i}\"}}")).collect();
        let text = format!("{{\"rules\":[{}]}}", items.join(","));
        let paths: Vec<String> = (0..50_000).rev().map(|i| format!("rules[{i}].id")).collect();
        let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
        let start = std::time::Instant::now();
        let found = locate_all(&text, &paths);
        assert_eq!(found[49_999], Some((1, 12)));
        assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    }
}
