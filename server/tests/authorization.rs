//! The authorization matrix: every server function and plain route × every kind of caller
//! → allowed or refused (401 signed out, 403 otherwise), against a real `voz serve` with
//! the demo loaded. `voz routes` lists what the server answers; a route missing from the
//! table below fails the test, so a new server function cannot ship without saying who may
//! call it.
//!
//! "Allowed" means the request got past authorization: any answer but 401/403 and 5xx (the
//! arguments are chosen so an allowed call does nothing harmful — usually a validation
//! error, a 404 or a wrong-phase refusal). Plain form posts answer with a redirect whose
//! `?error=` says the same.

mod support;

use std::collections::BTreeSet;
use std::time::Duration;

use serde_json::{Value, json};
use voz_app::accounts::store::new_user_handle;
use voz_app::accounts::types::{AccountId, OrganizationId, Role};
use voz_app::db::Db;
use voz_app::platform::web::sessions::AuthMethod;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Caller {
    Anonymous,
    /// A demo voter signed in with a printed code.
    CodeSession,
    /// A verified demo voter signed in with a passkey.
    Voter,
    /// A poll worker assigned to station 2 of `cmi-2025` (the calls target station 1).
    PollWorkerElsewhere,
    /// The poll worker assigned to station 1.
    PollWorkerHere,
    /// The electoral commission of another organization (Bogotá).
    CommissionElsewhere,
    Commission,
    Administrator,
}

use Caller::*;
use voz_app::accounts::registration::store as registration_store;
use voz_app::accounts::staff::store as staff_store;
use voz_app::accounts::store as accounts_store;
use voz_app::elections::assignment::store as assignment_store;
use voz_app::elections::election::store as election_store;
use voz_app::platform::web::sessions as sessions_store;

const CALLERS: [Caller; 8] = [
    Anonymous,
    CodeSession,
    Voter,
    PollWorkerElsewhere,
    PollWorkerHere,
    CommissionElsewhere,
    Commission,
    Administrator,
];

/// Who gets past authorization.
#[derive(Clone, Copy)]
enum Who {
    Everyone,
    SignedIn,
    /// Signed in with a passkey (a printed code is not enough).
    Passkey,
    Only(&'static [Caller]),
}

impl Who {
    fn allows(self, caller: Caller) -> bool {
        match self {
            Who::Everyone => true,
            Who::SignedIn => caller != Anonymous,
            Who::Passkey => !matches!(caller, Anonymous | CodeSession),
            Who::Only(callers) => callers.contains(&caller),
        }
    }
}

const STAFF_OF_CMI: &[Caller] = &[
    PollWorkerElsewhere,
    PollWorkerHere,
    Commission,
    Administrator,
];
const STATION_ONE: &[Caller] = &[PollWorkerHere, Commission, Administrator];
const COMMISSION: &[Caller] = &[Commission, Administrator];
const ADMIN: &[Caller] = &[Administrator];

enum Body {
    Json(Value),
    Form(&'static str),
    Multipart,
    Get,
}

struct Case {
    route: &'static str,
    body: Body,
    who: Who,
}

fn case(route: &'static str, body: Body, who: Who) -> Case {
    Case { route, body, who }
}

/// The matrix. Arguments aim at `cmi-sp` / `cmi-2025` (voting) / station 1.
fn matrix() -> Vec<Case> {
    let org = json!("cmi-sp");
    let e = json!("cmi-2025");
    // Well-formed but empty: authorization is decided before validation says what is missing.
    let person = json!({"display_name": "", "preferred_locale": "", "nationalities": [], "birth_date": "",
        "district": "", "gender": "", "document_type": "", "document_number": ""});
    vec![
        // Public reading.
        case("POST /api/organizations", Body::Form(""), Who::Everyone),
        case(
            "POST /api/vote/check",
            Body::Form("organization=cmi-sp&election=cmi-2025&code=ABCD-EFGH-JKMN-PQRS"),
            Who::Everyone,
        ),
        // The front door.
        case("POST /api/directory", Body::Form(""), Who::Everyone),
        case(
            "POST /api/directory/organization",
            Body::Form("organization=cmi-sp"),
            Who::Everyone,
        ),
        case("POST /api/directory/mine", Body::Form(""), Who::Everyone),
        // A conference edition's public pages.
        case(
            "POST /api/conference",
            Body::Form("organization=cmi-sp&conference=conf-2019"),
            Who::Everyone,
        ),
        case(
            "POST /api/conference/proposals",
            Body::Json(
                json!({"organization": "cmi-sp", "conference": "conf-2019", "query": {"q": "português", "theme": "7"}}),
            ),
            Who::Everyone,
        ),
        case(
            "POST /api/conference/list",
            Body::Form("organization=cmi-sp"),
            Who::Everyone,
        ),
        case(
            "POST /api/conference/plenary",
            Body::Form("organization=cmi-sp&conference=conf-2019"),
            Who::Everyone,
        ),
        case(
            "POST /api/conference/plan",
            Body::Form("organization=cmi-sp&conference=conf-2019"),
            Who::Everyone,
        ),
        case(
            "POST /api/conference/event",
            Body::Form("organization=cmi-sp&conference=conf-2019&event=pre-centro"),
            Who::Everyone,
        ),
        case(
            "POST /api/conference/proposal",
            Body::Form("organization=cmi-sp&conference=conf-2019&proposal=1"),
            Who::Everyone,
        ),
        case(
            "POST /api/conference/consolidated",
            Body::Form("organization=cmi-sp&conference=conf-2019&code=E1-1"),
            Who::Everyone,
        ),
        // What a refused form left for its page, and a refusal put into words.
        case("POST /api/register/draft", Body::Form(""), Who::Everyone),
        case(
            "POST /api/explain_error",
            Body::Json(json!({"locale": "ar", "error": {"code": "invalid_input", "fields": []}})),
            Who::Everyone,
        ),
        case(
            "POST /api/registration_setup",
            Body::Form("slug=cmi-sp"),
            Who::Everyone,
        ),
        case(
            "POST /api/nationalities",
            Body::Form("locale=en"),
            Who::Everyone,
        ),
        case(
            "POST /api/election",
            Body::Json(json!({"organization": org, "election": e, "locale": "en"})),
            Who::Everyone,
        ),
        case(
            "POST /api/results",
            Body::Json(json!({"organization": org, "election": "cmi-2023", "locale": "en"})),
            Who::Everyone,
        ),
        case(
            "POST /api/board",
            Body::Json(json!({"organization": org, "election": "cmi-2023"})),
            Who::Everyone,
        ),
        case(
            "POST /api/minutes",
            Body::Json(json!({"organization": org, "election": "cmi-2023", "locale": "en"})),
            Who::Everyone,
        ),
        case(
            "POST /api/voters",
            Body::Form("organization=cmi-sp"),
            Who::Everyone,
        ),
        case("GET /healthz", Body::Get, Who::Everyone),
        case(
            "GET /export/{org}/{election}/{file}",
            Body::Get,
            Who::Everyone,
        ),
        case(
            "GET /export/{org}/c/{conference}/{file}",
            Body::Get,
            Who::Everyone,
        ),
        case(
            "GET /export/{org}/c/{conference}/delegates/{event}/{file}",
            Body::Get,
            Who::Everyone,
        ),
        case(
            "GET /photos/{org}/{election}/{file}",
            Body::Get,
            Who::Everyone,
        ),
        case("GET /pkg/{*path}", Body::Get, Who::Everyone),
        // Signing in and registering: anyone may try.
        case("POST /api/sign_in/start", Body::Form(""), Who::Everyone),
        case(
            "POST /api/sign_in/finish",
            Body::Json(json!({"ceremony": "x", "credential": "{}"})),
            Who::Everyone,
        ),
        case(
            "POST /api/sign_in/code",
            Body::Form("code=ZZZZZ-ZZZZZ"),
            Who::Everyone,
        ),
        case(
            "POST /api/sign_in/code_form",
            Body::Form("code=ZZZZZ-ZZZZZ&locale=en"),
            Who::Everyone,
        ),
        case("POST /api/me", Body::Form(""), Who::Everyone),
        case(
            "POST /api/register/start",
            Body::Json(json!({"organization": org, "form": person})),
            Who::Everyone,
        ),
        case(
            "POST /api/register/finish",
            Body::Json(json!({"ceremony": "x", "credential": "{}"})),
            Who::Everyone,
        ),
        case(
            "POST /api/enroll/view",
            Body::Form("token=nope"),
            Who::Everyone,
        ),
        case(
            "POST /api/enroll/start",
            Body::Json(json!({"token": "nope", "display_name": "X", "locale": "en"})),
            Who::Everyone,
        ),
        case(
            "POST /api/enroll/accept",
            Body::Form("token=not-a-token&locale=en"),
            Who::Passkey,
        ),
        case(
            "POST /api/enroll/finish",
            Body::Json(json!({"ceremony": "x", "credential": "{}"})),
            Who::Everyone,
        ),
        // The kiosk: its own credential, which no caller here holds.
        case(
            "POST /api/kiosk/screen",
            Body::Json(json!({"locale": "en"})),
            Who::Everyone,
        ),
        case("POST /api/kiosk/home", Body::Form(""), Who::Everyone),
        case(
            "POST /api/kiosk/pair",
            Body::Form("locale=en&code=ZZZZ-ZZZZ"),
            Who::Everyone,
        ),
        case(
            "POST /api/kiosk/cast",
            Body::Form("locale=en"),
            Who::Everyone,
        ),
        case("POST /api/vote/receipt", Body::Form(""), Who::Everyone),
        // The signed-in person's own things.
        case(
            "POST /api/vote/my_receipt",
            Body::Json(json!({"organization": org, "election": "cmi-2025"})),
            Who::SignedIn,
        ),
        case(
            "POST /api/register/correct",
            Body::Json(json!({"organization": org, "form": person})),
            Who::SignedIn,
        ),
        case("POST /api/passkeys/start", Body::Form(""), Who::SignedIn),
        case(
            "POST /api/passkeys/finish",
            Body::Json(json!({"ceremony": "x", "credential": "{}"})),
            Who::SignedIn,
        ),
        case(
            "POST /api/passkeys/remove",
            Body::Form("id=999999"),
            Who::Passkey,
        ),
        case(
            "POST /api/passkeys/remove_form",
            Body::Form("id=999999&locale=en"),
            Who::Passkey,
        ),
        case(
            "POST /api/vote/cast",
            Body::Json(
                json!({"organization": org, "election": e, "ballot": {"choices": {"Z": ["nobody"]}}}),
            ),
            Who::SignedIn,
        ),
        case(
            "POST /api/vote/ballot",
            Body::Form("organization=cmi-sp&election=cmi-2025&locale=en&pick[Z][one]=nobody"),
            Who::SignedIn,
        ),
        case(
            "POST /api/candidacy/file",
            Body::Json(
                json!({"organization": org, "election": "cmi-2027", "form": {"segment": "", "name": "", "date": "", "platform": []}}),
            ),
            // A candidate is a verified registrant who signed in with a passkey.
            Who::Only(&[Voter]),
        ),
        case(
            "POST /api/candidacy/draft",
            Body::Form("organization=cmi-sp&election=cmi-2027"),
            Who::Passkey,
        ),
        case(
            "POST /api/candidacy/appeal",
            Body::Json(json!({"organization": org, "election": "cmi-2027", "text": ""})),
            Who::SignedIn,
        ),
        case(
            "POST /api/candidacy/representative",
            Body::Json(json!({"organization": org, "election": "cmi-2023", "representative": ""})),
            Who::SignedIn,
        ),
        case("POST /api/candidacy/photo", Body::Multipart, Who::SignedIn),
        // Staff of the organization.
        case(
            "POST /api/staff/home",
            Body::Form("organization=cmi-sp"),
            Who::Only(STAFF_OF_CMI),
        ),
        case(
            "POST /api/staff/helpdesk",
            Body::Json(json!({"organization": org, "form": person})),
            Who::Only(STAFF_OF_CMI),
        ),
        case(
            "POST /api/staff/find_people",
            Body::Json(json!({"organization": org, "query": "ana", "page": 1})),
            Who::Only(STAFF_OF_CMI),
        ),
        case(
            "POST /api/staff/access_code",
            Body::Json(json!({"organization": org, "registration": 999_999})),
            Who::Only(STAFF_OF_CMI),
        ),
        case(
            "POST /api/staff/access_code_form",
            Body::Form("organization=cmi-sp&registration=999999&locale=en"),
            Who::Only(STAFF_OF_CMI),
        ),
        case(
            "POST /api/staff/access_card",
            Body::Form("organization=cmi-sp&registration=999999"),
            Who::Only(STAFF_OF_CMI),
        ),
        case(
            "POST /api/station/list",
            Body::Json(json!({"organization": org})),
            Who::Only(STAFF_OF_CMI),
        ),
        // One station (1, assigned to one poll worker).
        case(
            "POST /api/station/notes",
            Body::Form("organization=cmi-sp&election=cmi-2025&station=1"),
            Who::Only(STATION_ONE),
        ),
        case(
            "POST /api/station/load",
            Body::Json(json!({"organization": org, "election": e, "station": 1, "locale": "en"})),
            Who::Only(STATION_ONE),
        ),
        case(
            "POST /api/station/open",
            Body::Json(json!({"organization": org, "election": e, "station": 1})),
            Who::Only(STATION_ONE),
        ),
        case(
            "POST /api/station/find",
            Body::Json(
                json!({"organization": org, "election": e, "station": 1, "document_type": "", "document_number": ""}),
            ),
            Who::Only(STATION_ONE),
        ),
        case(
            "POST /api/station/verify",
            Body::Json(
                json!({"organization": org, "election": e, "station": 1, "document_type": "", "document_number": ""}),
            ),
            Who::Only(STATION_ONE),
        ),
        case(
            "POST /api/station/mark",
            Body::Json(
                json!({"organization": org, "election": e, "station": 1, "document_type": "", "document_number": "", "hand_over": "paper"}),
            ),
            Who::Only(STATION_ONE),
        ),
        case(
            "POST /api/station/pairing",
            Body::Json(json!({"organization": org, "election": e, "station": 1})),
            Who::Only(STATION_ONE),
        ),
        case(
            "POST /api/station/unpair",
            Body::Json(json!({"organization": org, "election": e, "station": 1, "kiosk": 999})),
            Who::Only(STATION_ONE),
        ),
        case(
            "POST /api/station/paper",
            Body::Form(
                "organization=cmi-sp&election=cmi-2025&station=1&locale=en&pick[Z][one]=nobody",
            ),
            Who::Only(STATION_ONE),
        ),
        case(
            "POST /api/station/close",
            Body::Json(
                json!({"organization": org, "election": e, "station": 1, "sheets_found": "", "justification": ""}),
            ),
            Who::Only(STATION_ONE),
        ),
        case(
            "POST /api/station/reopen",
            Body::Json(json!({"organization": org, "election": e, "station": 1, "reason": ""})),
            Who::Only(COMMISSION),
        ),
        // The commission.
        case(
            "POST /api/staff/queue",
            Body::Json(json!({"organization": org, "status": "pending"})),
            Who::Only(COMMISSION),
        ),
        case(
            "POST /api/staff/not_duplicate",
            Body::Json(json!({"organization": org, "registration": 999_998, "other": 999_999})),
            Who::Only(COMMISSION),
        ),
        case(
            "POST /api/staff/decide",
            Body::Json(
                json!({"organization": org, "registration": 999_999, "decision": {"verdict": "accept"}}),
            ),
            Who::Only(COMMISSION),
        ),
        case(
            "POST /api/staff/undo_form",
            Body::Form("organization=cmi-sp&registration=999999&tab=pending&locale=en"),
            Who::Only(COMMISSION),
        ),
        case(
            "POST /api/staff/decided",
            Body::Json(json!({"organization": org, "registration": 999_999})),
            Who::Only(COMMISSION),
        ),
        case(
            "POST /api/staff/decide_form",
            Body::Form(
                "organization=cmi-sp&registration=999999&decision=accept&tab=pending&locale=en",
            ),
            Who::Only(COMMISSION),
        ),
        case(
            "POST /api/staff/not_duplicate_form",
            Body::Form(
                "organization=cmi-sp&registration=999998&other=999999&tab=pending&locale=en",
            ),
            Who::Only(COMMISSION),
        ),
        case(
            "POST /api/staff/audit",
            Body::Json(json!({"organization": org, "before": null, "election": "cmi-2025"})),
            Who::Only(COMMISSION),
        ),
        case(
            "POST /api/commission/elections",
            Body::Json(json!({"organization": org})),
            Who::Only(COMMISSION),
        ),
        case(
            "POST /api/commission/election",
            Body::Json(json!({"organization": org, "election": e, "locale": "en"})),
            Who::Only(COMMISSION),
        ),
        case(
            "POST /api/commission/phase",
            Body::Json(json!({"organization": org, "election": e, "to": "draft"})),
            Who::Only(COMMISSION),
        ),
        case(
            "POST /api/commission/candidacy",
            Body::Json(
                json!({"organization": org, "election": e, "candidacy": 999_999, "action": "accept", "reason": ""}),
            ),
            Who::Only(COMMISSION),
        ),
        case(
            "POST /api/commission/candidacy_form",
            Body::Form(
                "organization=cmi-sp&election=cmi-2025&candidacy=999999&action=accept&reason=&locale=en",
            ),
            Who::Only(COMMISSION),
        ),
        case(
            "POST /api/commission/conflict_form",
            Body::Form(
                "organization=cmi-sp&election=cmi-2025&candidacy=999999&reason=my+sister&locale=en",
            ),
            Who::Only(COMMISSION),
        ),
        case(
            "POST /api/commission/conflict",
            Body::Json(
                json!({"organization": org, "election": e, "candidacy": 999_999, "reason": "my sister"}),
            ),
            Who::Only(COMMISSION),
        ),
        case(
            "POST /api/commission/create",
            Body::Json(
                json!({"organization": org, "form": {"title": "", "slug": "", "segments": [], "max_choices": "", "extra_seats": "", "parity_percent": "", "parity_scope": "", "min_voter_age": "", "online_from": "", "online_to": "", "in_person_date": "", "opens": "", "closes": "", "stations": ""}}),
            ),
            Who::Only(COMMISSION),
        ),
        case(
            "POST /api/commission/draft",
            Body::Json(json!({"organization": org})),
            Who::Only(COMMISSION),
        ),
        case(
            "POST /api/commission/deadline",
            Body::Json(
                json!({"organization": org, "election": e, "phase": "voting", "last_day": "not a date"}),
            ),
            Who::Only(COMMISSION),
        ),
        case(
            "POST /api/commission/assign",
            Body::Json(
                json!({"organization": org, "election": e, "station": 1, "worker": 999_999, "assign": true}),
            ),
            Who::Only(COMMISSION),
        ),
        case(
            "POST /api/commission/assign_form",
            Body::Form(
                "organization=cmi-sp&election=cmi-2025&station=1&worker=999999&assign=true&locale=en",
            ),
            Who::Only(COMMISSION),
        ),
        case(
            "POST /api/commission/assign_form",
            Body::Form(
                "organization=cmi-sp&election=cmi-2025&station=1&worker=&assign=true&locale=en",
            ),
            Who::Only(COMMISSION),
        ),
        // Administrators.
        case(
            "POST /api/staff/invite",
            Body::Json(json!({"organization": org, "role": "jury"})),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/staff/invite_link",
            Body::Form("organization=cmi-sp"),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/staff/team",
            Body::Json(json!({"organization": org})),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/staff/settings",
            Body::Json(json!({"organization": org})),
            Who::Only(ADMIN),
        ),
        // The conference team's room (administrators here: no caller holds the team role).
        case(
            "POST /api/staff/conferences",
            Body::Form("organization=cmi-sp"),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/staff/conference/phase",
            Body::Form("organization=cmi-sp&conference=conf-2019&to=draft"),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/staff/conference/review",
            Body::Form(
                "organization=cmi-sp&conference=conf-2019&event=no-such-event&verdict=accept",
            ),
            Who::Only(ADMIN),
        ),
        // A free conference: anyone reads the form; registering takes an account.
        case(
            "POST /api/conference/free",
            Body::Form("organization=cmi-sp&conference=conf-2019"),
            Who::Everyone,
        ),
        case(
            "POST /api/conference/free/register",
            Body::Form(
                "organization=cmi-sp&conference=conf-2019&form[name]=&form[organizer]=&form[held_on]=&form[expected_audience]=",
            ),
            Who::SignedIn,
        ),
        case(
            "POST /api/conference/free/resubmit",
            Body::Form(
                "organization=cmi-sp&conference=conf-2019&event=x&form[name]=&form[organizer]=&form[held_on]=&form[expected_audience]=",
            ),
            Who::SignedIn,
        ),
        // Taking part at an event (`conf-2019` is past its events: an allowed call is
        // refused for the phase). Whoever runs an event is its registrant or the team.
        case(
            "POST /api/conference/event/part",
            Body::Form(
                "organization=cmi-sp&conference=conf-2019&event=pre-conferencia-regional-centro",
            ),
            Who::Everyone,
        ),
        case(
            "POST /api/conference/event/join",
            Body::Form(
                "organization=cmi-sp&conference=conf-2019&event=pre-conferencia-regional-centro&migrant=yes",
            ),
            Who::SignedIn,
        ),
        case(
            "POST /api/conference/event/check-in",
            Body::Form(
                "organization=cmi-sp&conference=conf-2019&event=pre-conferencia-regional-centro",
            ),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/conference/event/check-in/mark",
            Body::Form(
                "organization=cmi-sp&conference=conf-2019&event=pre-conferencia-regional-centro&account=1",
            ),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/conference/proposal/submit",
            Body::Form(
                "organization=cmi-sp&conference=conf-2019&event=pre-conferencia-regional-centro&form[theme]=&form[level]=&form[language]=&form[title]=&form[body]=",
            ),
            Who::SignedIn,
        ),
        case(
            "POST /api/conference/proposal/part",
            Body::Form("organization=cmi-sp&conference=conf-2019&proposal=1"),
            Who::Everyone,
        ),
        case(
            "POST /api/conference/proposal/support",
            Body::Form("organization=cmi-sp&conference=conf-2019&proposal=1"),
            Who::SignedIn,
        ),
        case(
            "POST /api/conference/proposal/comment",
            Body::Form("organization=cmi-sp&conference=conf-2019&proposal=1&body="),
            Who::SignedIn,
        ),
        case(
            "POST /api/conference/proposal/amend",
            Body::Form(
                "organization=cmi-sp&conference=conf-2019&proposal=1&form[title]=&form[body]=&form[note]=",
            ),
            Who::SignedIn,
        ),
        case(
            "POST /api/conference/amendment/decide",
            Body::Form("organization=cmi-sp&conference=conf-2019&amendment=1&verdict=accept"),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/conference/report",
            Body::Form("organization=cmi-sp&conference=conf-2019&kind=proposal&id=1&reason="),
            Who::SignedIn,
        ),
        // An event's votes: anyone reads them; whoever runs the event opens, starts and
        // counts; checked-in participants stand and vote.
        case(
            "POST /api/conference/event/votes",
            Body::Form(
                "organization=cmi-sp&conference=conf-2019&event=pre-conferencia-regional-centro",
            ),
            Who::Everyone,
        ),
        case(
            "POST /api/conference/event/vote/open",
            Body::Form(
                "organization=cmi-sp&conference=conf-2019&event=pre-conferencia-regional-centro&kind=priorities&rule[per_theme]=3",
            ),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/conference/event/vote/stand",
            Body::Form(
                "organization=cmi-sp&conference=conf-2019&event=pre-conferencia-regional-centro",
            ),
            Who::SignedIn,
        ),
        case(
            "POST /api/conference/event/vote/start",
            Body::Form(
                "organization=cmi-sp&conference=conf-2019&event=pre-conferencia-regional-centro",
            ),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/conference/event/vote/cast",
            Body::Form(
                "organization=cmi-sp&conference=conf-2019&event=pre-conferencia-regional-centro&kind=priorities&choices[0]=1",
            ),
            Who::SignedIn,
        ),
        case(
            "POST /api/conference/event/vote/count",
            Body::Form(
                "organization=cmi-sp&conference=conf-2019&event=pre-conferencia-regional-centro&kind=priorities",
            ),
            Who::Only(ADMIN),
        ),
        // Setting an edition up (administrators here).
        case(
            "POST /api/staff/conference/new",
            Body::Form("organization=cmi-sp"),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/staff/conference/create",
            Body::Form("organization=cmi-sp&form[name]=&form[slug]="),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/staff/conference/pre-conference",
            Body::Form("organization=cmi-sp&conference=conf-2019"),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/staff/conference/pre-conference/add",
            Body::Form(
                "organization=cmi-sp&conference=conf-2019&form[name]=&form[organizer]=&form[held_on]=&form[expected_audience]=",
            ),
            Who::Only(ADMIN),
        ),
        // The systematization team's room (administrators here).
        case(
            "POST /api/staff/conference/consolidation",
            Body::Form("organization=cmi-sp&conference=conf-2019&theme=1"),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/staff/conference/consolidate",
            Body::Form(
                "organization=cmi-sp&conference=conf-2019&form[theme]=1&form[title]=&form[body]=",
            ),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/staff/conference/consolidated/edit",
            Body::Form(
                "organization=cmi-sp&conference=conf-2019&code=E1-1&form[theme]=1&form[title]=&form[body]=",
            ),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/staff/conference/proposal/outcome",
            Body::Form("organization=cmi-sp&conference=conf-2019&proposal=1&outcome=open"),
            Who::Only(ADMIN),
        ),
        // An edition's texts in several languages (administrators here).
        case(
            "POST /api/staff/conference/texts",
            Body::Form("organization=cmi-sp&conference=conf-2019"),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/staff/conference/texts/save",
            Body::Form("organization=cmi-sp&conference=conf-2019&form[codes]="),
            Who::Only(ADMIN),
        ),
        // The plenary: the team's room (administrators here) and a delegate's ballot.
        case(
            "POST /api/staff/conference/plenary",
            Body::Form("organization=cmi-sp&conference=conf-2019"),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/staff/conference/plenary/open",
            Body::Form("organization=cmi-sp&conference=conf-2019&priorities=3"),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/staff/conference/plenary/credential",
            Body::Form("organization=cmi-sp&conference=conf-2019&account=1"),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/staff/conference/plenary/replace",
            Body::Form("organization=cmi-sp&conference=conf-2019&account=1"),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/staff/conference/plenary/count",
            Body::Form("organization=cmi-sp&conference=conf-2019&theme=1"),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/conference/plenary/ballot",
            Body::Form("organization=cmi-sp&conference=conf-2019"),
            Who::SignedIn,
        ),
        case(
            "POST /api/conference/plenary/cast",
            Body::Form("organization=cmi-sp&conference=conf-2019&theme=1&marks[0]=approve:E1-1"),
            Who::SignedIn,
        ),
        // The plan's room (administrators here).
        case(
            "POST /api/staff/conference/plan",
            Body::Form("organization=cmi-sp&conference=conf-2019"),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/staff/conference/plan/action",
            Body::Form("organization=cmi-sp&conference=conf-2019&form[title]="),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/staff/conference/plan/report",
            Body::Form(
                "organization=cmi-sp&conference=conf-2019&indicator=1&report[status]=in_progress&report[value]=1",
            ),
            Who::Only(ADMIN),
        ),
        // Open calls (`cmi-sp` has none by that name: whoever gets past authorization
        // meets a 404). Reading a call and its apply page is public; applying needs a
        // session; the call team's room is the administrators' here.
        case(
            "POST /api/call/page",
            Body::Form("organization=cmi-sp&call=panas-y-parces"),
            Who::Everyone,
        ),
        case(
            "POST /api/call/apply",
            Body::Form("organization=cmi-sp&call=panas-y-parces"),
            Who::Everyone,
        ),
        case(
            "POST /api/call/draft",
            Body::Form("organization=cmi-sp&call=panas-y-parces&form[category]=culture"),
            Who::SignedIn,
        ),
        case(
            "POST /api/call/submit",
            Body::Form("organization=cmi-sp&call=panas-y-parces"),
            Who::SignedIn,
        ),
        case(
            "POST /api/call/fixes",
            Body::Form("organization=cmi-sp&call=panas-y-parces"),
            Who::SignedIn,
        ),
        case("POST /api/call/document", Body::Multipart, Who::SignedIn),
        // An application's documents answer 404 to anyone not allowed to read them (as
        // if they did not exist): tested by the browser test and `calls` store tests.
        case(
            "GET /files/calls/{org}/{call}/{file}",
            Body::Get,
            Who::Everyone,
        ),
        case(
            "POST /api/staff/call/room",
            Body::Form("organization=cmi-sp&call=panas-y-parces"),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/staff/call/phase",
            Body::Form("organization=cmi-sp&call=panas-y-parces&to=open"),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/staff/call/check",
            Body::Form("organization=cmi-sp&call=panas-y-parces&application=1&verdict=accept"),
            Who::Only(ADMIN),
        ),
        // The jury: only jurors (no caller holds the role here), and the team assigns them.
        case(
            "POST /api/jury/page",
            Body::Form("organization=cmi-sp&call=panas-y-parces"),
            Who::Only(&[]),
        ),
        case(
            "POST /api/jury/score",
            Body::Form(
                "organization=cmi-sp&call=panas-y-parces&application=1&scores[impacto]=3&justification=x",
            ),
            Who::Only(&[]),
        ),
        case(
            "POST /api/jury/conflict",
            Body::Form("organization=cmi-sp&call=panas-y-parces&application=1&reason=x"),
            Who::Only(&[]),
        ),
        case(
            "POST /api/staff/call/juror",
            Body::Form("organization=cmi-sp&call=panas-y-parces&category=1&juror=1"),
            Who::Only(ADMIN),
        ),
        // The public vote, the published selection and its files, payments.
        case(
            "POST /api/call/vote",
            Body::Form("organization=cmi-sp&call=panas-y-parces"),
            Who::Everyone,
        ),
        case(
            "POST /api/call/vote/cast",
            Body::Form("organization=cmi-sp&call=panas-y-parces&application=1"),
            Who::SignedIn,
        ),
        case(
            "POST /api/call/results",
            Body::Form("organization=cmi-sp&call=panas-y-parces"),
            Who::Everyone,
        ),
        case(
            "GET /export/{org}/calls/{call}/{file}",
            Body::Get,
            Who::Everyone,
        ),
        case(
            "POST /api/staff/call/publish",
            Body::Form("organization=cmi-sp&call=panas-y-parces"),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/staff/call/payment",
            Body::Form("organization=cmi-sp&call=panas-y-parces&application=1&paid_on=2026-01-01"),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/staff/call/visit",
            Body::Form(
                "organization=cmi-sp&call=panas-y-parces&application=1&visited_on=2026-01-01&note=x",
            ),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/staff/call/new",
            Body::Form("organization=cmi-sp"),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/staff/call/create",
            Body::Form("organization=cmi-sp&form[slug]=x"),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/call/winners",
            Body::Form("organization=cmi-sp&call=panas-y-parces"),
            Who::Everyone,
        ),
        case(
            "POST /api/calls",
            Body::Form("organization=cmi-sp"),
            Who::Everyone,
        ),
        case(
            "POST /api/staff/calls",
            Body::Form("organization=cmi-sp"),
            Who::Only(ADMIN),
        ),
        // One's own messages.
        case("POST /api/inbox", Body::Json(json!({})), Who::SignedIn),
        // The moderators' queue (administrators here: no caller moderates).
        case(
            "POST /api/staff/conference/reports",
            Body::Form("organization=cmi-sp&conference=conf-2019"),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/staff/conference/reports/resolve",
            Body::Form("organization=cmi-sp&conference=conf-2019&kind=proposal&id=1&verdict=keep"),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/staff/settings_save",
            Body::Form("organization=cmi-sp&form[min_age]=99"),
            Who::Only(ADMIN),
        ),
        case(
            "POST /api/staff/revoke",
            Body::Json(json!({"organization": org, "account": 999_999, "role": "jury"})),
            Who::Only(ADMIN),
        ),
        // Last: it ends the caller's session.
        case("POST /api/sign_out", Body::Form(""), Who::Everyone),
        case(
            "POST /api/sign_out_form",
            Body::Form("locale=en"),
            Who::Everyone,
        ),
    ]
}

/// A staff account of `org` with `role`, and its passkey session's cookie.
async fn staff(db: &Db, org: OrganizationId, role: Role, name: &str) -> (AccountId, String) {
    let mut tx = db.begin_write().await.expect("begin");
    let account = accounts_store::create_account(
        &mut tx,
        &new_user_handle().to_string(),
        name,
        "en",
        false,
        0,
    )
    .await
    .expect("account");
    staff_store::grant_role(&mut tx, org, account, role, None, 0)
        .await
        .expect("role");
    tx.commit().await.expect("commit");
    (account, session(db, account, AuthMethod::Passkey).await)
}

async fn session(db: &Db, account: AccountId, method: AuthMethod) -> String {
    let token = sessions_store::create_session(
        db,
        Some(account.0),
        method,
        None,
        Duration::from_secs(3600),
        voz_app::db::now_millis(),
    )
    .await
    .expect("session");
    format!("voz_session={}", token.cookie_value())
}

/// Sessions for every caller (cookie header values; empty for the anonymous one).
async fn callers(dir: &std::path::Path) -> Vec<(Caller, String)> {
    let db = Db::connect(&support::database_url(dir))
        .await
        .expect("database");
    let cmi = accounts_store::organization_by_slug(&db, "cmi-sp")
        .await
        .expect("org")
        .expect("cmi-sp")
        .id;
    let bogota = accounts_store::organization_by_slug(&db, "idpac-bogota")
        .await
        .expect("org")
        .expect("idpac-bogota")
        .id;
    let election = election_store::election_by_slug(&db, cmi, "cmi-2025")
        .await
        .expect("election");
    let voter = {
        let voters = registration_store::enabled_voters(&db, cmi)
            .await
            .expect("voters");
        assert!(!voters.is_empty());
        // Registered at the help desk (managed), no passkey: a printed code may add its
        // first passkey.
        let (id,): (i64,) = voz_app::on_db!(&db, |pool| sqlx::query_as(
            "SELECT r.account_id FROM registrations r JOIN accounts a ON a.id = r.account_id \
             WHERE r.organization_id = $1 AND r.status = 'verified' AND a.managed ORDER BY r.id LIMIT 1"
        )
        .bind(cmi.0)
        .fetch_one(pool)
        .await)
        .expect("a verified voter");
        AccountId(id)
    };
    let (_, commission) = staff(&db, cmi, Role::ElectoralCommission, "Commission").await;
    let (_, administrator) = staff(&db, cmi, Role::Administrator, "Admin").await;
    let (_, elsewhere_commission) =
        staff(&db, bogota, Role::ElectoralCommission, "Comisión Bogotá").await;
    let (here, here_cookie) = staff(&db, cmi, Role::PollWorker, "Mesária 1").await;
    let (there, there_cookie) = staff(&db, cmi, Role::PollWorker, "Mesário 2").await;
    let mut tx = db.begin_write().await.expect("begin");
    assignment_store::assign_poll_worker(&mut tx, election.id, 1, here, here, 0)
        .await
        .expect("assign here");
    assignment_store::assign_poll_worker(&mut tx, election.id, 2, there, there, 0)
        .await
        .expect("assign there");
    tx.commit().await.expect("commit");
    let out = vec![
        (Anonymous, String::new()),
        (
            CodeSession,
            session(&db, voter, AuthMethod::AccessCode).await,
        ),
        (Voter, session(&db, voter, AuthMethod::Passkey).await),
        (PollWorkerElsewhere, there_cookie),
        (PollWorkerHere, here_cookie),
        (CommissionElsewhere, elsewhere_commission),
        (Commission, commission),
        (Administrator, administrator),
    ];
    db.close().await;
    out
}

/// The status and, for a redirect, its `?error=` code.
fn call(base: &str, case: &Case, cookie: &str) -> (u16, Option<String>) {
    let (method, path) = case.route.split_once(' ').expect("METHOD /path");
    let path = path
        .replace("{org}", "cmi-sp")
        .replace("{election}", "cmi-2023")
        .replace("{conference}", "conf-2019")
        .replace("{event}", "pre-conferencia-regional-centro")
        .replace("{file}", "results.json")
        .replace("{*path}", "00000000/voz.css");
    let agent = ureq::AgentBuilder::new().redirects(0).build();
    let mut request = agent
        .request(method, &format!("{base}{path}"))
        .set("Origin", base)
        .set("Accept", "application/json");
    if !cookie.is_empty() {
        request = request.set("Cookie", cookie);
    }
    let response = match &case.body {
        Body::Get => request.call(),
        Body::Json(value) => request
            .set("Content-Type", "application/json")
            .send_string(&value.to_string()),
        Body::Form(form) => request
            .set("Content-Type", "application/x-www-form-urlencoded")
            .send_string(form),
        Body::Multipart => request
            .set("Content-Type", "multipart/form-data; boundary=voz")
            .send_string(
                "--voz\r\nContent-Disposition: form-data; name=\"locale\"\r\n\r\nen\r\n--voz--\r\n",
            ),
    };
    let response = match response {
        Ok(response) => response,
        Err(ureq::Error::Status(_, response)) => response,
        Err(other) => panic!("{}: {other}", case.route),
    };
    let error = response
        .header("location")
        .and_then(|l| l.split("error=").nth(1))
        .map(|e| e.split('&').next().unwrap_or_default().to_owned());
    (response.status(), error)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_and_every_caller() {
    let dir = support::demo();

    // Every route the server answers is in the matrix, and nothing else.
    let served: BTreeSet<String> = support::routes(dir.path()).into_iter().collect();
    let cases = matrix();
    let listed: BTreeSet<String> = cases.iter().map(|c| c.route.to_owned()).collect();
    let unlisted: Vec<&String> = served.difference(&listed).collect();
    assert!(
        unlisted.is_empty(),
        "routes missing from the authorization matrix (say who may call them): {unlisted:?}"
    );
    let stale: Vec<&String> = listed.difference(&served).collect();
    assert!(
        stale.is_empty(),
        "the matrix lists routes that no longer exist: {stale:?}"
    );

    let callers = callers(dir.path()).await;
    assert_eq!(
        callers.iter().map(|(c, _)| *c).collect::<Vec<_>>(),
        CALLERS,
        "every kind of caller has a session"
    );
    let server = support::Server::start(dir.path());
    let base = server.base.clone();

    let mut wrong = Vec::new();
    for case in &cases {
        for (caller, cookie) in &callers {
            let (status, error) = call(&base, case, cookie);
            let denied = matches!(status, 401 | 403)
                || matches!(error.as_deref(), Some("unauthenticated" | "forbidden"));
            let expected_denial = if *caller == Anonymous { 401 } else { 403 };
            let ok = if case.who.allows(*caller) {
                !denied && status < 500
            } else {
                let code = match error.as_deref() {
                    Some("unauthenticated") => 401,
                    Some("forbidden") => 403,
                    _ => status,
                };
                code == expected_denial
            };
            if !ok {
                wrong.push(format!(
                    "{} as {caller:?}: {status}{} (expected {})",
                    case.route,
                    error.map(|e| format!(" error={e}")).unwrap_or_default(),
                    if case.who.allows(*caller) {
                        "allowed".to_owned()
                    } else {
                        expected_denial.to_string()
                    }
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong answers:\n{}",
        wrong.len(),
        wrong.join("\n")
    );

    // A printed code in someone else's hands cannot plant a passkey on an account that is
    // not managed by the help desk (the matrix's code session is a managed account).
    let db = Db::connect(&support::database_url(dir.path()))
        .await
        .expect("database");
    let (unmanaged,): (i64,) = voz_app::on_db!(&db, |pool| sqlx::query_as(
        "SELECT id FROM accounts WHERE NOT managed AND id IN (SELECT account_id FROM registrations) LIMIT 1"
    )
    .fetch_one(pool)
    .await)
    .expect("an account registered online");
    let cookie = session(&db, AccountId(unmanaged), AuthMethod::AccessCode).await;
    db.close().await;
    let start = case("POST /api/passkeys/start", Body::Form(""), Who::Passkey);
    assert_eq!(call(&base, &start, &cookie).0, 403);
}
