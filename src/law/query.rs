//! The URL of a wizard page: the contract's fact keys plus `lang` and `on` (`../shared/spec/assess.md`,
//! "The URL"). A bad parameter is named and ignored; the rest of the address still works.
//!
//! One addition for the wizard: an optional fact answered "I don't know" is written as `KEY=unknown`,
//! so that a shared link does not ask it again.

use super::date::Date;
use super::facts::{clip, FactError, FactSet, Facts};
use super::i18n::Lang;
use super::model::RuleSet;
use alloc::{format, string::String, vec::Vec};

pub const UNKNOWN: &str = "unknown";

/// Parameters of the page that are not facts: read by the wizard (`step`) and, inside a host's iframe, by
/// static/frame.js (`embed`, `host`, `accent`, `share`), never reported as bad.
pub const PAGE_PARAMS: [&str; 5] = ["step", "embed", "host", "accent", "share"];

/// The state a URL carries.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    pub facts: Facts,
    /// Optional facts answered "I don't know".
    pub unknown: FactSet,
    pub lang: Option<Lang>,
    pub on: Option<Date>,
    /// Parameters that were ignored, each with what was wrong.
    pub errors: Vec<FactError>,
}

/// The longest query read; a longer one is cut there (a hostile link must not stall a phone).
pub const MAX_QUERY: usize = 4096;

/// Reads `?a=b&c=d` (with or without the `?`).
pub fn parse(rules: &RuleSet, query: &str) -> Query {
    let mut q = Query::default();
    let query = query.strip_prefix('?').unwrap_or(query);
    let query = match query.char_indices().nth(MAX_QUERY) {
        Some((i, _)) => {
            q.errors.push(FactError::new("link", super::facts::FactErrorKind::TooLong, format!("longer than {MAX_QUERY} characters; the rest was ignored")));
            &query[..i]
        }
        None => query,
    };
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let (key, value) = (decode(k), decode(v));
        match key.as_str() {
            "lang" => match Lang::parse(&value) {
                Some(l) => q.lang = Some(l),
                None => q.errors.push(FactError::new(&key, super::facts::FactErrorKind::Lang, "expected kk, ru or en")),
            },
            "on" => match Date::parse(&value) {
                Some(d) => q.on = Some(d),
                None => q.errors.push(FactError::new(&key, super::facts::FactErrorKind::Date, format!("`{}` is not a real date YYYY-MM-DD", clip(&value)))),
            },
            k if PAGE_PARAMS.contains(&k) => {}
            _ => {
                let optional = rules.questions.iter().any(|x| x.fact == key && x.may_not_know);
                if value == UNKNOWN && optional {
                    q.unknown.insert(&key);
                } else if let Err(e) = q.facts.set(rules, &key, &value) {
                    q.errors.push(FactError { key: clip(&e.key), ..e });
                }
            }
        }
    }
    if let Err(e) = q.facts.check_consistency() {
        q.facts.remove(&e.key);
        q.errors.push(e);
    }
    q
}

/// Writes the state back as `?lang=…&on=…&fact=…` in interview order.
pub fn write(rules: &RuleSet, facts: &Facts, unknown: &FactSet, lang: Lang, on: Option<Date>) -> String {
    let mut out = format!("?lang={}", lang.code());
    if let Some(d) = on {
        out.push_str(&format!("&on={d}"));
    }
    for qn in &rules.questions {
        if let Some(v) = facts.get(&qn.fact) {
            out.push_str(&format!("&{}={}", qn.fact, encode(&v.to_query())));
        } else if unknown.contains(&qn.fact) {
            out.push_str(&format!("&{}={UNKNOWN}", qn.fact));
        }
    }
    out
}

/// The raw value of the first `name=` parameter of a query (`?a=b&c=d`, with or without the `?`).
pub fn param<'q>(query: &'q str, name: &str) -> Option<&'q str> {
    query.trim_start_matches('?').split('&').find_map(|p| p.strip_prefix(name)?.strip_prefix('='))
}

fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (hex(b[i + 1]), hex(b[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes what is not safe in a query value (our values are codes, dates and `..`/`,`).
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.,".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn reads_one_parameter_by_its_whole_name() {
        assert_eq!(param("?lang=kk&step=result", "step"), Some("result"));
        assert_eq!(param("lang=kk&steps=1&step=x", "step"), Some("x"));
        assert_eq!(param("?stepfather=1", "step"), None);
        assert_eq!(param("", "lang"), None);
    }

    #[test]
    fn step_and_frame_parameters_are_not_bad_link_parameters() {
        let q = parse(crate::law::bundled(), "?lang=kk&citizenship=UZ&step=result&embed=1&host=https%3A%2F%2Fngo.example&accent=%2300778b&share=facts");
        assert!(q.errors.is_empty(), "{:?}", q.errors);
        assert_eq!(q.lang, Some(Lang::Kk));
        assert!(q.facts.get("citizenship").is_some());
        let bad = parse(crate::law::bundled(), "?stepp=result");
        assert_eq!(bad.errors.len(), 1);
    }
}
