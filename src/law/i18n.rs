//! Languages, plurals, dates and citations, from the table of languages in `rules/languages.toml`.
//!
//! Kazakh dates and plurals are formatted here from the rule set's locale table: Chromium's ICU data
//! for `kk` falls back to the root locale ("2026 M11 22").

use super::date::Date;
use super::model::{Act, Locale, PluralRule, RuleSet, Source, Text};
use alloc::{format, string::String, vec::Vec};

include!(concat!(env!("OUT_DIR"), "/langs.rs"));
include!(concat!(env!("OUT_DIR"), "/copy_ids.rs"));

impl Lang {
    /// The place of the language in the table (and of its text in every [`Text`]).
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn code(self) -> &'static str {
        Self::CODES[self.index()]
    }

    /// The language's name in itself, for the language switch.
    pub fn name(self) -> &'static str {
        Self::NAMES[self.index()]
    }

    pub fn parse(s: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == s)
    }

    /// The first of the browser's languages that Qadam speaks (`kk-KZ` → kk); the table's default otherwise.
    pub fn from_preferences<'a>(prefs: impl IntoIterator<Item = &'a str>) -> Lang {
        prefs
            .into_iter()
            .find_map(|p| Lang::parse(&p.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()))
            .unwrap_or_default()
    }

    pub fn plural_rule(self) -> PluralRule {
        Self::PLURALS[self.index()]
    }
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        self.0.get(lang.index()).map_or("", |s| s.as_str())
    }

    /// Each language's text.
    pub fn all(&self) -> impl Iterator<Item = (Lang, &str)> {
        Lang::ALL.into_iter().zip(self.0.iter().map(|s| s.as_str()))
    }
}

/// CLDR cardinal plural categories.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    One,
    Few,
    Many,
    Other,
}

/// The CLDR category of a whole number under the language's rule family (rules/languages.toml).
pub fn plural(lang: Lang, n: i64) -> Plural {
    let n = n.unsigned_abs();
    match lang.plural_rule() {
        PluralRule::OneFewMany => {
            let (m10, m100) = (n % 10, n % 100);
            if m10 == 1 && m100 != 11 {
                Plural::One
            } else if (2..=4).contains(&m10) && !(12..=14).contains(&m100) {
                Plural::Few
            } else {
                Plural::Many
            }
        }
        PluralRule::OneOther if n == 1 => Plural::One,
        PluralRule::OneOther | PluralRule::Other => Plural::Other,
    }
}

/// Picks a form from `one|few|many`, `one|other` or `other`, as the language's rule family has them.
pub fn plural_form(forms: &str, lang: Lang, n: i64) -> &str {
    let mut parts = forms.split('|');
    let first = parts.next().unwrap_or("");
    let second = parts.next().unwrap_or(first);
    let third = parts.next().unwrap_or(second);
    match (lang.plural_rule(), plural(lang, n)) {
        (PluralRule::Other, _) | (_, Plural::One) => first,
        (_, Plural::Few | Plural::Other) => second,
        (_, Plural::Many) => third,
    }
}

/// `25 November 2026`, `25 ноября 2026 г.`, `2026 жылғы 25 қараша`: the language's `date` pattern.
pub fn format_date(locale: &Locale, lang: Lang, d: Date) -> String {
    let months: Vec<&str> = locale.months.iter().map(|t| t.get(lang)).collect();
    d.in_words(Lang::DATES[lang.index()], &months)
}

/// The weekday's name, Monday first.
pub fn weekday_name(locale: &Locale, lang: Lang, d: Date) -> &str {
    locale.weekdays.get(d.weekday().index()).map(|t| t.get(lang)).unwrap_or("")
}

/// Tenge with the grouping of each language: `43 250` (kk, ru; narrow no-break space), `43,250` (en).
pub fn format_tenge(lang: Lang, n: u64) -> String {
    let digits = format!("{n}");
    let sep = Lang::THOUSANDS[lang.index()];
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// Lower case for searching names, exactly as `str::to_lowercase` for every code point of the blocks it
/// claims ([`FOLD_BLOCKS`]: Basic Latin, Latin-1, Latin Extended-A, Azerbaijani Ə, Cyrillic with its
/// supplement: the scripts of the country names and of what people type; a native test compares them all)
/// and unchanged elsewhere. Hand-written because `str::to_lowercase` carries the whole Unicode case table
/// into the download.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let u = c as u32;
        let even = u % 2 == 0;
        let l = match u {
            0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x410..=0x42F => u + 0x20,
            // Turkish İ: a small i with the dot kept as a combining mark.
            0x130 => {
                out.push_str("i\u{307}");
                continue;
            }
            0x178 => 0xFF,
            0x18F => 0x259,
            // Latin Extended-A: pairs, the capital even in two runs and odd in two (ı, ĸ, ŉ, ſ have none).
            0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if even => u + 1,
            0x139..=0x148 | 0x179..=0x17E if !even => u + 1,
            0x400..=0x40F => u + 0x50,
            // Ғ Қ Ң Ү Ұ Һ Ә Ө and their kin: the capital is even, the small letter the next code point, except
            // the palochka Ӏ and the run after it, where the capital is odd.
            0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if even => u + 1,
            0x4C0 => 0x4CF,
            0x4C1..=0x4CE if !even => u + 1,
            _ => u,
        };
        out.push(char::from_u32(l).unwrap_or(c));
    }
    out
}

/// The code points whose case [`fold`] knows (inclusive ranges).
pub const FOLD_BLOCKS: [(u32, u32); 4] = [(0x0, 0x17F), (0x18F, 0x18F), (0x400, 0x4FF), (0x500, 0x52F)];

/// The act a source cites; a missing act is reported by `qadam check`.
pub fn act_of<'r>(rules: &'r RuleSet, source: &Source) -> Option<&'r Act> {
    rules.acts.iter().find(|a| a.id == source.act)
}

/// "Law 477-IV Art. 6 p. 4": the contract's citations are in English.
pub fn citation(rules: &RuleSet, source: &Source) -> String {
    cite(rules, source, Lang::En)
}

/// The citation in a language, from its `cite` forms: "Закон № 477-IV, ст. 6, п. 4",
/// "№ 477-IV Заң, 6-бап, 4-тармақ, 2) тармақша".
pub fn cite(rules: &RuleSet, source: &Source, lang: Lang) -> String {
    let short = act_of(rules, source).map(|a| a.short.get(lang)).unwrap_or(&source.act);
    let mut s = String::from(short);
    let parts = [&source.article, &source.paragraph, &source.subparagraph];
    for (form, v) in Lang::CITE[lang.index()].iter().zip(parts) {
        if !v.is_empty() {
            s.push_str(&form.replace("{n}", v));
        }
    }
    s
}

/// The link to the act's official text on adilet.zan.kz in a language.
pub fn act_url<'r>(rules: &'r RuleSet, source: &Source, lang: Lang) -> &'r str {
    act_of(rules, source).map(|a| a.url.get(lang)).unwrap_or("")
}

/// A text of rules/copy.toml: its id is its place (the bundle keeps the file's order; `bundle::decode`
/// refuses a bundle with another number of texts).
pub fn copy(rules: &RuleSet, id: CopyId, lang: Lang) -> &str {
    rules.copy.get(id as usize).map_or("", |c| c.text.get(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_plurals_follow_cldr() {
        let cases = [(1, Plural::One), (2, Plural::Few), (5, Plural::Many), (11, Plural::Many), (21, Plural::One), (22, Plural::Few), (25, Plural::Many), (111, Plural::Many), (0, Plural::Many), (14, Plural::Many), (104, Plural::Few)];
        for (n, p) in cases {
            assert_eq!(plural(Lang::Ru, n), p, "ru {n}");
        }
        assert_eq!(plural(Lang::Kk, 1), Plural::One);
        assert_eq!(plural(Lang::Kk, 21), Plural::Other);
        assert_eq!(plural(Lang::En, 0), Plural::Other);
        assert_eq!(plural_form("день|дня|дней", Lang::Ru, 3), "дня");
        assert_eq!(plural_form("день|дня|дней", Lang::Ru, 12), "дней");
        assert_eq!(plural_form("day|days", Lang::En, 1), "day");
    }

    #[test]
    fn languages_come_from_browser_preferences() {
        assert_eq!(Lang::from_preferences(["kk-KZ", "ru"]), Lang::Kk);
        assert_eq!(Lang::from_preferences(["de-DE", "en-US"]), Lang::En);
        assert_eq!(Lang::from_preferences(["uz-UZ"]), Lang::Ru);
    }

    #[test]
    fn names_fold_to_lower_case_in_every_script_of_the_countries_list() {
        assert_eq!(fold("ҚАЗАҚСТАН Өзбекстан ҒҰҢҮҺӘІ"), "қазақстан өзбекстан ғұңүһәі");
        assert_eq!(fold("РОССИЯ Ёлка"), "россия ёлка");
        assert_eq!(fold("Côte D'IVOIRE ÅLAND"), "côte d'ivoire åland");
        assert_eq!(fold("ŞĞŐŁŹĺ"), "şğőłźĺ");
        for s in ["Тәжікстан", "Кыргызстан", "Türkiye", "Ресей Федерациясы"] {
            assert_eq!(fold(s), s.to_lowercase(), "{s}");
        }
        #[cfg(not(target_arch = "wasm32"))]
        for c in &crate::law::bundled().countries {
            // Every name is in the blocks fold claims, except aliases in other scripts (Հայաստան, 中国), which
            // are found as they are written.
            for n in c.name.0.iter().chain(&c.aliases) {
                let claimed = n.chars().filter(|ch| ch.is_alphabetic()).all(|ch| FOLD_BLOCKS.iter().any(|(a, b)| (*a..=*b).contains(&(ch as u32))));
                assert!(claimed || c.aliases.contains(n), "{}: the name {n} is outside the blocks fold claims", c.code);
                if claimed {
                    assert_eq!(fold(n), n.to_lowercase(), "{}: {n}", c.code);
                }
            }
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn citations_follow_each_language_s_form() {
        let rules = crate::law::bundled();
        let s = rules.rights.iter().find(|r| r.id == "simplified_citizenship").expect("right").source.clone();
        assert_eq!(cite(rules, &s, Lang::Kk), "№ 477-IV Заң, 26-бап, 1-тармақ, 1) тармақша");
        assert_eq!(cite(rules, &s, Lang::Ru), "Закон № 477-IV, ст. 26, п. 1, пп. 1");
        assert_eq!(cite(rules, &s, Lang::En), "Law 477-IV Art. 26 p. 1 sp. 1");
    }

    #[test]
    fn fold_is_to_lowercase_over_every_code_point_it_claims() {
        let mut checked = 0;
        let mut wrong = Vec::new();
        for (a, b) in FOLD_BLOCKS {
            for c in (a..=b).filter_map(char::from_u32) {
                let s = c.to_string();
                if fold(&s) != s.to_lowercase() {
                    wrong.push(format!("U+{:04X} {c}: {:?} not {:?}", c as u32, fold(&s), s.to_lowercase()));
                }
                checked += 1;
            }
        }
        assert!(checked >= 689, "only {checked} code points checked");
        assert!(wrong.is_empty(), "{} wrong: {wrong:?}", wrong.len());
        // Outside the blocks it claims, nothing changes (the case table is not in the download).
        assert_eq!(fold("ÆΩЖ\u{10A0}\u{1E9E}Ա"), "æΩж\u{10A0}\u{1E9E}Ա");
    }

    #[test]
    fn tenge_is_grouped_per_language() {
        assert_eq!(format_tenge(Lang::En, 43250), "43,250");
        assert_eq!(format_tenge(Lang::Ru, 108125), "108\u{202f}125");
        assert_eq!(format_tenge(Lang::Kk, 950), "950");
    }
}
