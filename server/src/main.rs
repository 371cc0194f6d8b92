//! `voz`: the Voz server and its command-line tools.

// Monomorphizing the app's deepest pages (results, layout) in this crate needs more than
// the default query depth of 128, as in the app crate.
#![recursion_limit = "256"]

mod admin;
mod api_errors;
mod assets;
mod bench;
mod bench_conference;
mod body_limits;
mod call;
mod canonical_host;
mod cli;
mod csrf;
mod demo;
mod demo_call;
mod demo_conference;
mod demo_election;
mod downloads;
mod downloads_call;
mod downloads_conference;
mod export;
mod export_conference;
mod finish_render;
mod locale_redirect;
mod logging;
mod mailer;
mod open_data_call;
mod org;
mod plain_forms;
mod security_headers;
mod seed;
mod select;
mod serve;
mod tally;
mod verify;

use clap::Parser as _;

use crate::cli::{Cli, Command};

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    logging::init(&cli.log, cli.log_format);
    let public_url = cli.public_url.clone().unwrap_or_else(|| {
        let port = match &cli.command {
            Command::Serve(args) => args.addr.port(),
            _ => 3000,
        };
        format!("http://localhost:{port}")
    });
    let db = &cli.database_url;
    let files = cli.files_place();
    let outcome: Result<(), Box<dyn std::error::Error>> = match cli.command {
        Command::Serve(args) => serve::run(db, &cli.secret_file, &files, &public_url, args)
            .await
            .map_err(Into::into),
        Command::Migrate => admin::migrate(db, &files).await,
        Command::Routes => {
            serve::print_routes();
            Ok(())
        }
        Command::Tally { election, ballots } => tally::run(&election, &ballots),
        Command::Select {
            call,
            scores,
            votes,
        } => select::run(&call, &scores, votes.as_deref()),
        Command::Verify { export, head } => verify::run(&export, head.as_deref()),
        Command::Export {
            org,
            election,
            conference,
            call,
            event,
            delegates,
            out,
        } => match (election, conference, event) {
            (Some(election), _, _) => export::run(db, &org, &election, &out).await,
            (None, None, _) if call.is_some() => {
                downloads_call::export(db, &org, call.as_deref().unwrap_or_default(), &out).await
            }
            (None, Some(conference), None) => {
                export_conference::record(db, &org, &conference, &out).await
            }
            (None, Some(conference), Some(event)) if delegates => {
                export_conference::delegates(db, &org, &conference, &event, &out).await
            }
            _ => Err("--event writes an event's delegate election: add --delegates".into()),
        },
        Command::Bench(cli::BenchCommand::Setup { voters, out }) => {
            bench::setup(db, &cli.secret_file, voters, &out).await
        }
        Command::Bench(cli::BenchCommand::Results { voters }) => {
            bench::results(db, &cli.secret_file, voters).await
        }
        Command::Bench(cli::BenchCommand::Conference {
            proposals,
            supports,
        }) => bench_conference::conference(db, proposals, supports).await,
        Command::Bench(cli::BenchCommand::Check { acknowledged }) => {
            bench::check(db, &acknowledged).await
        }
        Command::Demo => demo::load(db, &cli.secret_file, &cli.files_place()).await,
        Command::Org(command) => org::org(db, command).await,
        Command::Call(command) => call::call(db, command).await,
        Command::Admin(command) => admin::admin(db, &public_url, command).await,
        Command::Audit(command) => admin::audit(db, command).await,
    };
    match outcome {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("voz: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
