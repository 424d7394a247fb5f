//! `cargo bench`: how long one assessment takes, and a sweep of every scenario of the tables.
//! A benchmark, not a test: it prints figures (README keeps the latest) and asserts nothing about time.

use qadam::law::{assess::assess, bundled, date::Date};
use std::hint::black_box;
use std::time::Instant;

fn time<F: FnMut()>(name: &str, per: usize, mut f: F) {
    f(); // warm
    let mut runs = 0u32;
    let t0 = Instant::now();
    while t0.elapsed().as_millis() < 1500 || runs < 5 {
        f();
        runs += 1;
    }
    let per_run = t0.elapsed().as_secs_f64() / runs as f64;
    println!("{name:<48} {:>10.1} µs per run ({runs} runs; {:.2} µs per item, {per} items)", per_run * 1e6, per_run * 1e6 / per as f64);
}

fn main() {
    let rules = bundled();
    let on = Date::parse("2026-11-22").unwrap();
    let example = r#"{"citizenship":"DE","purpose":"visit","entry_date":"2026-11-20","document":"none"}"#;
    let facts = qadam::cli::facts_from_json(rules, example).unwrap();
    time("one assessment (contract example 1)", 1, || {
        black_box(assess(rules, black_box(&facts), on));
    });
    let kandas = qadam::cli::facts_from_json(rules, r#"{"citizenship":"CN","ethnic_kazakh":true,"purpose":"return_homeland","kandas_status_granted":"2026-03-01","entry_date":"2026-02-01","document":"kandas_certificate"}"#).unwrap();
    time("one assessment (kandas, 12 rights)", 1, || {
        black_box(assess(rules, black_box(&kandas), on));
    });

    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut cases = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
        let v: toml::Table = toml::from_str(&text).unwrap();
        for c in v["case"].as_array().unwrap() {
            let json = serde_json::to_string(&c["facts"]).unwrap();
            let on = Date::parse(c["on"].as_str().unwrap()).unwrap();
            if let Ok(f) = qadam::cli::facts_from_json(rules, &json) {
                cases.push((f, on));
            }
        }
    }
    let n = cases.len();
    time("sweep of all scenario tables", n, || {
        for (f, on) in &cases {
            black_box(assess(rules, f, *on));
        }
    });
    time("decode the bundled rule set (hand-written reader, as in the browser)", 1, || {
        static BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/rules.postcard"));
        black_box(qadam::law::decode(black_box(BUNDLE)).unwrap());
    });
}
