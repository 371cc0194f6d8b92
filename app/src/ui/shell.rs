//! The HTML document and the route table.

use leptos::prelude::*;
use leptos_meta::{Html, MetaTags, Title, provide_meta_context};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{SsrMode, path};

use crate::accounts::access_code::ui::CodeSignInPage;
use crate::accounts::account::ui::AccountPageView;
use crate::accounts::organization::ui::SettingsPageView;
use crate::accounts::passkey::ui::SignInPage;
use crate::accounts::registration::ui::RegisterPage;
use crate::accounts::staff::ui::helpdesk::HelpDeskPage;
use crate::accounts::staff::ui::review::ReviewPage;
use crate::accounts::staff::ui::team::{EnrollPage, TeamPage};
use crate::accounts::staff::ui::{AuditPage, StaffHomePage, VotersPage};
use crate::calls::apply::ui::ApplyPageView;
use crate::calls::awards::ui::WinnersPageView;
use crate::calls::jury::ui::JuryPageView;
use crate::calls::list::ui::StaffCallsPage;
use crate::calls::public::ui::CallPageView;
use crate::calls::room::ui::CallRoomView;
use crate::calls::selection::ui::SelectionPageView;
use crate::calls::setup::ui::NewCallPageView;
use crate::calls::vote::ui::VotePageView;
use crate::conferences::consolidation::ui::ConsolidationPageView;
use crate::conferences::organize::setup_ui::{NewEditionPageView, PreConferencePageView};
use crate::conferences::organize::texts_ui::EditionTextsPageView;
use crate::conferences::organize::ui::{FreeConferencePageView, OrganizeRoomPage};
use crate::conferences::participate::ui::{CheckInPageView, ReportsPageView};
use crate::conferences::plan::ui::PlanRoomView;
use crate::conferences::plenary::ui::{PlenaryBallotView, PlenaryRoomView};
use crate::conferences::public::ui::{
    ConsolidatedPageView, EditionPageView, EventPageView, PlanPageView, PlenaryPageView,
    ProposalPageView, ProposalsPageView,
};
use crate::elections::ballot::check::TrackingCheckPage;
use crate::elections::ballot::ui::{BallotPage, ReceiptPage};
use crate::elections::candidacy::ui::CandidacyPage;
use crate::elections::commission::ui::{
    CommissionElectionPage, ElectionsStaffPage, NewElectionPage,
};
use crate::elections::election::ui::ElectionPageView;
use crate::elections::kiosk::ui::{KioskPage, KioskReceiptPage};
use crate::elections::station::ui::{StationPageView, StationsPage};
use crate::i18n::{I18nContextProvider, use_i18n};
use crate::locale::direction;
use crate::platform::inbox::ui::InboxPage;
use crate::results::ui::{BoardPageView, MinutesPageView, ResultsPageView};
use crate::ui::{
    about::AboutPage,
    home::HomePage,
    layout::LocaleLayout,
    not_found::{NotFound, NotFoundPage},
    organization::OrganizationPage,
};

/// The full document the server sends; the browser bundle hydrates `<App/>` inside it.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                // Inline icon: one request fewer on a slow network.
                <link rel="icon" href=FAVICON />
                // The stylesheet inline (4.4 KB compressed): on a 2-second round trip a
                // linked one delays the first paint by a whole second request.
                <style nonce=leptos::nonce::use_nonce() inner_html=stylesheet()></style>
                <script nonce=leptos::nonce::use_nonce() inner_html=ENHANCE></script>
                <AutoReload options=options.clone() />
                {ships_bundle().then(|| view! { <HydrationScripts options islands=true /> })}
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The little every page does with scripts on, without the bundle: marks `<html data-js>`
/// (so the stylesheet shows what only works with scripts) and prints on a click on a
/// `[data-print]` button (an inline `onclick` would be refused by our CSP; one delegated
/// listener also serves buttons rendered later).
pub const ENHANCE: &str = "document.documentElement.setAttribute('data-js','');\
document.addEventListener('click',function(e){var b=e.target.closest&&e.target.closest('[data-print]');\
if(b){window.print();}});";

/// The stylesheet's text (from the server's state).
fn stylesheet() -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        use_context::<crate::state::AppState>().map(|app| app.stylesheet.to_string())
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// Whether this response should load the browser bundle (see [`needs_bundle`]): on a cheap
/// phone over a slow network a page that is a plain form or only for reading is HTML and CSS
/// only, and works with JavaScript off.
fn ships_bundle() -> bool {
    #[cfg(feature = "ssr")]
    {
        use_context::<axum::http::request::Parts>()
            .is_none_or(|parts| needs_bundle(parts.uri.path()))
    }
    #[cfg(not(feature = "ssr"))]
    {
        true
    }
}

/// Only pages with an island load the bundle: the passkey ceremonies (joining, signing in,
/// enrolling staff, the account's passkeys). Every other page — reading pages, the ballot,
/// the printed-code sign-in, the kiosk, candidacy forms, every staff screen, a page not found
/// — is server HTML and CSS with plain forms, and works with scripts off.
pub fn needs_bundle(path: &str) -> bool {
    let (_, rest) = crate::locale::split_locale(path);
    let parts: Vec<&str> = rest.trim_matches('/').split('/').collect();
    matches!(
        parts.as_slice(),
        ["join", _] | ["sign-in"] | ["account"] | ["enroll", _]
    )
}

const FAVICON: &str = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%230a6c5a'/%3E%3Ctext x='16' y='23' font-size='20' font-family='sans-serif' font-weight='700' fill='white' text-anchor='middle'%3EV%3C/text%3E%3C/svg%3E";

/// Scripts only from us or carrying this response's nonce; WebAssembly allowed to compile;
/// no framing, no plugins, no foreign connections.
#[cfg(feature = "ssr")]
fn content_security_policy() {
    let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self' 'nonce-{nonce}'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; \
         base-uri 'none'; form-action 'self'; object-src 'none'"
    );
    if let Ok(value) = axum::http::HeaderValue::from_str(&policy) {
        response.insert_header(axum::http::header::CONTENT_SECURITY_POLICY, value);
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    #[cfg(feature = "ssr")]
    content_security_policy();
    view! {
        <I18nContextProvider set_dir_attr_on_html=false>
            <PageTitle />
            <Router>
                // Every page is rendered whole before it is sent (`SsrMode::Async`): without
                // a script nothing streamed afterwards would show, and a page that shows a
                // one-time value clears its cookie in the response's headers.
                <Routes fallback=NotFoundPage>
                    <ParentRoute path=path!("/:lang") view=LocaleLayout>
                        <Route path=path!("") view=HomePage ssr=SsrMode::Async />
                        <Route path=path!("about") view=AboutPage ssr=SsrMode::Async />
                        <Route path=path!("join/:org") view=RegisterPage ssr=SsrMode::Async />
                        <Route path=path!("sign-in") view=SignInPage ssr=SsrMode::Async />
                        <Route path=path!("kiosk") view=KioskPage ssr=SsrMode::Async />
                        <Route path=path!("kiosk/voted") view=KioskReceiptPage ssr=SsrMode::Async />
                        <Route path=path!("account") view=AccountPageView ssr=SsrMode::Async />
                        <Route path=path!("inbox") view=InboxPage ssr=SsrMode::Async />
                        <Route path=path!("code") view=CodeSignInPage ssr=SsrMode::Async />
                        <Route path=path!("enroll/:token") view=EnrollPage ssr=SsrMode::Async />
                        <Route path=path!("voters/:org") view=VotersPage ssr=SsrMode::Async />
                        <Route path=path!("staff/:org") view=StaffHomePage ssr=SsrMode::Async />
                        <Route path=path!("staff/:org/review") view=ReviewPage ssr=SsrMode::Async />
                        <Route path=path!("staff/:org/helpdesk") view=HelpDeskPage ssr=SsrMode::Async />
                        <Route path=path!("staff/:org/team") view=TeamPage ssr=SsrMode::Async />
                        <Route path=path!("staff/:org/settings") view=SettingsPageView ssr=SsrMode::Async />
                        <Route path=path!("staff/:org/audit") view=AuditPage ssr=SsrMode::Async />
                        <Route path=path!("staff/:org/elections") view=ElectionsStaffPage ssr=SsrMode::Async />
                        <Route path=path!("staff/:org/elections/new") view=NewElectionPage ssr=SsrMode::Async />
                        <Route path=path!("staff/:org/conferences") view=OrganizeRoomPage ssr=SsrMode::Async />
                        <Route path=path!("staff/:org/conferences/new") view=NewEditionPageView ssr=SsrMode::Async />
                        <Route path=path!("staff/:org/conferences/:conference/pre-conference") view=PreConferencePageView ssr=SsrMode::Async />
                        <Route path=path!("staff/:org/conferences/:conference/reports") view=ReportsPageView ssr=SsrMode::Async />
                        <Route path=path!("staff/:org/conferences/:conference/consolidation") view=ConsolidationPageView ssr=SsrMode::Async />
                        <Route path=path!("staff/:org/conferences/:conference/plenary") view=PlenaryRoomView ssr=SsrMode::Async />
                        <Route path=path!("staff/:org/conferences/:conference/plan") view=PlanRoomView ssr=SsrMode::Async />
                        <Route path=path!("staff/:org/conferences/:conference/texts") view=EditionTextsPageView ssr=SsrMode::Async />
                        <Route path=path!("staff/:org/calls") view=StaffCallsPage ssr=SsrMode::Async />
                        <Route path=path!("staff/:org/calls/new") view=NewCallPageView ssr=SsrMode::Async />
                        <Route path=path!("staff/:org/calls/:call") view=CallRoomView ssr=SsrMode::Async />
                        <Route path=path!("staff/:org/calls/:call/jury") view=JuryPageView ssr=SsrMode::Async />
                        <Route path=path!("staff/:org/stations") view=StationsPage ssr=SsrMode::Async />
                        <Route path=path!("staff/:org/elections/:election/stations/:station") view=StationPageView ssr=SsrMode::Async />
                        <Route path=path!("staff/:org/elections/:election") view=CommissionElectionPage ssr=SsrMode::Async />
                        <Route path=path!("o/:org") view=OrganizationPage ssr=SsrMode::Async />
                        <Route path=path!("o/:org/e/:election") view=ElectionPageView ssr=SsrMode::Async />
                        <Route path=path!("o/:org/e/:election/candidacy") view=CandidacyPage ssr=SsrMode::Async />
                        <Route path=path!("o/:org/e/:election/vote") view=BallotPage ssr=SsrMode::Async />
                        <Route path=path!("o/:org/e/:election/voted") view=ReceiptPage ssr=SsrMode::Async />
                        <Route path=path!("o/:org/e/:election/check") view=TrackingCheckPage ssr=SsrMode::Async />
                        <Route path=path!("o/:org/e/:election/results") view=ResultsPageView ssr=SsrMode::Async />
                        <Route path=path!("o/:org/e/:election/board") view=BoardPageView ssr=SsrMode::Async />
                        <Route path=path!("o/:org/e/:election/results/minutes") view=MinutesPageView ssr=SsrMode::Async />
                        <Route path=path!("o/:org/calls/:call") view=CallPageView ssr=SsrMode::Async />
                        <Route path=path!("o/:org/calls/:call/apply") view=ApplyPageView ssr=SsrMode::Async />
                        <Route path=path!("o/:org/calls/:call/vote") view=VotePageView ssr=SsrMode::Async />
                        <Route path=path!("o/:org/calls/:call/results") view=SelectionPageView ssr=SsrMode::Async />
                        <Route path=path!("o/:org/calls/:call/winners") view=WinnersPageView ssr=SsrMode::Async />
                        <Route path=path!("o/:org/c/:conference") view=EditionPageView ssr=SsrMode::Async />
                        <Route path=path!("o/:org/c/:conference/proposals") view=ProposalsPageView ssr=SsrMode::Async />
                        <Route path=path!("o/:org/c/:conference/free-conference") view=FreeConferencePageView ssr=SsrMode::Async />
                        <Route path=path!("o/:org/c/:conference/plenary") view=PlenaryPageView ssr=SsrMode::Async />
                        <Route path=path!("o/:org/c/:conference/plenary/vote") view=PlenaryBallotView ssr=SsrMode::Async />
                        <Route path=path!("o/:org/c/:conference/plan") view=PlanPageView ssr=SsrMode::Async />
                        <Route path=path!("o/:org/c/:conference/events/:event") view=EventPageView ssr=SsrMode::Async />
                        <Route path=path!("o/:org/c/:conference/events/:event/check-in") view=CheckInPageView ssr=SsrMode::Async />
                        <Route path=path!("o/:org/c/:conference/proposals/:proposal") view=ProposalPageView ssr=SsrMode::Async />
                        <Route path=path!("o/:org/c/:conference/consolidated/:code") view=ConsolidatedPageView ssr=SsrMode::Async />
                        <Route path=path!("*any") view=NotFound ssr=SsrMode::Async />
                    </ParentRoute>
                </Routes>
            </Router>
            // After the router: the page's language is only known once its route has run.
            <HtmlDirection />
        </I18nContextProvider>
    }
}

/// `<html dir>` from our own table (see [`direction`]), for the address's language. A plain
/// value, not a closure: the `<html>` tag is written once the page is rendered, when the
/// page's reactive state may already be gone (a closure reading it would panic then, as
/// page titles did: every `<Title>` is a plain string too).
#[component]
fn HtmlDirection() -> impl IntoView {
    #[cfg(feature = "ssr")]
    let locale = use_context::<axum::http::request::Parts>()
        .and_then(|parts| crate::locale::split_locale(parts.uri.path()).0)
        .unwrap_or_else(|| use_i18n().get_locale_untracked());
    #[cfg(not(feature = "ssr"))]
    let locale = use_i18n().get_locale_untracked();
    view! { <Html attr:dir=direction(locale) /> }
}

/// Every page's title ends in "— Voz"; each page sets its own first part.
#[component]
fn PageTitle() -> impl IntoView {
    view! { <Title formatter=|page: String| format!("{page} — Voz") /> }
}

#[cfg(test)]
mod bundle_tests {
    use super::needs_bundle;

    #[test]
    fn only_pages_where_the_browser_acts_load_the_bundle() {
        for page in [
            "/pt-BR",
            "/ar/about",
            "/ar/code",
            "/pt-BR/o/cmi-sp/e/cmi-2025",
            "/pt-BR/o/cmi-sp/e/cmi-2025/vote",
            "/ar/o/cmi-sp/e/cmi-2025/voted",
            "/es/o/cmi-sp/e/cmi-2023/results",
            "/en/o/cmi-sp/e/cmi-2023/results/minutes",
            "/fr/o/cmi-sp/e/cmi-2023/board",
            "/ar/kiosk",
            "/es/kiosk/voted",
            "/es/voters/cmi-sp",
            "/pt-BR/no/such/page",
            "/pt-BR/o/cmi-sp/e/cmi-2025/candidacy/extra",
            "/ar/staff/cmi-sp/review",
            "/pt-BR/o/cmi-sp/e/cmi-2025/candidacy",
            "/pt-BR/staff/cmi-sp",
            "/pt-BR/staff/cmi-sp/helpdesk",
            "/pt-BR/staff/cmi-sp/elections/cmi-2025/stations/1",
        ] {
            assert!(!needs_bundle(page), "{page}");
        }
        for page in [
            "/pt-BR/join/cmi-sp",
            "/ar/sign-in",
            "/ht/account",
            "/fr/enroll/abc",
        ] {
            assert!(needs_bundle(page), "{page}");
        }
    }
}
