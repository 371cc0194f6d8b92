//! A `voz serve` on a fresh SQLite database with the demo loaded, for black-box HTTP tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

/// Runs `voz <args>` against the database in `dir`.
pub fn voz(dir: &Path, args: &[&str]) -> Output {
    voz_on(dir, &database_url(dir), args)
}

/// Runs `voz <args>` against `database_url` (the secret in `dir`).
pub fn voz_on(dir: &Path, database_url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_voz"))
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("VOZ_SECRET_FILE", dir.join("secret.key"))
        .env("VOZ_LOG", "warn")
        .output()
        .expect("run voz")
}

pub fn database_url(dir: &Path) -> String {
    format!("sqlite://{}/voz.db", dir.display())
}

/// A running server; killed when dropped.
pub struct Server {
    child: Child,
    pub base: String,
    pub log: PathBuf,
}

impl Server {
    /// Serves the database in `dir` (demo already loaded) on a free port.
    pub fn start(dir: &Path) -> Server {
        Self::start_with(dir, &database_url(dir), None)
    }

    /// Serves `database_url` on a free port (`dir` holds the secret and the log), with
    /// `public_url` (default: its own address).
    pub fn start_with(dir: &Path, database_url: &str, public_url: Option<&str>) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .expect("bind")
            .local_addr()
            .expect("addr")
            .port();
        let base = format!("http://localhost:{port}");
        let log = dir.join(format!("serve-{port}.log"));
        let child = Command::new(env!("CARGO_BIN_EXE_voz"))
            .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
            .env("DATABASE_URL", database_url)
            .env("VOZ_SECRET_FILE", dir.join("secret.key"))
            .env("VOZ_PUBLIC_URL", public_url.unwrap_or(&base))
            .env("VOZ_SITE_ROOT", dir)
            .env("VOZ_LOG", "info,sqlx=warn")
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).expect("log file"))
            .spawn()
            .expect("serve");
        let server = Server { child, base, log };
        for _ in 0..400 {
            if ureq::get(&format!("{}/healthz", server.base))
                .call()
                .is_ok()
            {
                return server;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("the server did not start");
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Resident memory of the server process, in kB.
    pub fn rss_kb(&self) -> u64 {
        std::fs::read_to_string(format!("/proc/{}/status", self.pid()))
            .ok()
            .and_then(|status| {
                status
                    .lines()
                    .find(|l| l.starts_with("VmRSS:"))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|n| n.parse().ok())
            })
            .unwrap_or(0)
    }

    pub fn healthy(&self) -> bool {
        ureq::get(&format!("{}/healthz", self.base))
            .call()
            .is_ok_and(|r| r.status() == 200)
    }

    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A fresh folder with the demo loaded.
pub fn demo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tmp");
    let demo = voz(dir.path(), &["demo"]);
    assert!(
        demo.status.success(),
        "{}",
        String::from_utf8_lossy(&demo.stderr)
    );
    dir
}

/// Every endpoint `voz routes` lists (`METHOD /path`).
pub fn routes(dir: &Path) -> Vec<String> {
    let out = voz(dir, &["routes"]);
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}
