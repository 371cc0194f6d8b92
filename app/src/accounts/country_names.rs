//! Country names from CLDR (through ICU4X's compiled data), in the reader's language. CLDR
//! has few names in Haitian Creole, so ICU falls back for those (to French, which Haitian
//! readers share).

use icu_experimental::displaynames::DisplayNamesOptions;
use icu_experimental::displaynames::multi::RegionDisplayNames;
use icu_locale_core::Locale as IcuLocale;
use icu_locale_core::subtags::Region;
use unicode_normalization::UnicodeNormalization as _;

use crate::accounts::countries::{COUNTRY_CODES, STATELESS};
use crate::accounts::types::NationalityOption;
use crate::i18n::Locale;

/// All nationalities named in `locale` (an unknown tag gives English), sorted by name;
/// "stateless" comes first, where nobody has to scroll for it.
pub fn nationality_options(locale: &str) -> Vec<NationalityOption> {
    let tag = locale.parse::<Locale>().unwrap_or_default();
    let icu: IcuLocale = leptos_i18n::Locale::as_str(tag)
        .parse()
        .unwrap_or(icu_locale_core::locale!("en"));
    let names = RegionDisplayNames::try_new((&icu).into(), DisplayNamesOptions::default()).ok();
    let mut options: Vec<NationalityOption> = COUNTRY_CODES
        .iter()
        .map(|code| {
            let name = names
                .as_ref()
                .zip(code.parse::<Region>().ok())
                .and_then(|(names, region)| names.of(region))
                .unwrap_or(code);
            NationalityOption {
                code: (*code).to_owned(),
                name: name.to_owned(),
            }
        })
        .collect();
    options.sort_by_cached_key(|option| sort_key(&option.name));
    options.insert(
        0,
        NationalityOption {
            code: STATELESS.to_owned(),
            name: stateless_name(tag).to_owned(),
        },
    );
    options
}

/// Accents do not decide the order ("Émirats" sorts with the E's).
fn sort_key(name: &str) -> String {
    name.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

fn stateless_name(locale: Locale) -> &'static str {
    match locale {
        Locale::pt_BR => "Apátrida",
        Locale::es => "Apátrida",
        Locale::en => "Stateless",
        Locale::fr => "Apatride",
        Locale::ht => "Apatrid (san nasyonalite)",
        Locale::ar => "عديم الجنسية",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_in_the_readers_language() {
        let name = |locale: &str, code: &str| {
            nationality_options(locale)
                .into_iter()
                .find(|o| o.code == code)
                .map(|o| o.name)
        };
        assert_eq!(name("pt-BR", "BO").as_deref(), Some("Bolívia"));
        assert_eq!(name("es", "HT").as_deref(), Some("Haití"));
        assert_eq!(name("ar", "SY").as_deref(), Some("سوريا"));
        assert_eq!(name("fr", "CD").as_deref(), Some("Congo-Kinshasa"));
        assert!(name("ht", "HT").is_some());
    }

    #[test]
    fn stateless_first_then_sorted_without_regard_to_accents() {
        let options = nationality_options("fr");
        assert_eq!(options[0].code, STATELESS);
        assert_eq!(options.len(), COUNTRY_CODES.len() + 1);
        let position = |code: &str| {
            options
                .iter()
                .position(|o| o.code == code)
                .expect("present")
        };
        assert!(
            position("AE") < position("FR"),
            "Émirats arabes unis sorts among the E's"
        );
        assert!(position("EG") < position("AE"), "Égypte before Émirats");
    }
}
