//! Qadam (қадам, "step"): a migrant's legal status in Kazakhstan, one question at a time.
//!
//! [`law`] is the rules engine (no web dependency); `ui` is the Yew widget over it (wasm only).
extern crate alloc;

pub mod ics;
pub mod law;
pub mod wizard;

#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
