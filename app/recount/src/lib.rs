//! "Recount on this device": the page's script (`app/js/recount.js`) downloads an
//! election's public export and hands the three files to [`recount`], which runs the
//! published counting rule and rebuilds the bulletin board's head — `voz verify`'s code,
//! `voz_count::verify::recount_export`, compiled to WASM. Nothing is sent back.

use wasm_bindgen::prelude::wasm_bindgen;

/// The recount of an export as JSON (`{"result": <voz tally's output>, "head": …,
/// "parts": …, "ballots": n}`), or why the export does not hold together (the message
/// names the file and line).
#[wasm_bindgen]
pub fn recount(
    election_json: &str,
    ballots_jsonl: &str,
    codes_txt: &str,
) -> Result<String, String> {
    let recount = voz_count::verify::recount_export(election_json, ballots_jsonl, codes_txt)
        .map_err(|e| e.to_string())?;
    serde_json::to_string(&recount).map_err(|e| e.to_string())
}
