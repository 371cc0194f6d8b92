//! "Recount on this device", on the results page. The server renders the section (its
//! words in the reader's language, the published head and ballot totals in `data-`
//! attributes); `app/js/recount.js` acts only when the visitor asks: it downloads the
//! public export, runs `voz_count::verify::recount_export` compiled to WASM (the
//! `voz-recount` crate, the code of `voz verify` and `voz tally`) and shows the official
//! result and the recount side by side, with whether the board's head matches. Nothing is
//! sent back. The WASM is fetched on the click, so the page itself stays light; without
//! scripts the section is hidden and the board page's `voz verify` instructions remain.

use leptos::prelude::*;

use crate::i18n::{t, t_string, use_i18n};
use crate::results::count::BallotCounts;

/// The recount's script address (`/pkg/<hash>/recount.js`), when this site was built with it.
fn recount_script() -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        use_context::<crate::state::AppState>().and_then(|app| app.recount_script)
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

#[component]
pub fn RecountOnThisDevice(
    organization: String,
    slug: String,
    head: String,
    ballots: BallotCounts,
) -> impl IntoView {
    let i18n = use_i18n();
    let script = recount_script().filter(|_| !head.is_empty())?;
    let b = ballots;
    Some(view! {
        <section class="recount" aria-labelledby="recount-title"
            data-export=format!("/export/{organization}/{slug}")
            data-head=head
            data-ballots=format!("{} {} {} {}", b.total, b.valid, b.blank, b.null)
            data-l-candidate=t_string!(i18n, results.recount_candidate)
            data-l-official=t_string!(i18n, results.recount_official)
            data-l-yours=t_string!(i18n, results.recount_yours)
            data-l-total=t_string!(i18n, results.results_total)
            data-l-valid=t_string!(i18n, results.results_valid)
            data-l-blank=t_string!(i18n, results.results_blank)
            data-l-null=t_string!(i18n, results.results_null)
            data-l-head=t_string!(i18n, results.recount_head)
            data-l-running=t_string!(i18n, results.recount_running)
            data-l-match=t_string!(i18n, results.recount_match)
            data-l-mismatch=t_string!(i18n, results.recount_mismatch)
            data-l-failed=t_string!(i18n, results.recount_failed)
            data-l-titular=t_string!(i18n, results.results_titular)
            data-l-extra=t_string!(i18n, results.results_extra)
            data-l-alternate=t_string!(i18n, results.results_alternate)>
            <h2 id="recount-title">{t!(i18n, results.recount_title)}</h2>
            <p class="hint">{t!(i18n, results.recount_intro)}</p>
            <button type="button" data-recount="">{t!(i18n, results.recount_button)}</button>
            <p class="recount-verdict" role="status" aria-live="polite"></p>
            <div class="recount-table"></div>
            <script type="module" async="" src=script></script>
        </section>
    })
}
