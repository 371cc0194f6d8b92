// "Recount on this device" (the results page, `app/src/results/recount.rs`). Nothing runs
// until the visitor asks; then the election's public export is downloaded, counted by the
// published rule and its bulletin board rebuilt by `voz-recount` (voz-count compiled to
// WASM, `voz_recount.js` beside this file), and the official result — what this page shows
// — is set side by side with the recount. Nothing is sent back.
const section = document.querySelector("section.recount");
const button = section && section.querySelector("[data-recount]");

if (button) {
  button.addEventListener("click", () => run().catch(() => {}));
}

async function run() {
  const d = section.dataset;
  const verdict = section.querySelector(".recount-verdict");
  const out = section.querySelector(".recount-table");
  button.disabled = true;
  section.dataset.verdict = "running";
  verdict.textContent = d.lRunning;
  out.replaceChildren();
  try {
    const get = async (name) => {
      const response = await fetch(`${d.export}/${name}`);
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
      return response.text();
    };
    const [wasm, election, ballots, codes] = await Promise.all([
      import(new URL("./voz_recount.js", import.meta.url).href),
      get("election.json"),
      get("ballots.jsonl"),
      get("tracking-codes.txt"),
    ]);
    await wasm.default();
    const recount = JSON.parse(wasm.recount(election, ballots, codes));
    const rows = compare(recount);
    const same = rows.every((row) => "group" in row || row.same);
    section.dataset.verdict = same ? "match" : "mismatch";
    verdict.textContent = same ? d.lMatch : d.lMismatch;
    out.append(table(rows));
  } catch (error) {
    section.dataset.verdict = "failed";
    verdict.textContent = `${d.lFailed} ${error && error.message ? error.message : error}`;
  } finally {
    button.disabled = false;
  }
}

/** The page's result (its rows and `data-` attributes) against the recount, row by row. */
function compare(recount) {
  const d = section.dataset;
  const result = recount.result;
  const extra = new Set(result.extra);
  const rows = [];
  const official = new Map();
  for (const segment of document.querySelectorAll("section.segment-results")) {
    official.set(segment.id.replace(/^results-/, ""), segment);
  }
  const ids = new Set([...official.keys(), ...Object.keys(result.segments)]);
  for (const id of ids) {
    const shown = official.get(id);
    const counted = result.segments[id] || { votes: {}, titulares: [], alternates: [] };
    rows.push({ group: shown ? shown.querySelector("h2").textContent : id });
    const seen = new Set();
    for (const li of shown ? shown.querySelectorAll("li[data-candidate]") : []) {
      const candidate = li.dataset.candidate;
      seen.add(candidate);
      const outcome = li.querySelector(".outcome");
      rows.push(row(
        li.querySelector(".result-name").textContent,
        [li.dataset.votes, outcome ? outcome.textContent : "", kind(li)],
        yours(candidate, counted, extra),
      ));
    }
    for (const candidate of Object.keys(counted.votes)) {
      if (!seen.has(candidate)) rows.push(row(candidate, ["—", "", "none"], yours(candidate, counted, extra)));
    }
  }
  const total = result.ballots;
  rows.push({ group: "" });
  const shown = d.ballots.split(" ");
  ["total", "valid", "blank", "null"].forEach((kind, i) => {
    const label = d[`l${kind[0].toUpperCase()}${kind.slice(1)}`];
    rows.push(row(label, [shown[i], "", ""], [String(total[kind]), "", ""]));
  });
  rows.push(row(d.lHead, [d.head, "", ""], [recount.head, "", ""], true));
  return rows;
}

function kind(li) {
  if (li.classList.contains("elected")) return "elected";
  if (li.classList.contains("alternate")) return "alternate";
  return "none";
}

/** [votes, outcome label, outcome kind] of a candidate in the recount. */
function yours(candidate, counted, extra) {
  const d = section.dataset;
  if (!(candidate in counted.votes)) return ["—", "", "none"];
  const votes = String(counted.votes[candidate]);
  if (counted.titulares.includes(candidate)) return [votes, d.lTitular, "elected"];
  if (extra.has(candidate)) return [votes, d.lExtra, "elected"];
  if (counted.alternates.includes(candidate)) return [votes, d.lAlternate, "alternate"];
  return [votes, "", "none"];
}

function row(label, official, recounted, code = false) {
  const same = official[0] === recounted[0] && official[2] === recounted[2];
  return { label, official, recounted, same, code };
}

function table(rows) {
  const d = section.dataset;
  const el = (name, text, attrs = {}) => {
    const node = document.createElement(name);
    if (text !== undefined) node.textContent = text;
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
    return node;
  };
  const t = el("table");
  const head = el("tr");
  for (const label of [d.lCandidate, d.lOfficial, d.lYours]) head.append(el("th", label, { scope: "col" }));
  head.append(el("th", "", { scope: "col" }));
  t.append(el("thead"));
  t.tHead.append(head);
  const body = el("tbody");
  for (const r of rows) {
    const tr = el("tr");
    if ("group" in r) {
      if (!r.group) continue;
      tr.append(el("th", r.group, { colspan: "4", scope: "colgroup" }));
    } else {
      tr.className = r.same ? "same" : "differs";
      tr.dataset.same = String(r.same);
      tr.append(el("th", r.label, { scope: "row" }));
      for (const [value, outcome] of [r.official, r.recounted]) {
        const td = el("td");
        // A head is 64 hex digits: its first 8 show a difference; the title holds it all.
        td.append(r.code ? el("code", `${value.slice(0, 8)}…`, { dir: "ltr", title: value }) : el("bdi", value));
        if (outcome) td.append(" ", el("span", outcome, { class: "status" }));
        tr.append(td);
      }
      tr.append(el("td", r.same ? "✓" : "✗", { class: "mark" }));
    }
    body.append(tr);
  }
  t.append(body);
  return t;
}
