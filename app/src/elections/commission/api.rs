//! The electoral commission's server functions: moving the calendar, reviewing candidacies
//! and deciding appeals. Each checks the role itself and is audited in its transaction.

use crate::platform::form_codec::JsonOrForm;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::elections::calendar::rules::Phase;
use crate::elections::candidacy::{CandidacyAction, CandidacyStatus, CandidateKind};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::respond;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommissionPage {
    pub title: String,
    pub phase: Phase,
    pub next: Option<Phase>,
    /// Each phase's current last day.
    pub deadlines: Vec<(Phase, crate::calendar::Date)>,
    pub candidacies: Vec<CandidacyReview>,
    pub station_staff: crate::elections::assignment::api::StationStaffPage,
}

/// A candidacy as the commission reviews it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidacyReview {
    pub id: i64,
    pub segment: String,
    pub kind: CandidateKind,
    pub name: String,
    pub representative: Option<String>,
    pub nationality: String,
    pub gender: String,
    pub date: String,
    pub platform_html: String,
    pub status: CandidacyStatus,
    pub reason: Option<String>,
    pub appeal: Option<String>,
    pub appeal_decision: Option<String>,
    /// The photo on file (the commission sees it before it is public).
    pub photo: Option<String>,
    /// The reader declared a conflict of interest with it: others decide.
    pub conflicted: bool,
}

/// An election in the staff list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElectionSummary {
    pub slug: String,
    pub title: String,
    pub phase: Phase,
}

#[server(prefix = "/api", endpoint = "commission/elections", input = JsonOrForm)]
pub async fn list_elections(organization: String) -> Result<Vec<ElectionSummary>, AppError> {
    respond(ssr::list_elections(&organization).await)
}

#[server(prefix = "/api", endpoint = "commission/election", input = JsonOrForm)]
pub async fn load_commission(
    organization: String,
    election: String,
    locale: String,
) -> Result<CommissionPage, AppError> {
    respond(ssr::load_commission(&organization, &election, &locale).await)
}

/// Moves the election to `to`, which must be its next phase (so a double click, or two
/// commissioners at once, cannot skip a phase).
#[server(prefix = "/api", endpoint = "commission/phase", input = JsonOrForm)]
pub async fn move_election_phase(
    organization: String,
    election: String,
    to: Phase,
) -> Result<(), AppError> {
    respond(ssr::move_election_phase(&organization, &election, to).await)
}

/// Accept or reject (with a reason) in review; uphold or dismiss (with a reason) an appeal.
#[server(prefix = "/api", endpoint = "commission/candidacy", input = JsonOrForm)]
pub async fn decide_candidacy(
    organization: String,
    election: String,
    candidacy: i64,
    action: CandidacyAction,
    reason: String,
) -> Result<(), AppError> {
    respond(ssr::decide_candidacy(&organization, &election, candidacy, action, &reason).await)
}

/// Declares that the signed-in commissioner may not judge `candidacy` (a relative, their
/// own organization), with the reason; audited. Their decisions on it are refused after.
#[server(prefix = "/api", endpoint = "commission/conflict", input = JsonOrForm)]
pub async fn declare_conflict(
    organization: String,
    election: String,
    candidacy: i64,
    reason: String,
) -> Result<(), AppError> {
    respond(ssr::declare_conflict(&organization, &election, candidacy, &reason).await)
}

/// Creates an election from the commission's form (its segments, seats, channels); returns its slug.
///
/// From a plain form (fields `form[title]`, `form[seats][0]`…, and `locale`): a new
/// election's commission page comes next; a refused form goes back with what was typed
/// kept for it ([`take_election_draft`]).
#[server(prefix = "/api", endpoint = "commission/create", input = JsonOrForm)]
pub async fn create_election(
    organization: String,
    form: crate::elections::election::rules::ElectionForm,
    #[server(default)] locale: String,
) -> Result<String, AppError> {
    let typed = crate::platform::web::http::is_form_post().then(|| form.clone());
    let created = ssr::create_election(&organization, form, &locale).await;
    if let Some(typed) = typed {
        match &created {
            Ok(slug) => ssr::to_commission(&locale, &organization, slug),
            Err(_) => ssr::keep_draft(&typed),
        }
    }
    respond(created)
}

/// What the last refused "new election" form held, once (to fill the form again).
#[server(prefix = "/api", endpoint = "commission/draft", input = JsonOrForm)]
pub async fn take_election_draft(
    organization: String,
) -> Result<Option<crate::elections::election::rules::ElectionForm>, AppError> {
    respond(ssr::take_election_draft(&organization).await)
}

/// [`decide_candidacy`] as a plain form: back to the commission page, with a refusal
/// shown under the candidacy it concerns.
#[server(prefix = "/api", endpoint = "commission/candidacy_form")]
pub async fn decide_candidacy_form(
    organization: String,
    election: String,
    candidacy: i64,
    action: CandidacyAction,
    #[server(default)] reason: String,
    locale: String,
) -> Result<(), AppError> {
    let outcome = ssr::decide_candidacy(&organization, &election, candidacy, action, &reason).await;
    let item = format!("candidacy-{candidacy}");
    ssr::back_to_commission(&locale, &organization, &election, &item, outcome.err());
    Ok(())
}

/// [`declare_conflict`] as a plain form: back to the commission page, with a refusal
/// shown in the candidacy's declaration.
#[server(prefix = "/api", endpoint = "commission/conflict_form")]
pub async fn declare_conflict_form(
    organization: String,
    election: String,
    candidacy: i64,
    #[server(default)] reason: String,
    locale: String,
) -> Result<(), AppError> {
    let outcome = ssr::declare_conflict(&organization, &election, candidacy, &reason).await;
    let item = format!("conflict-{candidacy}");
    ssr::back_to_commission(&locale, &organization, &election, &item, outcome.err());
    Ok(())
}

/// Sets or extends a phase's last day (YYYY-MM-DD); never shortens one.
#[server(prefix = "/api", endpoint = "commission/deadline", input = JsonOrForm)]
pub async fn set_deadline(
    organization: String,
    election: String,
    phase: Phase,
    last_day: String,
) -> Result<(), AppError> {
    respond(ssr::set_deadline(&organization, &election, phase, &last_day).await)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::{CandidacyReview, CommissionPage, ElectionSummary};
    use crate::db::now_millis;
    use crate::elections::calendar::rules::Phase;
    use crate::elections::calendar::store as calendar_store;
    use crate::elections::candidacy::CandidacyAction;
    use crate::elections::candidacy::store as candidacy_store;
    pub(crate) use crate::elections::commission::redirect::{back_to_commission, to_commission};
    use crate::elections::election::api::ssr::{PhotoAddresses, nationality_names, reason_text};
    use crate::elections::election::lookup::election_of;
    use crate::elections::election::rules::ElectionForm;
    use crate::elections::election::store as election_store;
    use crate::error::{AppError, ErrorCode};
    use crate::platform::access::COMMISSION;
    use crate::platform::access::scoped as scoped_store;
    use crate::platform::audit::event::Subject;
    use crate::platform::text::markdown;
    use crate::platform::timeline::store as timeline_store;
    use crate::platform::voting::store as voting_store;
    use crate::platform::web::context::{app_state, require_staff};
    use crate::platform::web::flash::Flash;
    use crate::results::publication as publication_store;

    const REASON_MAX: u16 = 1000;

    /// A refused "new election" form, between the form and the page that fills it again.
    const DRAFT: Flash = Flash("voz_election_draft");

    /// Keeps what a refused form held for the page it goes back to (a draft too large for
    /// a cookie is not kept: the page then starts from the defaults, the problems shown).
    pub fn keep_draft(form: &ElectionForm) {
        DRAFT.put_json(form);
    }

    pub async fn take_election_draft(organization: &str) -> Result<Option<ElectionForm>, AppError> {
        require_staff(organization, &COMMISSION).await?;
        Ok(DRAFT.take_json())
    }

    pub async fn set_deadline(
        organization: &str,
        election: &str,
        phase: Phase,
        last_day: &str,
    ) -> Result<(), AppError> {
        use crate::elections::election::store::ElectionError;
        use crate::error::{FieldProblem, Problem};
        use crate::platform::timeline::TimelineError;
        let (account, _) = require_staff(organization, &COMMISSION).await?;
        let field = |problem| AppError {
            code: ErrorCode::InvalidInput,
            fields: vec![FieldProblem {
                field: "last_day".into(),
                problem,
            }],
        };
        let day = last_day
            .trim()
            .parse::<crate::calendar::Date>()
            .map_err(|_| field(Problem::InvalidDate))?;
        let app = app_state()?;
        let (_, record) = election_of(&app, organization, election).await?;
        let mut tx = app.db.begin_write().await?;
        match calendar_store::set_election_deadline(
            &mut tx,
            record.id,
            phase,
            day,
            account,
            now_millis(),
        )
        .await
        {
            Err(ElectionError::Calendar(TimelineError::NotLater)) => {
                return Err(field(Problem::NotLater));
            }
            Err(ElectionError::Calendar(TimelineError::InThePast)) => {
                return Err(field(Problem::InvalidDate));
            }
            other => other.map_err(AppError::from)?,
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn create_election(
        organization: &str,
        form: ElectionForm,
        writer: &str,
    ) -> Result<String, AppError> {
        use crate::elections::election::rules::validate_election;
        use crate::elections::election::store::NewElection;
        use crate::error::{FieldProblem, Problem};
        let (account, org) = require_staff(organization, &COMMISSION).await?;
        // The lot seed is drawn now and published with the election, long before counting.
        let lot_seed = hex::encode(rand::random::<[u8; 8]>());
        let today = crate::calendar::local_time(&org.rules.time_zone, now_millis()).date;
        let valid = validate_election(&form, &lot_seed, today, &[&org.default_locale, writer])
            .map_err(|fields| AppError {
                code: ErrorCode::InvalidInput,
                fields,
            })?;
        let app = app_state()?;
        let mut tx = app.db.begin_write().await?;
        let created = election_store::create_election(
            &mut tx,
            org.id,
            &NewElection {
                slug: valid.slug.clone(),
                title: valid.title,
                config: valid.config,
                settings: valid.settings,
            },
            Some(account),
            now_millis(),
        )
        .await;
        match created {
            Err(crate::elections::election::store::ElectionError::Db(e))
                if crate::db::dialect::is_unique_violation(&e, None) =>
            {
                return Err(AppError {
                    code: ErrorCode::InvalidInput,
                    fields: vec![FieldProblem {
                        field: "slug".into(),
                        problem: Problem::AlreadyUsed,
                    }],
                });
            }
            other => other.map_err(AppError::from)?,
        };
        tx.commit().await?;
        Ok(valid.slug)
    }

    pub async fn list_elections(organization: &str) -> Result<Vec<ElectionSummary>, AppError> {
        let (_, org) = require_staff(organization, &COMMISSION).await?;
        let app = app_state()?;
        Ok(election_store::elections_of(&app.db, org.id)
            .await
            .map_err(AppError::from)?
            .into_iter()
            .map(|e| ElectionSummary {
                slug: e.slug,
                title: e.title,
                phase: e.phase,
            })
            .collect())
    }

    pub async fn declare_conflict(
        organization: &str,
        election: &str,
        candidacy: i64,
        reason: &str,
    ) -> Result<(), AppError> {
        let (account, org) = require_staff(organization, &COMMISSION).await?;
        let reason = reason_text("reason", reason, REASON_MAX)?;
        let app = app_state()?;
        let (_, record) = election_of(&app, organization, election).await?;
        let mut tx = app.db.begin_write().await?;
        candidacy_store::candidacy_status(&mut tx, record.id, candidacy)
            .await
            .map_err(AppError::from)?
            .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
        scoped_store::declare_conflict(
            &mut tx,
            org.id,
            Subject::Candidacy(record.id, candidacy),
            account,
            &reason,
            now_millis(),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn load_commission(
        organization: &str,
        election: &str,
        locale: &str,
    ) -> Result<CommissionPage, AppError> {
        let (account, _) = require_staff(organization, &COMMISSION).await?;
        let app = app_state()?;
        let (org, record) = election_of(&app, organization, election).await?;
        let conflicts = scoped_store::conflicts_of(&app.db, record.process(), account)
            .await
            .map_err(AppError::from)?;
        let station_staff =
            crate::elections::assignment::api::ssr::load(&app, &org, &record).await?;
        let names = nationality_names(locale);
        let photos = PhotoAddresses::of(&app, organization, &record).await?;
        let candidacies = candidacy_store::candidacies(&app.db, record.id)
            .await
            .map_err(AppError::from)?
            .into_iter()
            .map(|r| {
                let c = r.candidacy;
                let platform = c
                    .platform
                    .iter()
                    .find(|(l, _)| l == locale)
                    .or_else(|| c.platform.first())
                    .map(|(_, text)| markdown::render(text))
                    .unwrap_or_default();
                CandidacyReview {
                    conflicted: conflicts.contains(&Subject::Candidacy(record.id, r.id)),
                    photo: photos.of_candidacy(r.id),
                    id: r.id,
                    segment: record.settings.segment_label(&c.segment, locale),
                    kind: c.kind,
                    name: c.name,
                    representative: c.representative,
                    nationality: names
                        .iter()
                        .find(|(code, _)| code == &c.nationality)
                        .map_or_else(|| c.nationality.clone(), |(_, n)| n.clone()),
                    gender: c.gender.code().to_owned(),
                    date: c.date.to_string(),
                    platform_html: platform,
                    status: r.status,
                    reason: r.reason,
                    appeal: r.appeal,
                    appeal_decision: r.appeal_decision,
                }
            })
            .collect();
        Ok(CommissionPage {
            deadlines: timeline_store::deadlines(&app.db, record.process())
                .await
                .map_err(AppError::from)?,
            title: record.title,
            phase: record.phase,
            next: record.phase.next(),
            candidacies,
            station_staff,
        })
    }

    pub async fn move_election_phase(
        organization: &str,
        election: &str,
        to: Phase,
    ) -> Result<(), AppError> {
        let (account, _) = require_staff(organization, &COMMISSION).await?;
        let app = app_state()?;
        let (_, record) = election_of(&app, organization, election).await?;
        let mut tx = app.db.begin_write().await?;
        calendar_store::move_phase(&mut tx, record.id, to, Some(account), now_millis())
            .await
            .map_err(AppError::from)?;
        tx.commit().await?;
        if to >= Phase::Counting {
            // Voting is closed: erase any trace of the order ballots were written in
            // before anyone can export them. Idempotent, and repeated at every later move,
            // so a seal that failed once is retried.
            voting_store::seal_ballot_box(&app.db)
                .await
                .map_err(AppError::from)?;
            // What the public reads of this phase — board, exports, count, turnout — is
            // computed once, now, not per request.
            publication_store::publish(&app.db, record.id, now_millis())
                .await
                .map_err(AppError::from)?;
        }
        Ok(())
    }

    pub async fn decide_candidacy(
        organization: &str,
        election: &str,
        candidacy: i64,
        action: CandidacyAction,
        reason: &str,
    ) -> Result<(), AppError> {
        let (account, _) = require_staff(organization, &COMMISSION).await?;
        if action == CandidacyAction::Appeal {
            return Err(AppError::new(ErrorCode::Forbidden));
        }
        // Accepting needs no words; every other decision must say why.
        let reason = match action {
            CandidacyAction::Accept if reason.trim().is_empty() => None,
            _ => Some(reason_text("reason", reason, REASON_MAX)?),
        };
        let app = app_state()?;
        let (_, record) = election_of(&app, organization, election).await?;
        let mut tx = app.db.begin_write().await?;
        candidacy_store::act_on_candidacy(
            &mut tx,
            record.id,
            candidacy,
            action,
            reason.as_deref(),
            account,
            now_millis(),
        )
        .await
        .map_err(AppError::from)?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::platform::form_codec::JsonOrFormEncoding;
    use leptos::server_fn::Decodes;

    #[test]
    fn the_new_election_form_reaches_the_server_function() {
        // As a browser sends it: brackets percent-encoded, every control present.
        let body = "organization=cmi-sp&locale=pt-BR\
            &form%5Btitle%5D=CMI+%E2%80%94+2029&form%5Bslug%5D=cmi-2029\
            &form%5Bsegments%5D%5B0%5D%5Bcode%5D=A&form%5Bsegments%5D%5B0%5D%5Bseats%5D=3\
            &form%5Bsegments%5D%5B0%5D%5Bnames%5D%5Bpt-BR%5D=Organiza%C3%A7%C3%B5es\
            &form%5Bsegments%5D%5B1%5D%5Bcode%5D=J&form%5Bsegments%5D%5B1%5D%5Bkind%5D=individual\
            &form%5Bsegments%5D%5B1%5D%5Bnames%5D%5Bar%5D=%D8%A7%D9%84%D8%B4%D8%A8%D8%A7%D8%A8\
            &form%5Bsegments%5D%5B1%5D%5Bnames%5D%5Ben%5D=\
            &form%5Bmax_choices%5D=1&form%5Bextra_seats%5D=0&form%5Bparity_percent%5D=50\
            &form%5Bparity_scope%5D=segment&form%5Bmin_voter_age%5D=16\
            &form%5Bonline_from%5D=2029-05-18&form%5Bonline_to%5D=&form%5Bin_person_date%5D=\
            &form%5Bopens%5D=08%3A00&form%5Bcloses%5D=17%3A00\
            &form%5Bstations%5D=CRAI+%7C+Rua+Japur%C3%A1%2C+234+%7C+S%C3%A9%0D%0AB+%7C+C+%7C+D\
            &form%5Breceipts%5D=paired&form%5Bmin_group_size%5D=10";
        let args = <JsonOrFormEncoding as Decodes<CreateElection>>::decode(body.into())
            .expect("a form body");
        assert_eq!(args.organization, "cmi-sp");
        assert_eq!(args.locale, "pt-BR");
        assert_eq!(args.form.title, "CMI — 2029");
        let segments = &args.form.segments;
        assert_eq!(segments.len(), 2);
        assert_eq!(
            (segments[0].code.as_str(), segments[0].seats.as_str()),
            ("A", "3")
        );
        assert_eq!(segments[0].names["pt-BR"], "Organizações");
        assert_eq!(segments[1].names["ar"], "الشباب");
        assert_eq!(segments[1].names["en"], "", "an empty name arrives empty");
        assert_eq!(args.form.parity_scope, "segment");
        assert_eq!(args.form.opens, "08:00");
        assert_eq!(args.form.online_to, "");
        assert_eq!(
            args.form.stations,
            "CRAI | Rua Japurá, 234 | Sé\r\nB | C | D"
        );
        assert_eq!(args.form.receipts, "paired");
        // Programs still send JSON, without a language.
        let json = r#"{"organization":"cmi-sp","form":{"title":"","slug":"","segments":[{"code":"A","seats":"1","names":{"en":"A"}}],
            "max_choices":"","extra_seats":"","parity_percent":"","parity_scope":"",
            "min_voter_age":"","online_from":"","online_to":"","in_person_date":"",
            "opens":"","closes":"","stations":""}}"#;
        let args =
            <JsonOrFormEncoding as Decodes<CreateElection>>::decode(json.into()).expect("JSON");
        assert_eq!(args.locale, "");
    }

    #[test]
    fn a_decision_form_names_its_action() {
        let args: DecideCandidacyForm = serde_qs::from_str(
            "organization=cmi-sp&election=cmi-2027&locale=ar&candidacy=7&reason=&action=uphold_appeal",
        )
        .expect("a form body");
        assert_eq!(args.action, CandidacyAction::UpholdAppeal);
        assert_eq!(args.candidacy, 7);
        let args: DeclareConflictForm =
            serde_qs::from_str("organization=cmi-sp&election=cmi-2027&locale=ar&candidacy=7")
                .expect("a reason left out");
        assert_eq!(args.reason, "");
    }
}
