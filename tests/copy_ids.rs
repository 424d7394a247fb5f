//! Every copy id the code asks for exists in rules/copy.toml with text in three languages: a missing id would
//! show itself on the page instead of words.

use qadam::law::bundled;
use std::collections::BTreeSet;

#[test]
fn every_copy_id_used_in_the_code_exists() {
    let rules = bundled();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut used = BTreeSet::new();
    let mut stack = vec![root.join("src")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().map_or(false, |x| x == "rs") {
                let text = std::fs::read_to_string(&p).unwrap();
                // t("id", …), text("id", …), copy(rules, "id", …), and the error texts "err_…".
                for (i, _) in text.match_indices('"') {
                    let rest = &text[i + 1..];
                    let Some(end) = rest.find('"') else { continue };
                    let lit = &rest[..end];
                    let before = &text[..i];
                    let called = ["t(", "text(", "copy(rules(), ", "copy(rules, ", "copy(r, ", "copy(set, "].iter().any(|f| {
                        before.ends_with(f)
                            && !before[..before.len() - f.len()].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '.')
                    });
                    if (called || lit.starts_with("err_")) && !lit.is_empty() && lit.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                        used.insert(lit.to_string());
                    }
                }
            }
        }
    }
    let missing: Vec<&String> = used.iter().filter(|id| !rules.copy.iter().any(|c| c.id == **id)).collect();
    assert!(used.len() > 50, "found only {} copy ids: the scan is broken", used.len());
    assert!(missing.is_empty(), "copy ids used in src/ but missing from rules/copy.toml: {missing:?}");
}
