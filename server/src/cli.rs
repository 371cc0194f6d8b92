//! Flags and environment variables (each flag has an env twin for containers and CI).

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(name = "voz", version, about = "Voz: migrant participation platform")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// sqlite://path/to/file.db (created when missing) or postgres://user@host/db
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/voz.db",
        global = true
    )]
    pub database_url: String,

    /// File holding the installation's 32-byte secret (hex), created on first start. Every
    /// server process must share it and it must never change: document hashes depend on it.
    #[arg(
        long,
        env = "VOZ_SECRET_FILE",
        default_value = "data/secret.key",
        global = true
    )]
    pub secret_file: PathBuf,

    /// Where uploaded files (candidate photos) live, named by their SHA-256: a folder, or a
    /// `file://` or (in a build with `--features voz-app/s3`) `s3://bucket/prefix` URL, with
    /// the usual `AWS_*` variables. Every server process must share it. Defaults to `files/`
    /// beside the secret file.
    #[arg(long, env = "VOZ_FILES", global = true)]
    pub files: Option<String>,

    /// The address people use to reach Voz (passkeys are bound to its host; links use it).
    /// Defaults to http://localhost:<port of --addr>.
    #[arg(long, env = "VOZ_PUBLIC_URL", global = true)]
    pub public_url: Option<String>,

    /// Log filter, e.g. `info` or `voz=debug,sqlx=warn`
    #[arg(long, env = "VOZ_LOG", default_value = "info,sqlx=warn", global = true)]
    pub log: String,

    /// `pretty` for people, `json` for log collectors
    #[arg(long, env = "VOZ_LOG_FORMAT", value_enum, default_value_t = LogFormat::Pretty, global = true)]
    pub log_format: LogFormat,
}

impl Cli {
    /// The file store's place: `--files`, or `files/` beside the secret file.
    pub fn files_place(&self) -> String {
        self.files.clone().unwrap_or_else(|| {
            let dir = self
                .secret_file
                .parent()
                .unwrap_or_else(|| std::path::Path::new("."));
            dir.join("files").to_string_lossy().into_owned()
        })
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Migrate the database, then serve the web application.
    Serve(ServeArgs),
    /// Print every HTTP endpoint the server answers besides pages (`METHOD /path`): the
    /// server functions and the plain routes. The authorization test checks each is listed.
    Routes,
    /// Bring the database schema up to date and exit.
    Migrate,
    /// Count an election offline: prints the result as JSON (see README, "voz tally").
    Tally {
        /// The election: segments, seats, parity, tie-breaks, candidates
        election: PathBuf,
        /// One ballot per line: {"choices": {"A": ["c1"], "B": []}} or {"null": true}
        ballots: PathBuf,
    },
    /// Select an open call's winners offline: prints the scores, ranking, winners and
    /// reserve per category as JSON (see README, "voz select").
    Select {
        /// The call: criteria and weights, scale, public vote weight, categories,
        /// tie-breaks, applications
        call: PathBuf,
        /// One line per juror and application: {"application", "juror", "scores": {..}}
        scores: PathBuf,
        /// The public votes per application: {"<application id>": votes}
        votes: Option<PathBuf>,
    },
    /// Write a public record: a closed election's ballot export (the input of `voz tally`),
    /// a conference edition's record (events, proposals, consolidated proposals, plan),
    /// one conference event's delegate election (again `voz tally`'s input), or an open
    /// call's published selection (the input of `voz select`).
    #[command(group(clap::ArgGroup::new("process").required(true).args(["election", "conference", "call"])))]
    Export {
        /// The organization's slug
        #[arg(long)]
        org: String,
        /// The election's slug: writes election.json, ballots.jsonl, tracking-codes.txt
        #[arg(long)]
        election: Option<String>,
        /// The conference edition's slug: writes events.jsonl, proposals.jsonl,
        /// consolidated.jsonl and plan.jsonl
        #[arg(long)]
        conference: Option<String>,
        /// The open call's slug (once its selection is published): writes call.json,
        /// scores.jsonl and votes.json, `voz select`'s input
        #[arg(long)]
        call: Option<String>,
        /// With --conference and --delegates: the event (its id in events.jsonl)
        #[arg(long, requires = "conference")]
        event: Option<String>,
        /// With --event: write the event's delegate election as election.json + ballots.jsonl
        #[arg(long, requires = "event")]
        delegates: bool,
        /// Folder to write into (created when missing)
        #[arg(long)]
        out: PathBuf,
    },
    /// Check an export against the bulletin board: rebuild the chain of tracking codes and
    /// ballots, compare its head with the published one, and recount.
    Verify {
        /// Folder holding election.json, ballots.jsonl and tracking-codes.txt
        export: PathBuf,
        /// The chain head published on the election's bulletin board
        #[arg(long)]
        head: Option<String>,
    },
    /// Load and crash tests: prepare voters, check what was stored (see scripts/load-test.mjs).
    #[command(subcommand)]
    Bench(BenchCommand),
    /// Load demonstration organizations and people (São Paulo and Bogotá); idempotent.
    Demo,
    /// Organizations: create one on a new installation.
    #[command(subcommand)]
    Org(OrgCommand),
    /// Open calls: set one up from a file.
    #[command(subcommand)]
    Call(CallCommand),
    /// Administration from the command line.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// The audit log.
    #[command(subcommand)]
    Audit(AuditCommand),
}

#[derive(Debug, Subcommand)]
pub enum CallCommand {
    /// Create an open call, in its draft, from a JSON file (see README, "Open calls": its
    /// texts, categories, rubric and required documents); the call team opens it from
    /// its room.
    Create {
        /// The organization's slug
        #[arg(long)]
        org: String,
        /// The call, as JSON
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// Create an organization (a new installation starts here, without demo data); then
    /// `voz admin invite --org <slug>` prints its first administrator's link.
    Create {
        /// Its address part, e.g. `cmi-sp` (2–40 of a-z, 0-9, -)
        slug: String,
        /// Its name, as the public sees it
        #[arg(long)]
        name: String,
        /// The language it writes in by default: pt-BR, es, en, fr, ht or ar
        #[arg(long, default_value = "en")]
        locale: String,
        /// Its clock (IANA), for voting windows and deadlines
        #[arg(long, default_value = "UTC")]
        time_zone: String,
        /// The minimum age to register
        #[arg(long, default_value_t = 16)]
        min_age: u8,
        /// Accepted identity documents, comma-separated codes (default: all)
        #[arg(long, value_delimiter = ',')]
        documents: Vec<String>,
        /// Districts to choose from, comma-separated (default: typed freely)
        #[arg(long, value_delimiter = ',')]
        districts: Vec<String>,
        /// Residence is proven by a document staff see (default: declared by the person)
        #[arg(long)]
        residence_document: bool,
        /// Publish the list of enabled voters (names and districts)
        #[arg(long)]
        public_voter_list: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Print a single-use enrollment link for a staff member (the first administrator).
    Invite {
        /// The organization's slug, e.g. `cmi-sp`
        #[arg(long)]
        org: String,
        /// administrator, electoral_commission, poll_worker, moderator or jury
        #[arg(long, default_value = "administrator")]
        role: String,
        /// How long the link stays valid
        #[arg(long, default_value_t = 72)]
        valid_hours: u64,
    },
}

#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Create organization and election `bench` (voting open) and N voters with access codes.
    Setup {
        #[arg(long, default_value_t = 1000)]
        voters: usize,
        /// Where to write the access codes, one per line
        #[arg(long)]
        out: PathBuf,
    },
    /// Set up `bench` with N voters who have all voted (through the store), then close
    /// voting, seal and publish: the results pages' benchmark.
    Results {
        #[arg(long, default_value_t = 100_000)]
        voters: usize,
    },
    /// Grow the demo's `conf-2019` by N proposals, M supports and their consolidation
    /// (bulk writes): the conference reading pages' benchmark. Run `voz demo` first.
    Conference {
        #[arg(long, default_value_t = 100_000)]
        proposals: usize,
        #[arg(long, default_value_t = 1_000_000)]
        supports: usize,
    },
    /// Check that every acknowledged tracking code is stored and marks match ballots.
    Check {
        /// Tracking codes the server acknowledged, one per line
        #[arg(long)]
        acknowledged: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Recompute every entry's hash and check the chain; prints the head it checked and
    /// exits non-zero if the chain is broken.
    Verify {
        /// A head published earlier (an election page, the minutes, an earlier run): fail
        /// when the log no longer reaches it (entries removed or rewritten since)
        #[arg(long)]
        head: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on
    #[arg(long, env = "VOZ_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,

    /// How many reverse proxies stand in front of the server, each appending to
    /// `X-Forwarded-For`: the client is the right-most address none of them wrote
    /// (rate limits are per client). 0: the socket's peer is the client.
    #[arg(long, env = "VOZ_TRUSTED_PROXIES", default_value_t = 0)]
    pub trusted_proxies: usize,

    /// Folder holding the built stylesheet and browser bundle (`pkg/`). Without it, the
    /// files embedded in a release binary are served.
    #[arg(long, env = "VOZ_SITE_ROOT")]
    pub site_root: Option<PathBuf>,

    /// The SMTP relay that sends applicants' messages by email: `smtp://host:25`,
    /// `smtp://user:pass@host:587?tls=required` or `smtps://user:pass@host:465`.
    /// Without it no email is sent (the inbox on the site always works).
    #[arg(long, env = "VOZ_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,

    /// The sender of those emails.
    #[arg(
        long,
        env = "VOZ_SMTP_FROM",
        default_value = "Voz <no-reply@localhost>"
    )]
    pub smtp_from: String,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LogFormat {
    Pretty,
    Json,
}
