//! Dates and times written the reader's way — "5 de dezembro de 2026", "December 5, 2026",
//! "5 ديسمبر 2026" — from CLDR's patterns and month names through ICU4X, always in the
//! Gregorian calendar (the one every deadline and voting day is set in).
//!
//! Formatting happens on the server, where every page is drawn; islands never show dates.
//! CLDR has no date data for Haitian Creole (ICU would write "2026 M12 5"), so Kreyòl
//! dates are written here from its month names in the day–month–year order Haiti uses.
//! Machine-readable forms stay ISO: `<time datetime>` attributes, exports, inputs.

use crate::calendar::Date;
use crate::i18n::Locale;

/// "5 de dezembro de 2026".
pub fn long_date(date: Date, locale: Locale) -> String {
    imp::long_date(date, locale)
}

/// "5 de dez. de 2026, 16:09" — a date and a time of day (`minute` after midnight), on
/// whatever clock the caller read it.
pub fn date_time(date: Date, minute: u16, locale: Locale) -> String {
    imp::date_time(date, minute, locale)
}

#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
/// A date kept as text (`YYYY-MM-DD`: a birth date, a card's last day) written the reader's
/// way; text that is no such date comes back as it was.
pub fn written_day(text: &str, locale: Locale) -> String {
    text.parse::<Date>()
        .map_or_else(|_| text.to_owned(), |day| long_date(day, locale))
}

/// A value of a changed field as the audit log shows it: a moment (`YYYY-MM-DDTHH:MM`, as
/// the log's times are read on the organization's clock) written the reader's way, any
/// other value as it is.
pub fn written_value(text: &str, locale: Locale) -> String {
    let moment = text.split_once('T').and_then(|(day, time)| {
        let (h, m) = time.split_once(':')?;
        let (h, m) = (h.parse::<u16>().ok()?, m.parse::<u16>().ok()?);
        (h < 24 && m < 60 && time.len() == 5).then_some((day.parse::<Date>().ok()?, h * 60 + m))
    });
    moment.map_or_else(
        || text.to_owned(),
        |(day, minute)| date_time(day, minute, locale),
    )
}

#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
/// Kreyòl month names (Pawòl Lakay / Haitian public administration usage).
const KREYOL_MONTHS: [&str; 12] = [
    "janvye", "fevriye", "mas", "avril", "me", "jen", "jiyè", "out", "septanm", "oktòb", "novanm",
    "desanm",
];

#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
fn kreyol_date(date: Date) -> String {
    let month = KREYOL_MONTHS[usize::from(date.month().clamp(1, 12)) - 1];
    format!("{} {month} {}", date.day(), date.year())
}

fn clock(minute: u16) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

#[cfg(feature = "ssr")]
mod imp {
    use std::sync::LazyLock;

    use icu_calendar::{Date as IcuDate, Gregorian};
    use icu_datetime::FixedCalendarDateTimeFormatter;
    use icu_datetime::fieldsets::{YMD, YMDT};
    use icu_datetime::input::{DateTime, Time};
    use leptos_i18n::Locale as _;

    use super::{clock, kreyol_date};
    use crate::calendar::Date;
    use crate::i18n::Locale;
    use crate::locale::SWITCHER_ORDER;

    type Formatters<F> = Vec<(Locale, Option<FixedCalendarDateTimeFormatter<Gregorian, F>>)>;

    fn icu_locale(locale: Locale) -> Option<icu_locale_core::Locale> {
        locale.as_str().parse().ok()
    }

    /// Made once per language (CLDR data is compiled in; building a formatter is not free).
    static LONG: LazyLock<Formatters<YMD>> = LazyLock::new(|| {
        SWITCHER_ORDER
            .into_iter()
            .map(|l| {
                let formatter = icu_locale(l).and_then(|icu| {
                    FixedCalendarDateTimeFormatter::try_new(icu.into(), YMD::long()).ok()
                });
                (l, formatter)
            })
            .collect()
    });

    static WITH_TIME: LazyLock<Formatters<YMDT>> = LazyLock::new(|| {
        SWITCHER_ORDER
            .into_iter()
            .map(|l| {
                let formatter = icu_locale(l).and_then(|icu| {
                    // Hours and minutes, on a 24-hour clock wherever the language uses one.
                    FixedCalendarDateTimeFormatter::try_new(
                        icu.into(),
                        YMD::medium().with_time_hm(),
                    )
                    .ok()
                });
                (l, formatter)
            })
            .collect()
    });

    fn gregorian(date: Date) -> Option<IcuDate<Gregorian>> {
        IcuDate::try_new_gregorian(i32::from(date.year()), date.month(), date.day()).ok()
    }

    fn find<F: icu_datetime::scaffold::DateTimeMarkers>(
        list: &Formatters<F>,
        locale: Locale,
    ) -> Option<&FixedCalendarDateTimeFormatter<Gregorian, F>> {
        list.iter()
            .find(|(l, _)| *l == locale)
            .and_then(|(_, f)| f.as_ref())
    }

    pub fn long_date(date: Date, locale: Locale) -> String {
        if locale == Locale::ht {
            return kreyol_date(date);
        }
        match (find(&LONG, locale), gregorian(date)) {
            (Some(formatter), Some(day)) => formatter.format(&day).to_string(),
            _ => date.to_string(),
        }
    }

    pub fn date_time(date: Date, minute: u16, locale: Locale) -> String {
        if locale == Locale::ht {
            return format!("{}, {}", kreyol_date(date), clock(minute));
        }
        let time = Time::try_new(
            u8::try_from(minute / 60).unwrap_or(0),
            u8::try_from(minute % 60).unwrap_or(0),
            0,
            0,
        );
        match (find(&WITH_TIME, locale), gregorian(date), time) {
            (Some(formatter), Some(date), Ok(time)) => {
                formatter.format(&DateTime { date, time }).to_string()
            }
            _ => format!("{date} {}", clock(minute)),
        }
    }
}

/// In the browser bundle: never drawn (dates are not shown by islands), kept plain so the
/// CLDR tables stay out of the bundle.
#[cfg(not(feature = "ssr"))]
mod imp {
    use super::clock;
    use crate::calendar::Date;
    use crate::i18n::Locale;

    pub fn long_date(date: Date, _: Locale) -> String {
        date.to_string()
    }

    pub fn date_time(date: Date, minute: u16, _: Locale) -> String {
        format!("{date} {}", clock(minute))
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().expect("date")
    }

    #[test]
    fn each_language_writes_its_own_dates() {
        let day = date("2026-12-05");
        assert_eq!(long_date(day, Locale::pt_BR), "5 de dezembro de 2026");
        assert_eq!(long_date(day, Locale::es), "5 de diciembre de 2026");
        assert_eq!(long_date(day, Locale::en), "December 5, 2026");
        assert_eq!(long_date(day, Locale::fr), "5 décembre 2026");
        assert_eq!(long_date(day, Locale::ht), "5 desanm 2026");
        assert_eq!(long_date(day, Locale::ar), "5 ديسمبر 2026");
    }

    #[test]
    fn times_follow_the_language_clock() {
        let day = date("2026-12-05");
        let at = 16 * 60 + 9;
        assert_eq!(
            date_time(day, at, Locale::pt_BR),
            "5 de dez. de 2026, 16:09"
        );
        assert_eq!(
            date_time(day, at, Locale::en),
            "Dec 5, 2026, 4:09\u{202f}PM"
        );
        assert_eq!(date_time(day, at, Locale::ht), "5 desanm 2026, 16:09");
        assert!(date_time(day, at, Locale::ar).contains("2026"));
    }

    #[test]
    fn text_is_written_only_when_it_is_a_date_or_a_moment() {
        assert_eq!(written_day("1988-03-02", Locale::es), "2 de marzo de 1988");
        assert_eq!(written_day("Mooca", Locale::es), "Mooca");
        assert_eq!(
            written_value("2026-12-09T03:25", Locale::pt_BR),
            "9 de dez. de 2026, 03:25"
        );
        for text in [
            "verified",
            "2026-12-09",
            "2026-12-09T3:25",
            "2026-12-09T24:00",
            "12",
        ] {
            assert_eq!(written_value(text, Locale::pt_BR), text);
        }
    }

    #[test]
    fn every_month_has_a_kreyol_name() {
        for month in 1..=12 {
            let text = long_date(Date::new(2027, month, 1).expect("date"), Locale::ht);
            assert!(!text.contains('M'), "{text}");
        }
    }
}
