//! Generates the `i18n` module from `locales/<lang>/<namespace>.json`: a missing or extra key in any
//! locale is a build error, so no page can ship half-translated.
use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::{error::Error, path::PathBuf};

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?).join("i18n");
    // English is the fallback; the other five are the languages Voz's participants read.
    let cfg = Config::new("en")?
        .add_locales(["pt-BR", "es", "fr", "ht", "ar"])?
        // One file per process and language (`locales/<lang>/<namespace>.json`), so a
        // process's translators and reviewers read its own keys: `t!(i18n, elections.…)`.
        .add_namespaces([
            "common",
            "accounts",
            "elections",
            "results",
            "conferences",
            "calls",
        ])?
        // Sentences with values (`{{ max }}`) as plain strings, for attributes and errors.
        .parse_options(ParseOptions::new().interpolate_display(true));
    let infos = TranslationsInfos::parse(cfg)?;
    infos.emit_diagnostics();
    infos.rerun_if_locales_changed();
    infos.generate_i18n_module(out)?;
    Ok(())
}
