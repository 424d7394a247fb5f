//! Copy ids are an enum generated from rules/copy.toml (`CopyId`), so an id the code names and the file
//! lacks does not compile. This checks the other way: every text of rules/copy.toml is shown somewhere, so
//! that translators and reviewers are not given dead texts.
#![cfg(not(target_arch = "wasm32"))]

use qadam::law::i18n::CopyId;

fn sources(dirs: &[&str], ext: &[&str]) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = String::new();
    let mut stack: Vec<_> = dirs.iter().map(|d| root.join(d)).collect();
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            stack.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
        } else if p.extension().is_some_and(|x| ext.iter().any(|e| x == *e)) {
            all.push_str(&std::fs::read_to_string(&p).unwrap());
        }
    }
    all
}

#[test]
fn every_text_of_the_copy_file_is_used() {
    let code = sources(&["src"], &["rs"]);
    // build.rs (the static start screen) and the build script (the service worker's notice) name theirs as text.
    let builders = sources(&["build.rs", "scripts"], &["rs", "sh", "py"]);
    let unused: Vec<&str> = CopyId::ALL
        .iter()
        .map(|(_, id)| *id)
        .filter(|id| {
            let named = |s: &str| code.contains(&format!("C::{id}")) || code.contains(&format!("CopyId::{id}")) || s.contains(&format!("\"{id}\""));
            !named(&code) && !named(&builders)
        })
        .collect();
    assert!(CopyId::ALL.len() > 150, "only {} copy ids", CopyId::ALL.len());
    assert!(unused.is_empty(), "texts of rules/copy.toml that nothing shows: {unused:?}");
}
