//! Languages, plurals, dates and citations in Kazakh, Russian and English.
//!
//! Kazakh dates and plurals are formatted here from the rule set's locale table: Chromium's ICU data
//! for `kk` falls back to the root locale ("2026 M11 22").

use super::date::Date;
use super::model::{Act, Copy, Locale, RuleSet, Source, Text};
use alloc::{format, string::String};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    Kk,
    #[default]
    Ru,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "kk" => Some(Lang::Kk),
            "ru" => Some(Lang::Ru),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first of the browser's languages that Qadam speaks (`kk-KZ` → kk); Russian otherwise.
    pub fn from_preferences<'a>(prefs: impl IntoIterator<Item = &'a str>) -> Lang {
        prefs
            .into_iter()
            .find_map(|p| Lang::parse(&p.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()))
            .unwrap_or_default()
    }
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Kk => &self.kk,
            Lang::Ru => &self.ru,
            Lang::En => &self.en,
        }
    }

    pub fn all(&self) -> [(Lang, &str); 3] {
        [(Lang::Kk, &self.kk), (Lang::Ru, &self.ru), (Lang::En, &self.en)]
    }
}

/// CLDR cardinal plural categories used by the three languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    One,
    Few,
    Many,
    Other,
}

/// CLDR cardinal rules for whole numbers: ru one/few/many, kk and en one/other.
pub fn plural(lang: Lang, n: i64) -> Plural {
    let n = n.unsigned_abs();
    match lang {
        Lang::Ru => {
            let (m10, m100) = (n % 10, n % 100);
            if m10 == 1 && m100 != 11 {
                Plural::One
            } else if (2..=4).contains(&m10) && !(12..=14).contains(&m100) {
                Plural::Few
            } else {
                Plural::Many
            }
        }
        Lang::Kk | Lang::En => {
            if n == 1 {
                Plural::One
            } else {
                Plural::Other
            }
        }
    }
}

/// Picks a form from `one|few|many` (ru) or `one|other` (kk, en).
pub fn plural_form(forms: &str, lang: Lang, n: i64) -> &str {
    let mut parts = forms.split('|');
    let first = parts.next().unwrap_or("");
    let second = parts.next().unwrap_or(first);
    let third = parts.next().unwrap_or(second);
    match plural(lang, n) {
        Plural::One => first,
        Plural::Few | Plural::Other => second,
        Plural::Many => third,
    }
}

/// `25 November 2026`, `25 ноября 2026 г.`, `2026 жылғы 25 қараша`.
pub fn format_date(locale: &Locale, lang: Lang, d: Date) -> String {
    let (y, m, day) = d.ymd();
    let month = locale.months.get(m as usize - 1).map(|t| t.get(lang)).unwrap_or("");
    match lang {
        Lang::Kk => format!("{y} жылғы {day} {month}"),
        Lang::Ru => format!("{day} {month} {y} г."),
        Lang::En => format!("{day} {month} {y}"),
    }
}

/// The weekday's name, Monday first.
pub fn weekday_name(locale: &Locale, lang: Lang, d: Date) -> &str {
    locale.weekdays.get(d.weekday().index()).map(|t| t.get(lang)).unwrap_or("")
}

/// Tenge with the grouping of each language: `43 250` (kk, ru; narrow no-break space), `43,250` (en).
pub fn format_tenge(lang: Lang, n: u64) -> String {
    let digits = format!("{n}");
    let sep = if lang == Lang::En { "," } else { "\u{202f}" };
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

/// "Law 477-IV Art. 6 p. 4" in the contract's (English) form.
pub fn citation(rules: &RuleSet, source: &Source) -> String {
    cite(rules, source, Lang::En)
}

/// The citation in a language: "Закон № 477-IV, ст. 6, п. 4", "№ 477-IV Заң, 6-бап, 4-тармақ, 2) тармақша".
pub fn cite(rules: &RuleSet, source: &Source, lang: Lang) -> String {
    let short = act_of(rules, source).map(|a| a.short.get(lang)).unwrap_or(&source.act);
    let mut s = String::from(short);
    let (a, p, sp) = (&source.article, &source.paragraph, &source.subparagraph);
    match lang {
        Lang::En => {
            for (label, v) in [("Art.", a), ("p.", p), ("sp.", sp)] {
                if !v.is_empty() {
                    s.push_str(&format!(" {label} {v}"));
                }
            }
        }
        Lang::Ru => {
            for (label, v) in [("ст.", a), ("п.", p), ("пп.", sp)] {
                if !v.is_empty() {
                    s.push_str(&format!(", {label} {v}"));
                }
            }
        }
        Lang::Kk => {
            // "2) тармақша": a sub-paragraph is numbered "2)" in the act, and the word stands apart.
            for (suffix, v) in [("-бап", a), ("-тармақ", p), (") тармақша", sp)] {
                if !v.is_empty() {
                    s.push_str(&format!(", {v}{suffix}"));
                }
            }
        }
    }
    s
}

/// The link to the act's official text on adilet.zan.kz in a language.
pub fn act_url<'r>(rules: &'r RuleSet, source: &Source, lang: Lang) -> &'r str {
    act_of(rules, source).map(|a| a.url.get(lang)).unwrap_or("")
}

/// A piece of interface copy by id; an unknown id shows itself, and `qadam check` reports it.
pub fn copy<'r>(rules: &'r RuleSet, id: &'r str, lang: Lang) -> &'r str {
    rules.copy.iter().find(|c: &&Copy| c.id == id).map(|c| c.text.get(lang)).unwrap_or(id)
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
            for n in [&c.name.kk, &c.name.ru, &c.name.en].into_iter().chain(&c.aliases) {
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
