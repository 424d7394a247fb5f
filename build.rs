//! Bundles the rule files under `rules/` into the binary as postcard bytes, so that the browser
//! decodes the rule set without a TOML parser. A malformed file fails the build with the file,
//! line, column and problem.
#![allow(dead_code)] // the engine's date and model code is shared with the library, which uses the rest
extern crate alloc;

#[path = "src/law/date.rs"]
mod date;
#[path = "src/law/i18n.rs"]
mod i18n;
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
    println!("cargo:rerun-if-changed=src/law/i18n.rs");
    let mut set = match load::load(|name| std::fs::read_to_string(rules.join(name)).map_err(|e| e.to_string())) {
        Ok(s) => s,
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            panic!("the rule set in rules/ is malformed ({} problems, listed above)", errors.len());
        }
    };
    // The labels of `qadam export` (copy ids `export_…`) serve only the native command line: the browser's
    // bundle leaves them out, so the download does not grow with them.
    if std::env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32")) {
        set.copy.retain(|c| !c.id.starts_with("export_"));
    }
    let bytes = postcard::to_allocvec(&set).expect("rule set serialises");
    let out_dir = std::env::var("OUT_DIR").unwrap();
    std::fs::write(Path::new(&out_dir).join("rules.postcard"), bytes).unwrap();
    std::fs::write(Path::new(&out_dir).join("startup.rs"), startup(&set)).unwrap();
    std::fs::write(Path::new(&out_dir).join("startup.html"), startup_html(&set)).unwrap();
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The start screen as static HTML in the three languages (one shown; boot picks it before the wasm has
/// arrived), in the same markup as `ui::screens::{Header, Start, Footer}`: a phone shows the first screen at
/// once, and the widget replaces it with the same words when it starts. Its Start works before that:
/// static/prerender.js keeps a tap on it (`data-start`), says "loading", and the widget acts on it when it
/// starts (`ui::start`).
fn startup_html(set: &model::RuleSet) -> String {
    use i18n::Lang;
    let t = |id: &str, l: Lang| escape(i18n::copy(set, id, l));
    let mut h = String::new();
    for l in Lang::ALL {
        let hidden = if l == Lang::Ru { "" } else { " hidden" };
        let verified = i18n::copy(set, "rules_verified", l)
            .replace("{date}", &i18n::format_date(&set.locale, l, set.verified_on))
            .replace("{version}", &set.version);
        h.push_str(&format!(
            concat!(
                "<div class=\"prerender\" lang=\"{code}\" data-prerender=\"{code}\"{hidden}>",
                "<header class=\"top\"><p class=\"brand\">Qadam<small>{tagline}</small></p>",
                "<nav aria-label=\"{language}\"><ul class=\"langs\">",
                "<li><button type=\"button\" lang=\"kk\" aria-pressed=\"{kk}\">Қазақша</button></li>",
                "<li><button type=\"button\" lang=\"ru\" aria-pressed=\"{ru}\">Русский</button></li>",
                "<li><button type=\"button\" lang=\"en\" aria-pressed=\"{en}\">English</button></li>",
                "</ul></nav></header>",
                "<section><h1>{tagline}</h1><p>{intro}</p><p>{time}</p><p class=\"notice\">{privacy}</p>",
                "<p class=\"hint\">{disclaimer}</p><div class=\"actions\"><button type=\"button\" data-start data-boot-start>{start}</button></div>",
                // Shown by boot-*.js when the glue or the wasm does not arrive, with a retry that works.
                "<p class=\"error\" role=\"alert\" data-boot-failed hidden>{failed} <button type=\"button\" class=\"secondary\" data-boot-retry>{retry}</button></p></section>",
                // Filled by static/prerender.js when Start is tapped before the widget has arrived.
                "<p role=\"status\" data-loading=\"{loading}\"></p>",
                "<footer class=\"foot\"><p>{privacy}</p><p>{disclaimer}</p><p>{verified}</p></footer></div>\n"
            ),
            code = l.code(),
            hidden = hidden,
            tagline = t("app_tagline", l),
            language = t("language", l),
            kk = l == Lang::Kk,
            ru = l == Lang::Ru,
            en = l == Lang::En,
            intro = t("start_intro", l),
            time = t("start_time", l),
            privacy = t("privacy", l),
            disclaimer = t("disclaimer", l),
            start = t("start_button", l),
            loading = t("loading", l),
            failed = t("app_load_failed", l),
            retry = t("retry", l),
            verified = escape(&verified),
        ));
    }
    h
}

/// The copy the start screen needs before the rule set has arrived: the page shows it at once, and the
/// rule set is fetched when the person starts (or opens a link with answers).
const STARTUP_COPY: [&str; 10] =
    ["app_tagline", "language", "start_intro", "start_time", "privacy", "disclaimer", "start_button", "loading", "load_failed", "retry"];

fn startup(set: &model::RuleSet) -> String {
    use i18n::Lang;
    let mut s = String::from("// Generated by build.rs from rules/copy.toml and rules/ruleset.toml.\n");
    s.push_str("pub static COPY: &[(&str, [&str; 3])] = &[\n");
    for id in STARTUP_COPY {
        let c = set.copy.iter().find(|c| c.id == id).unwrap_or_else(|| panic!("rules/copy.toml: missing `{id}`"));
        s.push_str(&format!("    ({id:?}, [{:?}, {:?}, {:?}]),\n", c.text.kk, c.text.ru, c.text.en));
    }
    s.push_str("];\n");
    let verified: Vec<String> = Lang::ALL
        .iter()
        .map(|l| {
            let template = i18n::copy(set, "rules_verified", *l);
            template
                .replace("{date}", &i18n::format_date(&set.locale, *l, set.verified_on))
                .replace("{version}", &set.version)
        })
        .collect();
    s.push_str(&format!("pub static RULES_VERIFIED: [&str; 3] = [{:?}, {:?}, {:?}];\n", verified[0], verified[1], verified[2]));
    s
}
