//! Bundles the rule files under `rules/` into the binary as postcard bytes, so that the browser
//! decodes the rule set without a TOML parser. A malformed file fails the build with the file,
//! line, column and problem.
#![allow(dead_code)] // the engine's date and model code is shared with the library, which uses the rest
extern crate alloc;

#[path = "src/law/date.rs"]
mod date;
#[path = "src/law/load.rs"]
mod load;
#[path = "src/law/model.rs"]
mod model;

use std::path::Path;

fn main() {
    let rules = Path::new("rules");
    for f in load::FILES {
        println!("cargo:rerun-if-changed=rules/{f}");
    }
    println!("cargo:rerun-if-changed=src/law/model.rs");
    println!("cargo:rerun-if-changed=src/law/load.rs");
    let set = match load::load(|name| std::fs::read_to_string(rules.join(name)).map_err(|e| e.to_string())) {
        Ok(s) => s,
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            panic!("the rule set in rules/ is malformed ({} problems, listed above)", errors.len());
        }
    };
    let bytes = postcard::to_allocvec(&set).expect("rule set serialises");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("rules.postcard");
    std::fs::write(out, bytes).unwrap();
}
