//! `www/types/waymark.d.ts`, the TypeScript declarations of every value that crosses between the
//! engine and the page, is generated from the Rust types (`src/typescript.rs`). This test fails
//! when the committed file is stale; `WAYMARK_WRITE_TYPES=1 cargo test --test typescript`
//! rewrites it (then run scripts/build, which copies it into `pkg/waymark.d.ts`).
#![cfg(feature = "typescript")]

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/types/waymark.d.ts");

#[test]
fn the_declarations_are_fresh() {
    let generated = waymark::typescript::declarations();
    if std::env::var_os("WAYMARK_WRITE_TYPES").is_some() {
        std::fs::create_dir_all(std::path::Path::new(PATH).parent().expect("www/types")).expect("www/types");
        std::fs::write(PATH, &generated).expect("write www/types/waymark.d.ts");
        return;
    }
    let committed = std::fs::read_to_string(PATH).unwrap_or_default();
    assert!(
        committed == generated,
        "www/types/waymark.d.ts is stale: run `WAYMARK_WRITE_TYPES=1 cargo test --test typescript`, then scripts/build, and commit both"
    );
}
