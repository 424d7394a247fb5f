//! The termbase (rules/terms.toml) against every text a person can read: no wrong variant of a legal term, and
//! each concept named one way in each language. The termbase is read here only; the browser never gets it.
#![cfg(not(target_arch = "wasm32"))]

use qadam::law::{bundled, check, i18n::Lang};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TermFile {
    term: Vec<Term>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Term {
    id: String,
    law: String,
    #[serde(default)]
    review: Vec<u32>,
    kk: Vec<String>,
    ru: Vec<String>,
    en: Vec<String>,
    #[serde(default)]
    also_kk: Vec<String>,
    #[serde(default)]
    also_ru: Vec<String>,
    #[serde(default)]
    also_en: Vec<String>,
    #[serde(default)]
    wrong_kk: Vec<String>,
    #[serde(default)]
    wrong_ru: Vec<String>,
    #[serde(default)]
    wrong_en: Vec<String>,
}

impl Term {
    fn names(&self, lang: Lang) -> (&[String], &[String], &[String]) {
        match lang {
            Lang::Kk => (&self.kk, &self.also_kk, &self.wrong_kk),
            Lang::Ru => (&self.ru, &self.also_ru, &self.wrong_ru),
            Lang::En => (&self.en, &self.also_en, &self.wrong_en),
            // A language added to rules/languages.toml has no terms here yet: nothing to check it against.
            #[allow(unreachable_patterns)]
            _ => (&[], &[], &[]),
        }
    }
}

fn termbase() -> Vec<Term> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/terms.toml");
    let text = std::fs::read_to_string(&path).expect("rules/terms.toml");
    toml::from_str::<TermFile>(&text).unwrap_or_else(|e| panic!("rules/terms.toml: {e}")).term
}

/// Lower-case words of a text: letters, digits, hyphens and apostrophes; everything else separates.
fn words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '='))
        .filter(|w| !w.is_empty())
        .map(|w| w.replace('ё', "е"))
        .collect()
}

/// Whether `name` occurs in `text`: each word of the name starts a word of the text, in order, adjacent.
/// Kazakh and Russian inflect at the end of a word, so a stem matches every case form; a word written with
/// a final `=` must match whole (`заң= кеңесі` is not `заңгер кеңесі`).
fn mentions(text: &[String], name: &str) -> bool {
    let name = words(name);
    let word = |t: &String, n: &String| match n.strip_suffix('=') {
        Some(whole) => t == whole,
        None => t.starts_with(n.as_str()),
    };
    !name.is_empty() && text.windows(name.len()).any(|w| w.iter().zip(&name).all(|(t, n)| word(t, n)))
}

/// Every text a person reads: the rule set's texts (not the acts' addresses). The page's title, no-script
/// line and description and the embed snippet's frame titles are among them (copy `page_…`, filled in by
/// scripts/build.sh).
fn user_texts() -> Vec<(String, Lang, String)> {
    let rules = bundled();
    let mut out = Vec::new();
    for (path, t) in check::texts(rules) {
        if path.ends_with(".url") {
            continue;
        }
        for (lang, s) in t.all() {
            out.push((path.clone(), lang, s.to_string()));
        }
    }
    out
}

#[test]
fn the_termbase_is_well_formed() {
    let terms = termbase();
    assert!(terms.len() >= 30, "only {} concepts", terms.len());
    let mut ids = std::collections::BTreeSet::new();
    for t in &terms {
        assert!(ids.insert(&t.id), "{}: twice", t.id);
        assert!(!t.law.is_empty(), "{}: no source in the law", t.id);
        assert!(t.review.iter().all(|r| (1..=48).contains(r)), "{}: review rows are 1–48", t.id);
        for lang in Lang::ALL {
            let (term, also, wrong) = t.names(lang);
            assert!(!term.is_empty(), "{}: no {} term", t.id, lang.code());
            // A wrong or second name must not be matched by the term itself (it would then flag every use).
            for bad in also.iter().chain(wrong) {
                for good in term {
                    assert!(!mentions(&words(good), bad), "{}: `{good}` contains the variant `{bad}`", t.id);
                }
            }
        }
    }
}

/// Every term of the termbase occurs in some text: a stem with a typo would otherwise match nothing and check
/// nothing.
#[test]
fn every_term_is_used_in_the_texts() {
    let texts: Vec<(Lang, Vec<String>)> = user_texts().into_iter().map(|(_, l, s)| (l, words(&s))).collect();
    let mut unused = Vec::new();
    for t in termbase() {
        for lang in Lang::ALL {
            for name in t.names(lang).0 {
                if !texts.iter().any(|(l, w)| *l == lang && mentions(w, name)) {
                    unused.push(format!("{} {}: `{name}`", t.id, lang.code()));
                }
            }
        }
    }
    assert!(unused.is_empty(), "terms that no text uses (a typo in the stem?):\n{}", unused.join("\n"));
}

#[test]
fn no_text_uses_a_wrong_variant() {
    let terms = termbase();
    let mut found = Vec::new();
    for (path, lang, s) in user_texts() {
        let w = words(&s);
        for t in &terms {
            for bad in t.names(lang).2 {
                if mentions(&w, bad) {
                    found.push(format!("{path} ({}): `{bad}` is wrong for {} — say `{}`", lang.code(), t.id, t.names(lang).0[0]));
                }
            }
        }
    }
    assert!(found.is_empty(), "{} wrong variants:\n{}", found.len(), found.join("\n"));
}

#[test]
fn each_concept_is_named_one_way_in_each_language() {
    let terms = termbase();
    let texts = user_texts();
    let mut found = Vec::new();
    for t in &terms {
        for lang in Lang::ALL {
            let (term, also, _) = t.names(lang);
            // Which of the concept's names each text uses: the term (with its abbreviation) is one name.
            let mut used: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
            for (path, l, s) in texts.iter().filter(|(_, l, _)| *l == lang) {
                let _ = l;
                let w = words(s);
                if term.iter().any(|n| mentions(&w, n)) {
                    used.entry(term[0].as_str()).or_default().push(path);
                }
                for n in also {
                    if mentions(&w, n) {
                        used.entry(n.as_str()).or_default().push(path);
                    }
                }
            }
            for (name, paths) in &used {
                if *name != term[0] {
                    found.push(format!("{} ({}): `{name}` in {} — the texts name it `{}`", t.id, lang.code(), paths.join(", "), term[0]));
                }
            }
        }
    }
    assert!(found.is_empty(), "concepts named two ways:\n{}", found.join("\n"));
}

/// The matcher itself: the review's worst errors are caught, the right words are not.
#[test]
fn the_matcher_finds_stems_in_inflected_text() {
    let w = words("Босқын мәртебесі немесе саяси баспанаға өтініш; РАЗРЕШЕНИЕ на временное проживание, «Ескертпе».");
    assert!(mentions(&w, "баспана"));
    assert!(!mentions(&w, "саяси пана"));
    assert!(mentions(&w, "разрешени на временн проживани"));
    assert!(!mentions(&w, "разрешени на постоянн проживани"));
    assert!(mentions(&w, "ескертпе"));
    assert!(!mentions(&words("Еске салу: мерзімге 2 күн қалды"), "ескертпе"));
    assert!(mentions(&words("Self-employed foreign worker"), "self-employ"));
    assert!(mentions(&words("неподтверждённый источник"), "неподтверждённ"));
    assert!(mentions(&words("Бұл заң кеңесі емес"), "заң= кеңесі"));
    assert!(!mentions(&words("Бұл заңгер кеңесі емес"), "заң= кеңесі"));
}
