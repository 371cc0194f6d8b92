//! The results page: elected titulares and alternates per segment, votes per candidate as
//! SVG bars (drawn on the server: no script needed), ballots, parity and turnout.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;

use crate::elections::calendar::rules::Phase;
use crate::elections::ui::{election_path, route_keys};
use crate::error::ErrorMessage;
use crate::i18n::{t, t_string, use_i18n};
use crate::results::count::{ParityOutcome, ReceiptMode};
use crate::results::groups::Breakdown;
use crate::results::public::{
    MinutesPage, Outcome, ResultsPage, SwapExplained, load_board, load_minutes, load_results,
};
use crate::results::recount::RecountOnThisDevice;
use crate::ui::kit::{Fact, Facts, Loaded, PrintButton};

#[component]
pub fn ResultsPageView() -> impl IntoView {
    let i18n = use_i18n();
    let keys = route_keys();
    let data = Resource::new(
        move || (keys(), i18n.get_locale().as_str().to_owned()),
        |((org, election), locale)| load_results(org, election, locale),
    );
    view! {
        <Loaded resource=data show=move |page| view! { <Results page /> } />
    }
}

#[component]
fn Results(page: ResultsPage) -> impl IntoView {
    let i18n = use_i18n();
    let back = election_path(&page.organization, &page.slug, "");
    let status = if page.phase == Phase::OfficialResults {
        t_string!(i18n, results.results_official)
    } else {
        t_string!(i18n, results.results_provisional)
    };
    let b = page.ballots;
    let base = format!("/export/{}/{}", page.organization, page.slug);
    let board = election_path(&page.organization, &page.slug, "/board");
    let minutes = election_path(&page.organization, &page.slug, "/results/minutes");
    view! {
        <Title text=format!("{} — {}", t_string!(i18n, results.results_title), page.title) />
        <p class="eyebrow"><a href=back>{page.title.clone()}</a></p>
        <h1>{t!(i18n, results.results_title)}</h1>
        <p class="lead"><strong class="results-status">{status}</strong></p>
        <Facts class="ballots-summary">
            <Fact term={t!(i18n, results.results_total)}>{b.total}</Fact>
            <Fact term={t!(i18n, results.results_valid)}>{b.valid}</Fact>
            <Fact term={t!(i18n, results.results_blank)}>{b.blank}</Fact>
            <Fact term={t!(i18n, results.results_null)}>{b.null}</Fact>
        </Facts>
        <ul class="inline-links downloads">
            <li><a href=format!("{base}/results.csv") download="">"results.csv"</a></li>
            <li><a href=format!("{base}/results.json") download="">"results.json"</a></li>
            <li><a href=board>{t!(i18n, elections.election_board_link)}</a></li>
            <li><a href=minutes>{t!(i18n, results.minutes_title)}</a></li>
        </ul>
        <p class="hint" data-testid="blank-rule">{t!(i18n, results.results_blank_rule)}</p>
        <Parity label=t_string!(i18n, results.results_parity) outcome=page.parity />
        <Parity label=t_string!(i18n, results.results_alternates_parity) outcome=page.alternates_parity />
        <Swaps swaps=page.swaps.clone() />
        {page.segments.into_iter().map(|segment| {
            let max = segment.rows.iter().map(|r| r.votes).max().unwrap_or(0).max(1);
            view! {
                <section class="segment-results" id=format!("results-{}", segment.id)>
                    <h2>{segment.label.clone()}</h2>
                    <ol class="plain result-rows">
                        {segment.rows.into_iter().map(|row| {
                            let outcome = match row.outcome {
                                Outcome::Titular => t_string!(i18n, results.results_titular),
                                Outcome::Extra => t_string!(i18n, results.results_extra),
                                Outcome::Alternate => t_string!(i18n, results.results_alternate),
                                Outcome::NotElected => "",
                            };
                            let class = match row.outcome {
                                Outcome::Titular | Outcome::Extra => "result-row elected",
                                Outcome::Alternate => "result-row alternate",
                                Outcome::NotElected => "result-row",
                            };
                            view! {
                                <li class=class data-candidate=row.id.clone() data-votes=row.votes>
                                    <span class="result-name">{row.name.clone()}</span>
                                    {(!outcome.is_empty()).then(|| view! { <span class="status outcome">{outcome}</span> })}
                                    <Bar value=row.votes max />
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                    <p class="hint">{t_string!(i18n, results.results_segment_blank, count = segment.blank).to_string()}</p>
                </section>
            }
        }).collect_view()}
        {(!page.extra.is_empty()).then(|| view! {
            <h2>{t!(i18n, results.results_extra_seats)}</h2>
            <ol>{page.extra.into_iter().map(|name| view! { <li>{name}</li> }).collect_view()}</ol>
        })}
        <RecountOnThisDevice organization=page.organization.clone() slug=page.slug.clone() head=page.head.clone() ballots=b />
        <h2>{t!(i18n, results.results_turnout)}</h2>
        <p class="hint" data-testid="group-rule">{t_string!(i18n, results.results_group_rule, k = page.min_group_size).to_string()}</p>
        <BreakdownList title=t_string!(i18n, results.results_by_channel).to_string() k=page.min_group_size breakdown=Breakdown {
            rows: page.by_channel.rows.into_iter().map(|(c, n)| {
                let label = if c == "online" { t_string!(i18n, results.results_channel_online) } else { t_string!(i18n, results.results_channel_in_person) };
                (label.to_owned(), n)
            }).collect(),
            merged: page.by_channel.merged,
        } />
        <BreakdownList title=t_string!(i18n, results.results_by_station).to_string() k=page.min_group_size breakdown=page.by_station />
        <BreakdownList title=t_string!(i18n, results.results_by_nationality).to_string() k=page.min_group_size breakdown=page.by_nationality />
    }
}

/// Each parity swap in a sentence: where, who gave up the seat (with their votes), who
/// took it, and why — so a reader sees why someone with fewer votes was elected.
#[component]
fn Swaps(swaps: Vec<SwapExplained>) -> impl IntoView {
    let i18n = use_i18n();
    (!swaps.is_empty()).then(|| {
        let items = swaps
            .into_iter()
            .map(|swap| {
                let seats = match (&swap.segment, swap.alternates) {
                    (Some(segment), false) => {
                        t_string!(i18n, results.swap_where_segment, segment = segment.clone())
                            .to_string()
                    }
                    (Some(segment), true) => t_string!(
                        i18n,
                        results.swap_where_alternates,
                        segment = segment.clone()
                    )
                    .to_string(),
                    (None, _) => t_string!(i18n, results.swap_where_extra).to_string(),
                };
                let text = t_string!(
                    i18n,
                    results.swap_text,
                    seats = seats,
                    out = swap.out.clone(),
                    out_votes = swap.out_votes,
                    incoming = swap.incoming.clone(),
                    incoming_votes = swap.incoming_votes
                )
                .to_string();
                view! { <li dir="auto">{text}</li> }
            })
            .collect_view();
        view! {
            <section class="swaps" data-testid="parity-swaps">
                <h2>{t!(i18n, results.swaps_title)}</h2>
                <p class="hint">{t!(i18n, results.swaps_rule)}</p>
                <ol>{items}</ol>
            </section>
        }
    })
}

#[component]
fn Parity(label: &'static str, outcome: ParityOutcome) -> impl IntoView {
    let i18n = use_i18n();
    let text = t_string!(
        i18n,
        results.results_parity_detail,
        achieved = outcome.achieved,
        required = outcome.required
    )
    .to_string();
    view! {
        <p class=if outcome.met { "parity met" } else { "parity unmet" }>
            <strong>{label}</strong> " " {text} " "
            {if outcome.met { t_string!(i18n, results.results_parity_met) } else { t_string!(i18n, results.results_parity_unmet) }}
        </p>
    }
}

#[component]
fn BreakdownList(title: String, k: u32, breakdown: Breakdown) -> impl IntoView {
    let i18n = use_i18n();
    let Breakdown { rows, merged } = breakdown;
    let max = rows
        .iter()
        .map(|(_, n)| *n)
        .chain(merged.map(|m| m.count))
        .max()
        .unwrap_or(0)
        .max(1);
    (!rows.is_empty() || merged.is_some()).then(|| view! {
        <h3>{title}</h3>
        <ul class="plain result-rows">
            {rows.into_iter().map(|(label, n)| view! {
                <li class="result-row"><span class="result-name">{label}</span><Bar value=n max /></li>
            }).collect_view()}
            {merged.map(|m| view! {
                <li class="result-row merged" data-testid="merged-groups">
                    <span class="result-name">{t_string!(i18n, results.results_merged_groups, groups = m.groups, k = k).to_string()}</span>
                    <Bar value=m.count max />
                </li>
            })}
        </ul>
    })
}

/// A horizontal bar with its number, as inline SVG. The bar grows from the reading start
/// (the SVG is mirrored in right-to-left pages by CSS).
#[component]
fn Bar(value: u64, max: u64) -> impl IntoView {
    let width = (value as f64 / max as f64 * 100.0).max(0.5);
    view! {
        <span class="bar">
            <svg viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect x="0" y="0" width=format!("{width:.2}") height="8" rx="1" />
            </svg>
            <span class="bar-value">{value}</span>
        </span>
    }
}

/// The public bulletin board: the chain head to compare with `voz verify`, the downloads,
/// and every tracking code in order (a voter finds theirs with the browser's search).
#[component]
pub fn BoardPageView() -> impl IntoView {
    let i18n = use_i18n();
    let keys = route_keys();
    let data = Resource::new(keys, |(org, election)| load_board(org, election));
    view! {
        <Title text=t_string!(i18n, results.board_title).to_string() />
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <h1>{t!(i18n, results.board_title)}</h1> <ErrorMessage code=e.code /> }.into_any(),
                    Ok(board) => {
                        let back = election_path(&board.organization, &board.slug, "");
                        let base = format!("/export/{}/{}", board.organization, board.slug);
                        let count = board.codes.len();
                        view! {
                            <p class="eyebrow"><a href=back>{board.title.clone()}</a></p>
                            <h1>{t!(i18n, results.board_title)}</h1>
                            <p class="lead">{t_string!(i18n, results.board_intro, count = count).to_string()}</p>
                            <p data-testid="receipt-mode">{match board.receipts {
                                ReceiptMode::Separate => t_string!(i18n, results.board_mode_separate),
                                ReceiptMode::Paired => t_string!(i18n, results.board_mode_paired),
                            }}</p>
                            <p>{t!(i18n, results.board_head)}</p>
                            <p class="chain-head" data-testid="chain-head">{board.head.clone()}</p>
                            {board.parts.clone().map(|(codes, ballots)| view! {
                                <dl class="facts chain-parts" dir="ltr">
                                    <Fact term={t!(i18n, results.board_codes_head)} class="chain-head">{codes}</Fact>
                                    <Fact term={t!(i18n, results.board_ballots_head)} class="chain-head">{ballots}</Fact>
                                </dl>
                            })}
                            <h2>{t!(i18n, results.board_downloads)}</h2>
                            <ul class="inline-links downloads">
                                {["election.json", "ballots.jsonl", "tracking-codes.txt"].into_iter().map(|file| view! {
                                    <li><a href=format!("{base}/{file}") download="">{file}</a></li>
                                }).collect_view()}
                            </ul>
                            <p class="hint">{t!(i18n, results.board_verify)}</p>
                            <pre class="command" dir="ltr">{format!("voz verify <folder> --head {}", board.head)}</pre>
                            <h2>{t!(i18n, results.board_codes)}</h2>
                            <ol class="codes" dir="ltr">
                                {board.codes.into_iter().map(|code| view! { <li>{code}</li> }).collect_view()}
                            </ol>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// The official minutes (ata), laid out for printing and signing.
#[component]
pub fn MinutesPageView() -> impl IntoView {
    let i18n = use_i18n();
    let keys = route_keys();
    let data = Resource::new(
        move || (keys(), i18n.get_locale().as_str().to_owned()),
        |((org, election), locale)| load_minutes(org, election, locale),
    );
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <h1>{t!(i18n, results.minutes_title)}</h1> <ErrorMessage code=e.code /> }.into_any(),
                    Ok(m) => view! { <Minutes m /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Minutes(m: MinutesPage) -> impl IntoView {
    let i18n = use_i18n();
    let r = m.results;
    let status = if r.phase == Phase::OfficialResults {
        t_string!(i18n, results.results_official)
    } else {
        t_string!(i18n, results.results_provisional)
    };
    let b = r.ballots;
    view! {
        <Title text=format!("{} — {}", t_string!(i18n, results.minutes_title), r.title) />
        <article class="minutes">
            <p class="eyebrow">{m.organization_name.clone()}</p>
            <h1>{t!(i18n, results.minutes_title)} " — " {r.title.clone()}</h1>
            <p class="lead"><strong>{status}</strong></p>
            <PrintButton class="print-button">{t!(i18n, results.minutes_print)}</PrintButton>
            <h2>{t!(i18n, common.timeline_calendar)}</h2>
            <ol class="minutes-calendar">
                {m.history.iter().map(|change| view! {
                    <li>
                        {crate::elections::ui::labels::phase(i18n, change.phase)} " — " {crate::platform::timeline::ui::day(change.at, i18n.get_locale_untracked())}
                        <br /><span class="hint">{t!(i18n, accounts.audit_head_label)} " "</span>
                        <code class="audit-head" dir="ltr">{change.audit_head.clone()}</code>
                    </li>
                }).collect_view()}
            </ol>
            <h2>{t!(i18n, results.minutes_rules)}</h2>
            <p>{t_string!(i18n, results.minutes_rules_text, percent = m.parity_percent, seed = m.lot_seed.clone()).to_string()}</p>
            <h2>{t!(i18n, results.results_total)}</h2>
            <p>{t_string!(i18n, results.minutes_ballots, total = b.total, valid = b.valid, blank = b.blank, null = b.null).to_string()}</p>
            <h2>{t!(i18n, results.results_by_station)}</h2>
            <table class="minutes-table">
                <thead><tr>
                    <th scope="col">{t!(i18n, results.minutes_station)}</th>
                    <th scope="col">{t!(i18n, elections.station_marked)}</th>
                    <th scope="col">{t!(i18n, elections.station_sheets_found)}</th>
                    <th scope="col">{t!(i18n, elections.station_ballots)}</th>
                    <th scope="col">{t!(i18n, elections.station_justification)}</th>
                </tr></thead>
                <tbody>
                    {m.stations.into_iter().map(|(name, closure)| match closure {
                        Some(c) => {
                            let ballots = c.ballots();
                            view! { <tr><td>{name}</td><td>{c.marked}</td><td>{c.sheets_found.unwrap_or_default()}</td><td>{ballots}</td><td dir="auto">{c.justification.unwrap_or_default()}</td></tr> }.into_any()
                        }
                        None => view! { <tr><td>{name}</td><td colspan="4">{t!(i18n, results.minutes_station_unused)}</td></tr> }.into_any(),
                    }).collect_view()}
                </tbody>
            </table>
            {r.segments.into_iter().map(|segment| view! {
                <h2>{segment.label.clone()}</h2>
                <table class="minutes-table">
                    <thead><tr>
                        <th scope="col">{t!(i18n, results.minutes_candidate)}</th>
                        <th scope="col">{t!(i18n, results.minutes_votes)}</th>
                        <th scope="col">{t!(i18n, results.minutes_outcome)}</th>
                    </tr></thead>
                    <tbody>
                        {segment.rows.into_iter().map(|row| {
                            let outcome = match row.outcome {
                                Outcome::Titular => t_string!(i18n, results.results_titular),
                                Outcome::Extra => t_string!(i18n, results.results_extra),
                                Outcome::Alternate => t_string!(i18n, results.results_alternate),
                                Outcome::NotElected => "—",
                            };
                            view! { <tr><td dir="auto">{row.name}</td><td>{row.votes}</td><td>{outcome}</td></tr> }
                        }).collect_view()}
                    </tbody>
                </table>
                <p class="hint">{t_string!(i18n, results.results_segment_blank, count = segment.blank).to_string()}</p>
            }).collect_view()}
            <Parity label=t_string!(i18n, results.results_parity) outcome=r.parity />
            <Parity label=t_string!(i18n, results.results_alternates_parity) outcome=r.alternates_parity />
            <Swaps swaps=r.swaps.clone() />
            <h2>{t!(i18n, results.board_title)}</h2>
            <p class="chain-head">{m.head}</p>
            <h2>{t!(i18n, results.minutes_signatures)}</h2>
            <div class="signatures">
                {(0..3).map(|_| view! { <p class="signature-line">{t!(i18n, results.minutes_signature)}</p> }).collect_view()}
            </div>
        </article>
    }
}
