//! The one eligibility rule of an election (DOMAIN.md § Process 1), for every channel:
//! online ballots, marks at a polling station (kiosk or paper) — and, through its age
//! test, candidacies. Pure: the caller reads the registration and the organization's
//! clock; this decides.
//!
//! A person may vote when, in this order:
//! 1. the election is in its voting phase;
//! 2. the channel is offered and open *now*, on the organization's clock: online from the
//!    first to the last day of the online window (whole local days); in person on the
//!    in-person day, from the opening minute to the closing minute (both included);
//! 3. they hold a verified registration with the organization;
//! 4. they are at least the election's minimum voting age on *election day* — the
//!    in-person day if there is one, else the last online day — so the age limit is the
//!    same whichever channel they use and whichever day of the window they vote.

use serde::{Deserialize, Serialize};

use crate::accounts::types::RegistrationStatus;
use crate::calendar::Date;
use crate::elections::calendar::rules::Phase;
use crate::elections::election::settings::ElectionSettings;

pub use crate::platform::voting::Channel;

pub use crate::calendar::LocalTime;

/// What the rule needs of a registration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Registrant {
    pub status: RegistrationStatus,
    pub birth_date: Date,
}

/// Why someone may not vote (now, in this channel).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case", tag = "refusal")]
pub enum Refusal {
    #[error("the election is not in its voting phase")]
    NotVoting,
    #[error("this election has no such voting channel")]
    ChannelNotOffered,
    #[error("this channel is not open yet")]
    ChannelNotOpenYet,
    #[error("this channel is closed")]
    ChannelClosed,
    #[error("no registration with the organization")]
    NotRegistered,
    #[error("the registration is not verified")]
    NotVerified,
    #[error("under the minimum voting age of {min} on election day")]
    UnderAge { min: u8 },
}

impl Refusal {
    /// The error code that tells the person why (translated by the UI).
    pub fn error_code(self) -> crate::error::ErrorCode {
        use crate::error::ErrorCode;
        match self {
            Refusal::NotVoting => ErrorCode::VotingClosed,
            Refusal::ChannelNotOffered | Refusal::ChannelNotOpenYet | Refusal::ChannelClosed => {
                ErrorCode::ChannelClosed
            }
            Refusal::NotRegistered | Refusal::NotVerified => ErrorCode::NotEnabledVoter,
            Refusal::UnderAge { .. } => ErrorCode::UnderVotingAge,
        }
    }
}

/// The day ages are counted on: the in-person day, else the last online day.
pub fn election_day(settings: &ElectionSettings) -> Option<Date> {
    settings
        .in_person
        .as_ref()
        .map(|day| day.date)
        .or(settings.online.map(|(_, last)| last))
}

/// `"08:30"` → 510.
pub fn minute_of(text: &str) -> Option<u16> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m) = (h.parse::<u16>().ok()?, m.parse::<u16>().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// Whether `channel` is offered and open at `now`.
pub fn channel_open(
    settings: &ElectionSettings,
    channel: Channel,
    now: LocalTime,
) -> Result<(), Refusal> {
    match channel {
        Channel::Online => {
            let (first, last) = settings.online.ok_or(Refusal::ChannelNotOffered)?;
            if now.date < first {
                Err(Refusal::ChannelNotOpenYet)
            } else if now.date > last {
                Err(Refusal::ChannelClosed)
            } else {
                Ok(())
            }
        }
        Channel::InPerson => {
            let day = settings
                .in_person
                .as_ref()
                .ok_or(Refusal::ChannelNotOffered)?;
            let opens = minute_of(&day.opens).unwrap_or(0);
            let closes = minute_of(&day.closes).unwrap_or(24 * 60 - 1);
            match (now.date.cmp(&day.date), now.minute) {
                (std::cmp::Ordering::Less, _) => Err(Refusal::ChannelNotOpenYet),
                (std::cmp::Ordering::Equal, m) if m < opens => Err(Refusal::ChannelNotOpenYet),
                (std::cmp::Ordering::Equal, m) if m <= closes => Ok(()),
                _ => Err(Refusal::ChannelClosed),
            }
        }
    }
}

/// The rule itself (see the module's documentation).
pub fn may_vote(
    phase: Phase,
    settings: &ElectionSettings,
    person: Option<Registrant>,
    channel: Channel,
    now: LocalTime,
) -> Result<(), Refusal> {
    if phase != Phase::Voting {
        return Err(Refusal::NotVoting);
    }
    channel_open(settings, channel, now)?;
    let person = person.ok_or(Refusal::NotRegistered)?;
    if person.status != RegistrationStatus::Verified {
        return Err(Refusal::NotVerified);
    }
    old_enough(
        person.birth_date,
        settings.min_voter_age,
        election_day(settings).unwrap_or(now.date),
    )
}

/// At least `min` years old on `day`.
pub fn old_enough(birth_date: Date, min: u8, day: Date) -> Result<(), Refusal> {
    if birth_date.age_on(day) >= i32::from(min) {
        Ok(())
    } else {
        Err(Refusal::UnderAge { min })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::elections::election::settings::InPersonDay;

    fn d(text: &str) -> Date {
        text.parse().expect("date")
    }

    fn at(date: &str, time: &str) -> LocalTime {
        LocalTime {
            date: d(date),
            minute: minute_of(time).expect("time"),
        }
    }

    /// CMI-like: online 18–21 May, in person on 23 May 08:00–17:00, voters from 16.
    fn both() -> ElectionSettings {
        ElectionSettings {
            min_voter_age: 16,
            online: Some((d("2027-05-18"), d("2027-05-21"))),
            in_person: Some(InPersonDay {
                date: d("2027-05-23"),
                opens: "08:00".into(),
                closes: "17:00".into(),
            }),
            ..Default::default()
        }
    }

    fn in_person_only() -> ElectionSettings {
        ElectionSettings {
            online: None,
            ..both()
        }
    }

    fn verified(born: &str) -> Option<Registrant> {
        Some(Registrant {
            status: RegistrationStatus::Verified,
            birth_date: d(born),
        })
    }

    /// (name, phase, settings, person, channel, when, expected)
    type Row = (
        &'static str,
        Phase,
        ElectionSettings,
        Option<Registrant>,
        Channel,
        LocalTime,
        Result<(), Refusal>,
    );

    #[test]
    fn the_table() {
        use Channel::{InPerson, Online};
        use Refusal::*;
        let adult = verified("1990-01-01");
        let cases: Vec<Row> = vec![
            (
                "online, inside the window",
                Phase::Voting,
                both(),
                adult,
                Online,
                at("2027-05-18", "00:00"),
                Ok(()),
            ),
            (
                "online, last day, late",
                Phase::Voting,
                both(),
                adult,
                Online,
                at("2027-05-21", "23:59"),
                Ok(()),
            ),
            (
                "online, the day before",
                Phase::Voting,
                both(),
                adult,
                Online,
                at("2027-05-17", "23:59"),
                Err(ChannelNotOpenYet),
            ),
            (
                "online, after the window",
                Phase::Voting,
                both(),
                adult,
                Online,
                at("2027-05-22", "00:00"),
                Err(ChannelClosed),
            ),
            (
                "online in an in-person-only election",
                Phase::Voting,
                in_person_only(),
                adult,
                Online,
                at("2027-05-23", "09:00"),
                Err(ChannelNotOffered),
            ),
            (
                "in person, opening minute",
                Phase::Voting,
                both(),
                adult,
                InPerson,
                at("2027-05-23", "08:00"),
                Ok(()),
            ),
            (
                "in person, closing minute",
                Phase::Voting,
                both(),
                adult,
                InPerson,
                at("2027-05-23", "17:00"),
                Ok(()),
            ),
            (
                "in person, before opening",
                Phase::Voting,
                both(),
                adult,
                InPerson,
                at("2027-05-23", "07:59"),
                Err(ChannelNotOpenYet),
            ),
            (
                "in person, after closing",
                Phase::Voting,
                both(),
                adult,
                InPerson,
                at("2027-05-23", "17:01"),
                Err(ChannelClosed),
            ),
            (
                "in person, another day",
                Phase::Voting,
                both(),
                adult,
                InPerson,
                at("2027-05-20", "10:00"),
                Err(ChannelNotOpenYet),
            ),
            (
                "not the voting phase",
                Phase::Campaign,
                both(),
                adult,
                Online,
                at("2027-05-18", "10:00"),
                Err(NotVoting),
            ),
            (
                "no registration",
                Phase::Voting,
                both(),
                None,
                Online,
                at("2027-05-18", "10:00"),
                Err(NotRegistered),
            ),
            (
                "pending registration",
                Phase::Voting,
                both(),
                Some(Registrant {
                    status: RegistrationStatus::Pending,
                    birth_date: d("1990-01-01"),
                }),
                Online,
                at("2027-05-18", "10:00"),
                Err(NotVerified),
            ),
            // 16 on election day (23 May), though still 15 during the online window: may
            // vote online, as at the station.
            (
                "16 on election day",
                Phase::Voting,
                both(),
                verified("2011-05-23"),
                Online,
                at("2027-05-18", "10:00"),
                Ok(()),
            ),
            (
                "16 the day after election day, online",
                Phase::Voting,
                both(),
                verified("2011-05-24"),
                Online,
                at("2027-05-19", "10:00"),
                Err(UnderAge { min: 16 }),
            ),
            (
                "16 the day after election day, in person",
                Phase::Voting,
                both(),
                verified("2011-05-24"),
                InPerson,
                at("2027-05-23", "10:00"),
                Err(UnderAge { min: 16 }),
            ),
        ];
        for (name, phase, settings, person, channel, now, expected) in cases {
            assert_eq!(
                may_vote(phase, &settings, person, channel, now),
                expected,
                "{name}"
            );
        }
    }

    #[test]
    fn every_channel_applies_the_same_age_limit() {
        let settings = both();
        for born in ["2011-05-22", "2011-05-23", "2011-05-24", "2000-02-29"] {
            let online = may_vote(
                Phase::Voting,
                &settings,
                verified(born),
                Channel::Online,
                at("2027-05-20", "12:00"),
            );
            let station = may_vote(
                Phase::Voting,
                &settings,
                verified(born),
                Channel::InPerson,
                at("2027-05-23", "12:00"),
            );
            assert_eq!(online.is_ok(), station.is_ok(), "born {born}");
        }
    }
}
