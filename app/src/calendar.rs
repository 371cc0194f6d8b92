//! Calendar dates and the organization's clock. `Date` is pure and lives with the counting
//! rule (`voz-count`), which breaks ties by age.

pub use voz_count::date::{Date, InvalidDate};

/// A moment as people at the organization read their clocks: the local date and the
/// minute of the day (0–1439).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LocalTime {
    pub date: Date,
    pub minute: u16,
}

impl LocalTime {
    /// `YYYY-MM-DDTHH:MM`, for machines (`<time datetime>`).
    pub fn iso(self) -> String {
        format!(
            "{}T{:02}:{:02}",
            self.date,
            self.minute / 60,
            self.minute % 60
        )
    }
}

/// The date and minute of the day (0–1439) at `millis` on the clock of `time_zone` (IANA
/// name). An unknown zone reads as UTC: a misconfigured organization still has a clock.
#[cfg(feature = "ssr")]
pub fn local_time(time_zone: &str, millis: i64) -> LocalTime {
    let zone = jiff::tz::TimeZone::get(time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
    let instant = jiff::Timestamp::from_millisecond(millis).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let zoned = instant.to_zoned(zone);
    let date = Date::new(
        u16::try_from(zoned.year()).unwrap_or(1970),
        u8::try_from(zoned.month()).unwrap_or(1),
        u8::try_from(zoned.day()).unwrap_or(1),
    )
    .unwrap_or_else(|_| Date::from_unix_millis(millis));
    let minute =
        u16::try_from(zoned.hour()).unwrap_or(0) * 60 + u16::try_from(zoned.minute()).unwrap_or(0);
    LocalTime { date, minute }
}

/// Whether `time_zone` is an IANA zone name this server knows.
#[cfg(feature = "ssr")]
pub fn known_time_zone(time_zone: &str) -> bool {
    jiff::tz::TimeZone::get(time_zone).is_ok()
}

/// The time zones of the Americas, and UTC, sorted: what a settings form suggests (any
/// known zone is accepted).
#[cfg(feature = "ssr")]
pub fn american_time_zones() -> Vec<String> {
    let mut zones: Vec<String> = jiff::tz::db()
        .available()
        .map(|name| name.as_str().to_owned())
        .filter(|name| name.starts_with("America/") || name == "UTC")
        .collect();
    zones.sort();
    zones
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().expect("valid date")
    }

    #[test]
    fn clocks_follow_the_organization_time_zone() {
        // 2026-11-30 02:30 UTC is still the 29th, 23:30, in São Paulo (UTC−3), and the
        // 29th, 21:30, in Bogotá (UTC−5).
        let millis = 1_796_005_800_000;
        let utc = local_time("UTC", millis);
        assert_eq!((utc.date, utc.minute), (date("2026-11-30"), 2 * 60 + 30));
        let sp = local_time("America/Sao_Paulo", millis);
        assert_eq!((sp.date, sp.minute), (date("2026-11-29"), 23 * 60 + 30));
        let bogota = local_time("America/Bogota", millis);
        assert_eq!(
            (bogota.date, bogota.minute),
            (date("2026-11-29"), 21 * 60 + 30)
        );
        assert_eq!(
            local_time("Mars/Olympus", millis),
            utc,
            "unknown zones read as UTC"
        );
        assert!(known_time_zone("America/Sao_Paulo") && !known_time_zone("Mars/Olympus"));
    }
}
