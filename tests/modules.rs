//! The library's modules depend on each other without a cycle: each can be read knowing only
//! those below it. A module depends on another when it names it, or an item defined in it, by a
//! `crate::` path (in a `use` or inline); comments and a module's unit tests do not count.

use std::collections::BTreeMap;
use std::fs;

/// Module name → its source, for every file directly in `src/` but `lib.rs`.
fn modules() -> BTreeMap<String, String> {
    let mut modules = BTreeMap::new();
    for entry in fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/src")).expect("src/") {
        let path = entry.expect("an entry").path();
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        if path.extension().is_some_and(|e| e == "rs") && name != "lib" {
            let text = fs::read_to_string(&path).expect("readable");
            // A module's unit tests (at its end) may use the whole library to test it.
            let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or_default();
            // Comments (and so doc links) are not dependencies.
            let code: Vec<&str> = text.lines().map(|line| line.split("//").next().unwrap_or_default()).collect();
            modules.insert(name, code.join("\n"));
        }
    }
    modules
}

/// The identifiers in `text` after `keyword` and a space, such as the names `struct` declares.
fn declared_after<'t>(text: &'t str, keyword: &str) -> Vec<&'t str> {
    let pattern = format!("{keyword} ");
    text.match_indices(&pattern)
        .filter(|(at, _)| *at == 0 || !text.as_bytes()[at - 1].is_ascii_alphanumeric() && text.as_bytes()[at - 1] != b'_')
        .map(|(at, _)| {
            let rest = &text[at + pattern.len()..];
            &rest[..rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len())]
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// Which module each item reachable as `crate::Item` is defined in: items declared in a module,
/// and names `lib.rs` re-exports (`pub use scenario::{run as run_scenario}`).
fn homes(modules: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let mut homes = BTreeMap::new();
    for (module, code) in modules {
        for keyword in ["struct", "enum", "fn", "trait", "const", "type", "static", "macro_rules!"] {
            for name in declared_after(code, keyword) {
                homes.entry(name.to_string()).or_insert_with(|| module.clone());
            }
        }
    }
    let lib = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/lib.rs")).expect("lib.rs");
    for line in lib.lines().filter_map(|line| line.trim().strip_prefix("pub use ")) {
        let Some((module, names)) = line.trim_end_matches(';').split_once("::") else { continue };
        for name in names.trim_matches(['{', '}']).split(',').filter_map(|part| part.split(" as ").last()) {
            homes.insert(name.trim().to_string(), module.to_string());
        }
    }
    homes
}

/// Module → the modules it depends on.
fn graph() -> BTreeMap<String, Vec<String>> {
    let modules = modules();
    let homes = homes(&modules);
    let mut graph = BTreeMap::new();
    for (module, code) in &modules {
        let mut uses: Vec<String> = Vec::new();
        for (at, _) in code.match_indices("crate::") {
            let rest = &code[at + "crate::".len()..];
            // `crate::{a::X, B}` names several paths; `crate::a::X` one.
            let group = match rest.strip_prefix('{') {
                Some(inner) => &inner[..inner.find('}').unwrap_or(inner.len())],
                None => &rest[..rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len())],
            };
            for first in group.split(',').filter_map(|path| path.split("::").next()).map(str::trim) {
                let target = if modules.contains_key(first) { Some(first.to_string()) } else { homes.get(first).cloned() };
                if let Some(target) = target.filter(|t| t != module && modules.contains_key(t) && !uses.contains(t)) {
                    uses.push(target);
                }
            }
        }
        uses.sort();
        graph.insert(module.clone(), uses);
    }
    graph
}

/// A cycle through `module`, if its dependencies lead back to a module on `path`.
fn cycle(graph: &BTreeMap<String, Vec<String>>, module: &str, path: &mut Vec<String>, done: &mut Vec<String>) -> Option<Vec<String>> {
    if let Some(start) = path.iter().position(|m| m == module) {
        let mut found = path[start..].to_vec();
        found.push(module.to_string());
        return Some(found);
    }
    if done.iter().any(|m| m == module) {
        return None;
    }
    path.push(module.to_string());
    for next in &graph[module] {
        if let Some(found) = cycle(graph, next, path, done) {
            return Some(found);
        }
    }
    path.pop();
    done.push(module.to_string());
    None
}

#[test]
fn no_module_depends_on_itself_through_others() {
    let graph = graph();
    let (mut path, mut done) = (Vec::new(), Vec::new());
    for module in graph.keys() {
        if let Some(found) = cycle(&graph, module, &mut path, &mut done) {
            panic!("the modules depend on each other in a cycle: {}\nthe graph: {graph:#?}", found.join(" -> "));
        }
    }
}

#[test]
fn the_graph_is_read_as_intended() {
    let graph = graph();
    // A few dependencies that must be seen, in each form of path.
    assert!(graph["engine"].contains(&"compile".to_string()), "an inline crate::compile:: path");
    assert!(graph["eval"].contains(&"program".to_string()), "a use crate::program::{{...}} line");
    assert!(graph["wasm"].contains(&"scenario".to_string()), "crate::run_scenario, re-exported from scenario by lib.rs");
    assert!(
        // Truth values are vocabulary too: the program keeps each node's truth when nothing is known.
        graph["program"].iter().all(|m| ["date", "logic", "ruleset"].contains(&m.as_str())),
        "the compiled program depends only on the vocabulary: {:?}",
        graph["program"]
    );
}

#[test]
fn only_the_allocator_allows_unsafe_code() {
    // lib.rs denies unsafe code; a module could still allow it for itself, so each is read whole.
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let allowing: Vec<String> = fs::read_dir(src)
        .expect("src/")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| fs::read_to_string(path).is_ok_and(|text| text.contains("allow(unsafe_code)")))
        .map(|path| path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string())
        .collect();
    assert_eq!(allowing, ["arena.rs"], "modules allowing unsafe code");
    let lib = fs::read_to_string(format!("{src}/lib.rs")).expect("lib.rs");
    assert!(lib.contains("#![deny(unsafe_code)]"), "lib.rs denies unsafe code");
}
