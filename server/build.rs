//! Embeds the built site into the `voz` binary when `VOZ_EMBED_SITE` names it (`./dev build
//! --release` does), so a release is one file to deploy. Each file is compressed here, once,
//! with brotli and gzip at their best settings: the server then answers with the copy the
//! browser accepts and never compresses the bundle per request.
//!
//! Without `VOZ_EMBED_SITE` (debug builds, tests) nothing is embedded and `voz serve` reads
//! the site from `--site-root`.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    println!("cargo:rerun-if-env-changed=VOZ_EMBED_SITE");
    let out = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR"));
    let mut code = String::from("&[\n");
    if let Some(site) = env::var_os("VOZ_EMBED_SITE").filter(|s| !s.is_empty()) {
        let pkg = Path::new(&site).join("pkg");
        println!("cargo:rerun-if-changed={}", pkg.display());
        let mut files = Vec::new();
        list_files(&pkg, &pkg, &mut files);
        assert!(
            !files.is_empty(),
            "VOZ_EMBED_SITE={}: no files under pkg/ (build the bundle first)",
            pkg.display()
        );
        for (index, (name, path)) in files.iter().enumerate() {
            println!("cargo:rerun-if-changed={}", path.display());
            let raw = fs::read(path).expect("read a site file");
            let br = out.join(format!("site-{index}.br"));
            let gz = out.join(format!("site-{index}.gz"));
            fs::write(&br, brotli_best(&raw)).expect("write brotli copy");
            fs::write(&gz, gzip_best(&raw)).expect("write gzip copy");
            let _ = writeln!(
                code,
                "    EmbeddedFile {{ name: {name:?}, raw: include_bytes!({path:?}), \
                 brotli: include_bytes!({br:?}), gzip: include_bytes!({gz:?}) }},",
                path = path.canonicalize().expect("absolute path"),
            );
        }
    }
    code.push_str("]\n");
    fs::write(out.join("embedded_site.rs"), code).expect("write embedded_site.rs");
}

/// Every file under `dir` (dot files aside), named by its path below `root` with `/`.
fn list_files(root: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(fs::DirEntry::file_name);
    for entry in entries {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            list_files(root, &path, files);
        } else {
            let name = path
                .strip_prefix(root)
                .expect("below root")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            files.push((name, path));
        }
    }
}

fn brotli_best(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 64 * 1024, 11, 22);
        writer.write_all(raw).expect("brotli");
    }
    out
}

fn gzip_best(raw: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(raw).expect("gzip");
    encoder.finish().expect("gzip")
}
