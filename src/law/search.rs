//! Country search as people type: any language, any script, common misspellings. Names, aliases
//! (`rules/countries.toml`) and the query are reduced to one Latin key: lower case ([`fold`]), Cyrillic
//! read in Latin letters, accents off, and the spellings that differ between Russian, Kazakh, Uzbek and
//! English transliterations made equal (й/и/ы/y → i, ё → e, дж/j → zh, х/x/kh → h). "Китаи", "Kitay" and
//! "Китай" all become `kitai`. What is not found falls back to the common countries, with a word that
//! nothing was found.

use super::i18n::fold;
use super::model::{Country, RuleSet};
use alloc::{string::String, vec::Vec};

/// At most this many countries are listed for a query.
pub const LIMIT: usize = 20;

/// Latin letters for Latin-1's U+00C0..U+00FF after [`fold`] (`-`: not a letter, dropped).
const LATIN1: &[u8; 64] = b"aaaaaaaceeeeiiiidnooooo-ouuuuytsaaaaaaaceeeeiiiidnooooo-ouuuuyty";
/// Latin letters for the lower-case Cyrillic letters U+0430..U+045F (Russian, then ѐ ё ђ ѓ є ѕ і ї ј љ њ ћ ќ ѝ ў џ).
const CYRILLIC: &str = "a b v g d e zh z i i k l m n o p r s t u f h ts ch sh sh - i - e iu ia e e d g e z i i i l n c k i u zh";

/// Latin letters for a lower-case Cyrillic letter (Russian, Kazakh, Kyrgyz, Uzbek, Tajik, Ukrainian).
fn cyrillic(c: char) -> &'static str {
    let u = c as u32;
    if (0x430..=0x45F).contains(&u) {
        return CYRILLIC.split(' ').nth((u - 0x430) as usize).filter(|s| *s != "-").unwrap_or("");
    }
    match c {
        'ә' => "a",
        'ғ' | 'ґ' => "g",
        'қ' => "k",
        'ң' => "n",
        'ө' => "o",
        'ү' | 'ұ' | 'ӯ' => "u",
        'һ' | 'ҳ' => "h",
        'ҷ' => "zh",
        'ӣ' => "i",
        _ => "",
    }
}

/// The search key of a name or a query (see the module's comment). Letters of other scripts (中国, भारत,
/// افغانستان) are kept as they are, so an alias in them is still found when typed.
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in fold(s).chars() {
        let u = c as u32;
        match c {
            'j' => out.push_str("zh"),
            'y' => out.push('i'),
            'x' => out.push('h'),
            'w' => out.push('v'),
            'q' => out.push('k'),
            'a'..='z' | '0'..='9' => out.push(c),
            // Turkic letters beyond Latin-1 (Azerbaijani, Turkish, Turkmen).
            'ə' => out.push('e'),
            'ı' => out.push('i'),
            'ş' => out.push('s'),
            'ğ' => out.push('g'),
            'ň' => out.push('n'),
            'ž' => out.push('z'),
            _ if (0xC0..=0xFF).contains(&u) => {
                let b = LATIN1[(u - 0xC0) as usize];
                if b != b'-' {
                    out.push(if b == b'y' { 'i' } else { b as char });
                }
            }
            _ if (0x400..=0x52F).contains(&u) => out.push_str(cyrillic(c)),
            // Spaces, hyphens, apostrophes (Oʻzbekiston), combining marks: not part of the key.
            _ if u < 0x370 || (0x2000..=0x206F).contains(&u) => {}
            _ => out.push(c),
        }
        // The transliterations that differ only in writing one sound: дж/dzh/dj → zh, kh → h.
        if out.ends_with("dzh") || out.ends_with("kh") {
            out.remove(out.len() - 2 - usize::from(out.ends_with("dzh")));
        }
    }
    out
}

/// What a search found.
#[derive(Debug, PartialEq)]
pub struct Found<'r> {
    pub countries: Vec<&'r Country>,
    /// Nothing matched what was typed: `countries` are the common ones instead.
    pub fallback: bool,
}

/// The common countries, by rank (Kazakhstan among them, for its citizens).
pub fn common(rules: &RuleSet) -> Vec<&Country> {
    let mut out = Vec::new();
    for rank in 1..=rules.countries.iter().map(|c| c.common).max().unwrap_or(0) {
        out.extend(rules.countries.iter().filter(|c| c.common == rank));
    }
    out
}

/// The countries for what was typed: the common ones for an empty query; else those whose name in any
/// language, alias or code matches, names that begin with it first; else the common ones with `fallback`.
pub fn countries<'r>(rules: &'r RuleSet, query: &str) -> Found<'r> {
    let q = key(query);
    if q.is_empty() {
        return Found { countries: common(rules), fallback: !query.trim().is_empty() };
    }
    let code = fold(query.trim());
    let names = |c: &'r Country| c.name.0.iter().chain(c.aliases.iter()).map(|n| key(n));
    // Best first: the code, then names that begin with what was typed, then names that contain it.
    let mut hits: [Vec<&Country>; 3] = Default::default();
    for c in &rules.countries {
        let best = if fold(&c.code) == code {
            Some(0)
        } else {
            names(c).filter_map(|n| n.find(&q).map(|at| if at == 0 { 1 } else { 2 })).min()
        };
        if let Some(b) = best {
            hits[b].push(c);
        }
    }
    let hits: Vec<&Country> = hits.concat().into_iter().take(LIMIT).collect();
    if hits.is_empty() {
        return Found { countries: common(rules), fallback: true };
    }
    Found { countries: hits, fallback: false }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::law::bundled;

    fn first_codes(query: &str, n: usize) -> Vec<String> {
        countries(bundled(), query).countries.iter().take(n).map(|c| c.code.clone()).collect()
    }

    #[test]
    fn transliterations_share_one_key() {
        for group in [
            &["Китай", "Китаи", "Kitay", "KITAI"][..],
            &["Таджикистан", "Тажикистан", "Tajikistan", "Tadzhikistan"],
            &["Монголия", "Mongoliya", "Mongoliia"],
            &["Кыргызстан", "Kyrgyzstan", "Kirgizstan"],
            &["Ўзбекистон", "Узбекистон", "Uzbekiston"],
            &["Türkiye", "Turkiye", "TÜRKİYE"],
            &["Азербайджан", "Azerbaijan", "Azerbaidzhan"],
            &["Azərbaycan", "Azerbaycan", "AZƏRBAYCAN"],
        ] {
            let k = key(group[0]);
            for s in &group[1..] {
                assert_eq!(key(s), k, "{s} vs {}", group[0]);
            }
        }
        assert_eq!(key("O'zbekiston"), key("Oʻzbekiston"));
        assert_eq!(key("Côte d'Ivoire"), "cotedivoire");
        assert_eq!(key("中国"), "中国");
    }

    #[test]
    fn the_spellings_people_type_find_their_country() {
        let cases = [
            ("Kitay", "CN"),
            ("Китаи", "CN"),
            ("Xitoy", "CN"),
            ("Хитой", "CN"),
            ("Afgan", "AF"),
            ("Афган", "AF"),
            ("Узбекистон", "UZ"),
            ("Uzbekistan", "UZ"),
            ("Ozbekiston", "UZ"),
            ("Mongoliya", "MN"),
            ("Тажикистан", "TJ"),
            ("Tojikiston", "TJ"),
            ("Kirgizstan", "KG"),
            ("Киргизия", "KG"),
            ("Rossiya", "RU"),
            ("Россия", "RU"),
            ("Turtsiya", "TR"),
            ("Туркия", "TR"),
            ("Indiya", "IN"),
            ("Қытай", "CN"),
            ("uz", "UZ"),
            ("Deutschland", "DE"),
            ("Kazakstan", "KZ"),
            ("Tadjikistan", "TJ"),
        ];
        let mut wrong = Vec::new();
        for (typed, code) in cases {
            let found = countries(bundled(), typed);
            if found.fallback || !found.countries.iter().take(3).any(|c| c.code == code) {
                wrong.push(format!("{typed} -> {:?} (fallback {})", first_codes(typed, 5), found.fallback));
            }
        }
        assert!(wrong.is_empty(), "not among the first three: {wrong:?}");
    }

    #[test]
    fn nothing_found_shows_the_common_countries_never_an_empty_list() {
        for typed in ["zzzz", "qwertyuiop", "!!!", "ыыыыыыы"] {
            let found = countries(bundled(), typed);
            assert!(found.fallback, "{typed}: {:?}", first_codes(typed, 5));
            assert!(found.countries.len() >= 10, "{typed}: only {} countries", found.countries.len());
        }
        let common: Vec<&str> = common(bundled()).iter().map(|c| c.code.as_str()).collect();
        for code in ["UZ", "TJ", "KG", "RU", "CN", "KZ"] {
            assert!(common.contains(&code), "{code} is not among the common countries {common:?}");
        }
        assert!(!countries(bundled(), "").fallback);
    }

    #[test]
    fn every_name_and_alias_finds_its_own_country() {
        let r = bundled();
        for c in &r.countries {
            for n in c.name.0.iter().chain(&c.aliases) {
                let found = countries(r, n);
                assert!(!found.fallback && found.countries.iter().any(|x| x.code == c.code), "{}: {n}", c.code);
            }
        }
    }

    #[test]
    fn the_cyrillic_table_has_one_entry_per_letter() {
        assert_eq!(CYRILLIC.split(' ').count(), 0x460 - 0x430);
        assert_eq!(key("абвгдежзийклмнопрстуфхцчшщъыьэюя"), "abvgdezhziiklmnoprstufhtschshshieiuia");
        assert_eq!(key("ёєіїўџ"), "eeiiuzh");
        assert_eq!(key("әғқңөүұһҳҷӣӯ"), "agknouuhhzhiu");
    }

}
