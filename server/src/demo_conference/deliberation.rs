//! Deliberation in the demo: comments (some answered) on every sixth proposal, an
//! amendment on every twelfth (most accepted by the rapporteur, some rejected with a
//! reason, one left waiting), and reports of abuse the moderators answered — a comment
//! hidden with a reason, a proposal kept. All through the store functions the pages use.

use voz_app::accounts::types::AccountId;
use voz_app::conferences::deliberation::rules::{Decision, NewAmendment, Reported};
use voz_app::conferences::deliberation::store as deliberation_store;
use voz_app::conferences::edition::Conference;
use voz_app::conferences::proposal::store as proposal_store;
use voz_app::db::Db;
use voz_app::platform::ids::ProposalId;

use super::content::{Demo, Fate};

const COMMENTS: [&str; 6] = [
    "Concordo. Na minha região faltam vagas à noite para quem trabalha de dia.",
    "Isso precisa valer também para quem ainda não tem documento.",
    "Nou bezwen enfòmasyon an kreyòl tou, pa sèlman an pòtigè.",
    "¿Quién sería responsable de esto, la prefeitura o el estado?",
    "Sugiro incluir as associações de imigrantes na execução.",
    "Em 2017 já foi aprovado algo parecido e não saiu do papel.",
];
const ANSWER: &str =
    "Boa pergunta: a proposta é municipal, a Secretaria de Direitos Humanos coordena.";

pub async fn deliberation(
    db: &Db,
    conference: &Conference,
    organizer: AccountId,
    demo: &Demo,
    participants: &[Vec<AccountId>],
    proposals: &[ProposalId],
    now: i64,
) -> Result<(), Box<dyn std::error::Error>> {
    let progress = super::bar(proposals.len(), "deliberation");
    let mut tx = db.begin_write().await?;
    let mut first_comment = None;
    for (n, (&id, p)) in proposals.iter().zip(&demo.proposals).enumerate() {
        progress.inc(1);
        if matches!(p.fate, Fate::Hidden | Fate::Withdrawn) {
            continue;
        }
        let people = &participants[p.event];
        if n % 6 == 0 {
            let count = 1 + n % 3;
            let mut last = None;
            for k in 0..count {
                let author = people[(n + 7 * k + 1) % people.len()];
                let body = COMMENTS[(n + k) % COMMENTS.len()];
                let c = deliberation_store::add_comment(
                    &mut tx, conference, id, None, author, body, now,
                )
                .await?;
                last = Some(c);
                first_comment.get_or_insert(c);
            }
            if let Some(parent) = last.filter(|_| count > 1) {
                let author = people[n % people.len()];
                deliberation_store::add_comment(
                    &mut tx,
                    conference,
                    id,
                    Some(parent),
                    author,
                    ANSWER,
                    now,
                )
                .await?;
            }
        }
        if n % 12 == 0 {
            let current = proposal_store::proposal_in(&mut tx, conference.id, id).await?;
            let new = NewAmendment {
                title: current.title.clone(),
                body: format!(
                    "{}\n\nCom atendimento também aos sábados e espaço para as crianças.",
                    current.body
                ),
                note: "Para que mães e pais que trabalham possam participar.".into(),
            };
            let author = people[(n + 3) % people.len()];
            let amendment =
                deliberation_store::propose_amendment(&mut tx, conference, id, author, &new, now)
                    .await?;
            let decision = match n % 5 {
                0 => None,
                4 => Some(Decision::Reject {
                    reason: "Já está previsto na proposta E2 desta conferência.".into(),
                }),
                _ => Some(Decision::Accept),
            };
            if let Some(decision) = decision {
                deliberation_store::decide_amendment(
                    &mut tx, conference, amendment, &decision, organizer, now,
                )
                .await?;
            }
        }
    }
    // Reports, answered by the moderators: an insult hidden, a disagreement kept.
    if let (Some(comment), Some(&proposal)) = (first_comment, proposals.get(1)) {
        let reporters = &participants[0];
        let what = Reported::Comment(comment);
        for reporter in reporters.iter().take(2) {
            deliberation_store::report(&mut tx, conference, what, *reporter, "Ofensivo", now)
                .await?;
        }
        deliberation_store::resolve_reports(
            &mut tx,
            conference,
            what,
            Some("Ataque pessoal a outro participante."),
            organizer,
            now,
        )
        .await?;
        let what = Reported::Proposal(proposal);
        deliberation_store::report(
            &mut tx,
            conference,
            what,
            reporters[2 % reporters.len()],
            "Não concordo com esta proposta",
            now,
        )
        .await?;
        deliberation_store::resolve_reports(&mut tx, conference, what, None, organizer, now)
            .await?;
    }
    tx.commit().await?;
    progress.finish();
    Ok(())
}
