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

/// Lower case for searching names: ASCII, Latin-1, Russian and Kazakh Cyrillic letters. Hand-written because
/// `str::to_lowercase` carries the whole Unicode case table into the download.
pub fn fold(s: &str) -> String {
    s.chars()
        .map(|c| {
            let u = c as u32;
            let l = match u {
                0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => u + 0x20,
                0x531..=0x556 => u + 0x30, // Armenian
                // Latin Extended-A (Ş, Ğ, Ő, Ł): capitals even in two runs, odd in two.
                0x100..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u + 1,
                0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
                0x400..=0x40F => u + 0x50,
                // Ғ Қ Ң Ү Ұ Һ Ә Ө and their kin: the capital is even, the small letter the next code point.
                0x460..=0x4FF if u % 2 == 0 && !(0x482..=0x489).contains(&u) => u + 1,
                _ => u,
            };
            char::from_u32(l).unwrap_or(c)
        })
        .collect()
}

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
            for n in [&c.name.kk, &c.name.ru, &c.name.en].into_iter().chain(&c.aliases) {
                assert_eq!(fold(n), n.to_lowercase(), "{}: {n}", c.code);
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
    fn tenge_is_grouped_per_language() {
        assert_eq!(format_tenge(Lang::En, 43250), "43,250");
        assert_eq!(format_tenge(Lang::Ru, 108125), "108\u{202f}125");
        assert_eq!(format_tenge(Lang::Kk, 950), "950");
    }
}
