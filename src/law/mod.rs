//! The rules engine: plain Rust, no web dependency, the same in the browser and in `qadam`.

pub mod assess;
pub mod calendar;
pub mod date;
pub mod explain;
pub mod facts;
pub mod flow;
pub mod i18n;
pub mod model;
pub mod query;

#[cfg(not(target_arch = "wasm32"))]
pub mod check;
#[cfg(not(target_arch = "wasm32"))]
pub mod load;

use model::RuleSet;

static BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/rules.postcard"));

/// The rule set bundled at build time from `rules/`.
pub fn bundled() -> &'static RuleSet {
    static SET: std::sync::OnceLock<RuleSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| postcard::from_bytes(BUNDLE).expect("the bundled rule set was written by build.rs from the same model"))
}
