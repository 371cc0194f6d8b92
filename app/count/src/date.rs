//! Calendar dates (`YYYY-MM-DD`) and ages: the count breaks ties by age, and Voz's
//! eligibility rule reads ages, without a date library in the browser bundle.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A valid proleptic-Gregorian date between years 1800 and 2999.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a date in YYYY-MM-DD form")]
pub struct InvalidDate;

impl Date {
    pub fn new(year: u16, month: u8, day: u8) -> Result<Self, InvalidDate> {
        let valid = (1800..=2999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid
            .then_some(Self { year, month, day })
            .ok_or(InvalidDate)
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Completed years on `on`. Someone born on 29 February turns a year older on
    /// 1 March in common years (the rule most civil registries apply).
    pub fn age_on(self, on: Date) -> i32 {
        let years = i32::from(on.year) - i32::from(self.year);
        if (on.month, on.day) < (self.month, self.day) {
            years - 1
        } else {
            years
        }
    }

    /// The UTC date of a unix-milliseconds instant.
    pub fn from_unix_millis(millis: i64) -> Self {
        let days = millis.div_euclid(86_400_000);
        Self::from_days_since_epoch(days)
    }

    /// The date `days` days later (earlier when negative), clamped to the supported range.
    pub fn add_days(self, days: i64) -> Self {
        Self::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// Howard Hinnant's `days_from_civil`.
    fn days_since_epoch(self) -> i64 {
        let (month, day) = (i64::from(self.month), i64::from(self.day));
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let yoe = year.rem_euclid(400);
        let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Howard Hinnant's `civil_from_days`, clamped to the supported range.
    fn from_days_since_epoch(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)).clamp(1800, 2999) as u16;
        Self {
            year,
            month,
            day: day.min(days_in_month(year, month)),
        }
    }
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for Date {
    type Err = InvalidDate;

    fn from_str(text: &str) -> Result<Self, InvalidDate> {
        let bytes = text.as_bytes();
        let shaped = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shaped {
            return Err(InvalidDate);
        }
        let number =
            |range: std::ops::Range<usize>| text[range].parse::<u16>().map_err(|_| InvalidDate);
        let month = u8::try_from(number(5..7)?).map_err(|_| InvalidDate)?;
        let day = u8::try_from(number(8..10)?).map_err(|_| InvalidDate)?;
        Date::new(number(0..4)?, month, day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(text: &str) -> Date {
        text.parse().expect("valid date")
    }

    #[test]
    fn days_add_across_months_and_leap_years() {
        assert_eq!(date("2024-02-28").add_days(1), date("2024-02-29"));
        assert_eq!(date("2024-02-29").add_days(1), date("2024-03-01"));
        assert_eq!(date("2026-01-01").add_days(-1), date("2025-12-31"));
        assert_eq!(date("1970-01-01").days_since_epoch(), 0);
    }

    proptest! {
        #[test]
        fn adding_days_round_trips(days in -60_000i64..300_000) {
            let day = Date::from_days_since_epoch(days);
            prop_assert_eq!(day.days_since_epoch(), days);
            prop_assert_eq!(day.add_days(10).add_days(-10), day);
        }
    }

    #[test]
    fn parses_only_real_dates() {
        assert_eq!(date("2008-05-23").to_string(), "2008-05-23");
        assert!("2024-02-29".parse::<Date>().is_ok());
        for bad in [
            "2023-02-29",
            "1900-02-29",
            "2008-13-01",
            "2008-00-10",
            "2008-04-31",
            "08-05-23",
            "2008/05/23",
            "2008-5-23",
            "",
            "2008-05-23x",
            "1799-12-31",
            "３００８-05-23",
        ] {
            assert_eq!(bad.parse::<Date>(), Err(InvalidDate), "{bad}");
        }
    }

    #[test]
    fn ages_count_completed_years() {
        let born = date("2008-05-23");
        assert_eq!(born.age_on(date("2024-05-22")), 15);
        assert_eq!(born.age_on(date("2024-05-23")), 16);
        let leapling = date("2008-02-29");
        assert_eq!(leapling.age_on(date("2024-02-28")), 15);
        assert_eq!(leapling.age_on(date("2024-02-29")), 16);
        assert_eq!(leapling.age_on(date("2025-02-28")), 16);
        assert_eq!(leapling.age_on(date("2026-03-01")), 18);
    }

    #[test]
    fn converts_unix_time() {
        assert_eq!(Date::from_unix_millis(0), date("1970-01-01"));
        assert_eq!(
            Date::from_unix_millis(1_779_494_400_000),
            date("2026-05-23")
        );
        assert_eq!(Date::from_unix_millis(951_782_400_000), date("2000-02-29"));
        assert_eq!(Date::from_unix_millis(-86_400_000), date("1969-12-31"));
    }

    proptest! {
        #[test]
        fn display_and_parse_round_trip(y in 1800u16..=2999, m in 1u8..=12, d in 1u8..=31) {
            if let Ok(date) = Date::new(y, m, d) {
                prop_assert_eq!(date.to_string().parse::<Date>(), Ok(date));
            }
        }

        #[test]
        fn consecutive_days_are_ordered(days in -60_000i64..300_000) {
            let today = Date::from_days_since_epoch(days);
            let tomorrow = Date::from_days_since_epoch(days + 1);
            prop_assert!(today < tomorrow);
        }

        #[test]
        fn age_never_decreases(born in -40_000i64..20_000, a in 0i64..40_000, b in 0i64..40_000) {
            let birth = Date::from_days_since_epoch(born);
            let (early, late) = (born + a.min(b), born + a.max(b));
            prop_assert!(birth.age_on(Date::from_days_since_epoch(early))
                <= birth.age_on(Date::from_days_since_epoch(late)));
        }
    }
}
