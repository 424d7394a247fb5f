//! The URL of a wizard page: the contract's fact keys plus `lang` and `on` (`../shared/spec/assess.md`,
//! "The URL"). A bad parameter is named and ignored; the rest of the address still works.
//!
//! One addition for the wizard: an optional fact answered "I don't know" is written as `KEY=unknown`,
//! so that a shared link does not ask it again.

use super::date::Date;
use super::facts::{clip, fact_kind, FactError, FactSet, Facts};
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
    /// Parameters of the contract that were ignored, each with what was wrong (at most MAX_NAMED).
    pub errors: Vec<FactError>,
    /// Other parts of the link that were ignored, counted and never echoed: a crafted link must not put its
    /// own words on the page (`?ВНИМАНИЕ_звоните_…=1`).
    pub ignored: usize,
}

/// The most bad parameters named one by one; the rest join the count of ignored parts.
pub const MAX_NAMED: usize = 8;

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
        if PAGE_PARAMS.contains(&key.as_str()) {
            continue;
        }
        if !(key == "lang" || key == "on" || fact_kind(&key).is_some()) {
            q.ignored += 1;
            continue;
        }
        let given = match key.as_str() {
            "lang" => q.lang.is_some(),
            "on" => q.on.is_some(),
            k => q.facts.get(k).is_some() || q.unknown.contains(k),
        };
        if given || q.errors.iter().any(|e| e.key == key) {
            // `citizenship=DE&citizenship=KZ`: which one was meant is not known, so neither is used (the wizard asks).
            match key.as_str() {
                "lang" => q.lang = None,
                "on" => q.on = None,
                k => {
                    q.facts.remove(k);
                    q.unknown.remove(k);
                }
            }
            q.errors.retain(|e| e.key != key);
            q.errors.push(FactError::new(&key, super::facts::FactErrorKind::Repeated, "given more than once; neither value was used"));
            continue;
        }
        match key.as_str() {
            "lang" => match Lang::parse(&value) {
                Some(l) => q.lang = Some(l),
                None => q.errors.push(FactError::new(&key, super::facts::FactErrorKind::Lang, "expected kk, ru or en")),
            },
            "on" => match Date::parse(&value) {
                Some(d) => q.on = Some(d),
                None => q.errors.push(FactError::new(&key, super::facts::FactErrorKind::Date, format!("`{}` is not a real date YYYY-MM-DD", clip(&value)))),
            },
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
    if q.errors.len() > MAX_NAMED {
        q.ignored += q.errors.len() - MAX_NAMED;
        q.errors.truncate(MAX_NAMED);
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
        assert_eq!((bad.errors.len(), bad.ignored), (0, 1));
    }

    #[test]
    fn unknown_names_are_counted_not_echoed() {
        let spoof = "?lang=ru&%D0%92%D0%9D%D0%98%D0%9C%D0%90%D0%9D%D0%98%D0%95%3A+%D0%B2%D0%B0%D1%88+%D1%81%D1%82%D0%B0%D1%82%D1%83%D1%81+%D0%B0%D0%BD%D0%BD%D1%83%D0%BB%D0%B8%D1%80%D0%BE%D0%B2%D0%B0%D0%BD=1&call=%2B7&x=1";
        let q = parse(crate::law::bundled(), spoof);
        assert!(q.errors.is_empty(), "{:?}", q.errors);
        assert_eq!(q.ignored, 3);
        assert_eq!(q.lang, Some(Lang::Ru));
    }

    #[test]
    fn junk_is_capped_and_each_contract_key_named_once() {
        let mut junk = String::from("?citizenship=XX");
        for i in 0..1900 {
            junk.push_str(&format!("&p{i}=1&purpose=holiday"));
        }
        let q = parse(crate::law::bundled(), &junk);
        let keys: Vec<&str> = q.errors.iter().map(|e| e.key.as_str()).collect();
        assert!(q.errors.len() <= MAX_NAMED, "{keys:?}");
        for k in ["citizenship", "purpose", "link"] {
            assert_eq!(keys.iter().filter(|x| **x == k).count(), 1, "{k} in {keys:?}");
        }
        assert!(q.ignored > 100, "{}", q.ignored);
    }

    #[test]
    fn a_repeated_key_is_an_error_and_neither_value_is_used() {
        let q = parse(crate::law::bundled(), "?citizenship=DE&purpose=visit&citizenship=KZ&citizenship=KZ&lang=en&lang=kk");
        assert_eq!(q.facts.get("citizenship"), None);
        assert_eq!(q.lang, None);
        assert!(q.facts.get("purpose").is_some());
        use crate::law::i18n::CopyId as C;
        let named: Vec<(&str, C)> = q.errors.iter().map(|e| (e.key.as_str(), e.copy())).collect();
        assert_eq!(named, [("citizenship", C::err_repeated), ("lang", C::err_repeated)]);
    }
}
