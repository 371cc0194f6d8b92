//! `voz`: the Voz server and its command-line tools.

mod cli;
mod locale_redirect;
mod logging;
mod security_headers;
mod serve;

use clap::Parser as _;

use crate::cli::{Cli, Command};

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    logging::init(&cli.log, cli.log_format);
    let outcome: Result<(), Box<dyn std::error::Error>> = match cli.command {
        Command::Serve(args) => serve::run(&cli.database_url, args)
            .await
            .map_err(Into::into),
        Command::Migrate => migrate(&cli.database_url).await.map_err(Into::into),
    };
    match outcome {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("voz: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn migrate(database_url: &str) -> Result<(), voz_app::db::DbError> {
    let db = voz_app::db::Db::connect(database_url).await?;
    db.migrate().await?;
    tracing::info!(backend = ?db.backend(), "database is up to date");
    db.close().await;
    Ok(())
}
