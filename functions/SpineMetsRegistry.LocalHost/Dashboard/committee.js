"use strict";
// The steering committee's charts: reads /api/statistics/<scope> and /api/aggregates/<scope>
// with the signed-in key and draws them with Observable Plot (served by this host). Every text
// is set with textContent; suppressed figures are never drawn, only labelled.
(function () {
  const MONTH = 30.4375;
  const WEEKS = { baseline: 0, "6w": 6, "12w": 12, "26w": 26, "52w": 52 };
  const MEASURES = { sosgoq_total: "SOSGOQ 2.0 total", eq5d_index: "EQ-5D index", eq_vas: "EQ VAS", nrs_pain: "NRS pain", sosgoq_physical_function: "SOSGOQ physical function", sosgoq_pain: "SOSGOQ pain", sosgoq_mental_health: "SOSGOQ mental health", sosgoq_social_function: "SOSGOQ social function" };
  const VIEW = { own: "this site", network: "network (pooled)" };
  const state = { key: null, scope: null, filter: {} };
  const el = (tag, attrs = {}, text) => { const e = document.createElement(tag); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); if (text !== undefined) e.textContent = text; return e; };
  const label = t => String(t).replaceAll("_", " ");
  const num = (v, digits = 2) => v === null || v === undefined ? "—" : typeof v === "number" ? v.toFixed(digits).replace(/\.?0+$/, m => m.startsWith(".") ? "" : m) : String(v);
  const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
  // One readable date format for the whole page: "4 Dec 2026, 14:13 UTC".
  const formatDate = iso => iso ? dateFormat.format(new Date(iso)) + " UTC" : "never";

  async function get(path) {
    const response = await fetch(path, { headers: { Authorization: "Bearer " + state.key } });
    if (!response.ok) throw new Error(path + ": " + response.status);
    return response;
  }

  const rows = table => table.rows.map(r => Object.fromEntries(table.columns.map((c, i) => [c, r[i]])));
  const isCount = v => typeof v === "number";

  function query() {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(state.filter)) if (v && v !== "*") q.set(k, v);
    const s = q.toString();
    return s ? "?" + s : "";
  }

  function figure(id, title, wide) {
    const f = el("figure", { "data-chart": id, class: wide ? "wide" : "" });
    f.append(el("figcaption", {}, title));
    return f;
  }

  function drawn(fig, node) {
    fig.append(node);
    if (node.querySelector && (node.tagName === "svg" || node.querySelector("svg"))) fig.dataset.drawn = "true";
  }

  function empty(fig, text) { fig.append(el("p", { class: "empty" }, text)); fig.dataset.drawn = "empty"; }

  function stepPoints(intervals) {
    const points = [{ month: 0, s: 1, lo: 1, hi: 1 }];
    let prev = points[0];
    for (const i of intervals) {
      const x = i.to_day / MONTH;
      points.push({ month: x, s: prev.s, lo: prev.lo, hi: prev.hi });
      prev = { month: x, s: i.survival, lo: i.lower ?? i.survival, hi: i.upper ?? i.survival };
      points.push(prev);
    }
    return points;
  }

  function survivalChart(data, fig) {
    const curves = rows(data.tables.find(t => t.name === "survival.curves")).filter(r => r.grouping === "all");
    const series = [];
    for (const view of Object.keys(VIEW)) {
      const own = curves.filter(r => r.view === view);
      if (own.length) for (const p of stepPoints(own)) series.push({ ...p, view: VIEW[view] });
    }
    if (!series.length) { empty(fig, `Not shown: fewer than ${data.suppressionThreshold} patients with a survival time.`); return; }
    drawn(fig, Plot.plot({
      width: 560, height: 300, marginLeft: 44,
      x: { label: "Months since index treatment", grid: true },
      y: { label: "Overall survival", domain: [0, 1], grid: true, tickFormat: "%" },
      color: { legend: series.some(s => s.view !== series[0].view), domain: Object.values(VIEW) },
      marks: [
        Plot.areaY(series, { x: "month", y1: "lo", y2: "hi", fill: "view", fillOpacity: 0.18, z: "view" }),
        Plot.line(series, { x: "month", y: "s", stroke: "view", strokeWidth: 2, z: "view" }),
      ],
    }));
    const atRisk = rows(data.tables.find(t => t.name === "survival.at_risk")).filter(r => r.grouping === "all");
    const times = [...new Set(atRisk.map(r => r.time))];
    if (times.length) {
      const t = el("table", { class: "at-risk", "data-table": "survival.at_risk" });
      const head = el("tr"); head.append(el("th", {}, "Number at risk"));
      for (const time of times) head.append(el("th", {}, time));
      t.append(head);
      for (const view of Object.keys(VIEW)) {
        const r = atRisk.filter(a => a.view === view);
        if (!r.length) continue;
        const tr = el("tr"); tr.append(el("td", {}, VIEW[view]));
        for (const time of times) { const v = r.find(a => a.time === time)?.at_risk; tr.append(el("td", { class: "num" + (isCount(v) ? "" : " suppressed") }, isCount(v) ? String(v) : "suppressed")); }
        t.append(tr);
      }
      fig.append(t);
    }
    const medians = rows(data.tables.find(t => t.name === "survival.median")).filter(r => r.grouping === "all");
    for (const m of medians) fig.append(el("p", { class: "note" }, `${VIEW[m.view]}: median ${m.median_days === null ? "not reached" : num(m.median_days / MONTH, 1) + " months"} (95% CI ${m.lower_days === null ? "—" : num(m.lower_days / MONTH, 1)} to ${m.upper_days === null ? "not reached" : num(m.upper_days / MONTH, 1)}).`));
  }

  function groupChart(data, fig, grouping) {
    const view = data.scope === "pooled" ? "network" : "own";
    const curves = rows(data.tables.find(t => t.name === "survival.curves")).filter(r => r.grouping === grouping && r.view === view);
    const groups = [...new Set(curves.map(r => r.group))];
    const series = groups.flatMap(g => stepPoints(curves.filter(r => r.group === g)).map(p => ({ ...p, group: label(g) })));
    const test = rows(data.tables.find(t => t.name === "survival.logrank")).find(r => r.grouping === grouping && r.view === view);
    if (!series.length) { empty(fig, `Not shown: a group has fewer than ${data.suppressionThreshold} patients, and showing the others would reveal it.`); return; }
    drawn(fig, Plot.plot({
      width: 560, height: 280, marginLeft: 44,
      x: { label: "Months since index treatment", grid: true },
      y: { label: "Overall survival", domain: [0, 1], grid: true, tickFormat: "%" },
      color: { legend: true },
      marks: [Plot.line(series, { x: "month", y: "s", stroke: "group", z: "group", strokeWidth: 1.8 })],
    }));
    if (test) fig.append(el("p", { class: "note" }, `Log-rank across ${test.groups} groups: χ² = ${num(test.chi_square, 2)}, df ${test.df}, p = ${test.p_value < 0.001 ? "<0.001" : num(test.p_value, 3)}.`));
  }

  function proCharts(data, fig) {
    const summary = rows(data.tables.find(t => t.name === "outcomes.summary")).filter(r => r.mean !== null);
    if (!summary.length) { empty(fig, "No outcome can be shown for this filter."); return; }
    const grid = el("div", { class: "small-multiples" });
    for (const [code, title] of Object.entries(MEASURES)) {
      const points = summary.filter(r => r.measure === code).map(r => ({ week: WEEKS[r.time_point], mean: r.mean, lo: r.lower ?? r.mean, hi: r.upper ?? r.mean, view: VIEW[r.view] }));
      if (!points.length) continue;
      const cell = el("div"); cell.append(el("h4", {}, title));
      cell.append(Plot.plot({
        width: 260, height: 170, marginLeft: 40,
        x: { label: "Weeks", ticks: [0, 6, 12, 26, 52] }, y: { label: null, grid: true },
        color: { domain: Object.values(VIEW) },
        marks: [
          Plot.areaY(points, { x: "week", y1: "lo", y2: "hi", fill: "view", fillOpacity: 0.18, z: "view" }),
          Plot.line(points, { x: "week", y: "mean", stroke: "view", z: "view", marker: "circle" }),
        ],
      }));
      grid.append(cell);
    }
    drawn(fig, grid);
    fig.append(el("p", { class: "note" }, "Mean with 95% confidence band at baseline, 6, 12, 26 and 52 weeks. A time point whose n is hidden is not drawn."));
  }

  function changeCharts(data, fig) {
    const change = rows(data.tables.find(t => t.name === "outcomes.change")).filter(r => r.mean_change !== null);
    if (!change.length) { empty(fig, "No paired change can be shown for this filter."); return; }
    const grid = el("div", { class: "small-multiples" });
    for (const [code, title] of Object.entries(MEASURES)) {
      const points = change.filter(r => r.measure === code).map(r => ({ week: WEEKS[r.time_point], mean: r.mean_change, lo: r.lower ?? r.mean_change, hi: r.upper ?? r.mean_change, view: VIEW[r.view] }));
      if (!points.length) continue;
      const cell = el("div"); cell.append(el("h4", {}, title + " change"));
      cell.append(Plot.plot({
        width: 260, height: 170, marginLeft: 40,
        x: { label: "Weeks", ticks: [6, 12, 26, 52], domain: [0, 56] }, y: { label: null, grid: true },
        color: { domain: Object.values(VIEW) },
        marks: [
          Plot.ruleY([0], { stroke: "#999" }),
          Plot.ruleX(points, { x: "week", y1: "lo", y2: "hi", stroke: "view", dx: 0 }),
          Plot.dot(points, { x: "week", y: "mean", fill: "view" }),
        ],
      }));
      grid.append(cell);
    }
    drawn(fig, grid);
    fig.append(el("p", { class: "note" }, "Mean paired change from baseline with 95% CI (patients with both values). For NRS pain a fall is an improvement."));
  }

  // Shares of a tally's categories (rows with a shown share only), one bar per group: the clinical tables' charts.
  function shareBars(points, fig, y, note, domain) {
    if (!points.length) { empty(fig, "Nothing can be shown for this filter."); return; }
    drawn(fig, Plot.plot({
      width: 460, height: 40 + 34 * new Set(points.map(p => p[y])).size, marginLeft: 90,
      x: { label: "Share of patients", domain: [0, 1], tickFormat: "%", grid: true }, y: { label: null },
      color: { legend: true, domain },
      marks: [Plot.barX(points, Plot.stackX({ y, x: "share", fill: "category", order: domain, tip: true })), Plot.ruleX([0])],
    }));
    fig.append(el("p", { class: "note" }, note));
  }

  function neurologyChart(data, fig, view) {
    const change = rows(data.tables.find(t => t.name === "neurology.change")).filter(r => r.view === view && r.change !== "all" && r.share !== null);
    const ambulatory = rows(data.tables.find(t => t.name === "neurology.ambulatory")).filter(r => r.view === view && r.status !== "all" && r.share !== null);
    const grid = el("div", { class: "small-multiples" });
    const a = el("div"); a.append(el("h4", {}, "Change, baseline to 6 weeks"));
    const b = el("div"); b.append(el("h4", {}, "Ambulatory status over time"));
    grid.append(a, b);
    fig.append(grid);
    shareBars(change.map(r => ({ group: r.scale.toUpperCase(), category: r.change, share: r.share })), a, "group",
      "ASIA Impairment Scale and Frankel grade: improved is at least one grade towards E.", ["improved", "unchanged", "worse"]);
    shareBars(ambulatory.map(r => ({ group: r.time_point, category: label(r.status), share: r.share })), b, "group",
      "Baseline: enrolment; later: visits of living patients.", ["independent", "assisted", "non ambulatory"]);
    fig.dataset.drawn = fig.querySelector("svg") ? "true" : "empty";
  }

  function complicationsChart(data, fig, view) {
    const saves = rows(data.tables.find(t => t.name === "complications.saves")).filter(r => r.view === view && r.worst_grade !== "all" && r.share !== null);
    shareBars(saves.map(r => ({ group: "worst grade", category: r.worst_grade, share: r.share })), fig, "group",
      "Worst SAVES grade recorded at any follow-up visit (none, I to IV). Hidden shares are not drawn.", ["none", "I", "II", "III", "IV"]);
  }

  function dataQualityChart(data, fig) {
    const all = rows(data.tables.find(t => t.name === "data_quality"));
    const missing = all.filter(r => r.measure === "missing" && r.rate !== null).map(r => ({ site: r.site, field: label(r.item.replace(/^(enrollment|followup)\./, m => m === "enrollment." ? "enrol " : "visit ")), rate: typeof r.rate === "number" ? r.rate : null }));
    if (!missing.length) { empty(fig, "No data-quality figure yet."); return; }
    drawn(fig, Plot.plot({
      width: 1000, height: 60 + 26 * new Set(missing.map(d => d.site)).size, marginLeft: 70, marginBottom: 90,
      x: { label: null, tickRotate: -40 }, y: { label: null },
      color: { type: "linear", domain: [0, 0.5], range: ["#e8f5e9", "#c62828"], legend: true, label: "Missing", tickFormat: "%" },
      marks: [
        Plot.cell(missing, { x: "field", y: "site", fill: d => d.rate, inset: 1 }),
        Plot.text(missing, { x: "field", y: "site", text: d => d.rate === null ? "supp." : Math.round(100 * d.rate) + "%", fontSize: 9 }),
      ],
    }));
    const rejection = all.filter(r => r.measure === "batch_rejection" && typeof r.rate === "number").map(r => `${r.site} ${Math.round(100 * r.rate)}%`);
    fig.append(el("p", { class: "note" }, `Missing key fields over the records that should carry them. Batch rejection: ${rejection.length ? rejection.join(", ") : "—"}. "supp.": hidden so that no small count can be derived.`));
  }

  function enrollmentChart(aggregates, fig) {
    const table = aggregates.tables.find(t => t.name === "enrollment.by_month_primary");
    if (!table) { empty(fig, "No enrolment yet."); return; }
    const shown = table.counts.filter(c => isCount(c.count) && c.count > 0).map(c => ({ month: c.keys[0], primary: label(c.keys[1]), count: c.count }));
    const hidden = table.counts.filter(c => c.count === null || c.count === undefined).length;
    if (!shown.length) { empty(fig, "Every month's count is below the threshold."); return; }
    drawn(fig, Plot.plot({
      width: 1000, height: 260, marginBottom: 40,
      x: { label: null, tickRotate: -45, type: "band" }, y: { label: "Patients", grid: true },
      color: { legend: true },
      marks: [Plot.barY(shown, { x: "month", y: "count", fill: "primary", tip: true }), Plot.ruleY([0])],
    }));
    fig.append(el("p", { class: "note" }, `Patients by month of index treatment and primary tumour.${hidden ? ` ${hidden} cells are hidden (small or protecting a small cell) and not drawn.` : ""}`));
  }

  function tumourMixChart(aggregates, fig) {
    const table = aggregates.tables.find(t => t.name === "enrollment.by_primary");
    const shown = (table?.counts ?? []).filter(c => isCount(c.count) && c.count > 0).map(c => ({ primary: label(c.keys[0]), count: c.count }));
    if (!shown.length) { empty(fig, "No primary tumour can be shown."); return; }
    drawn(fig, Plot.plot({
      width: 460, height: 24 * shown.length + 40, marginLeft: 110,
      x: { label: "Patients", grid: true }, y: { label: null },
      marks: [Plot.barX(shown, { y: "primary", x: "count", sort: { y: "-x" }, fill: "#1f6f8b" }), Plot.text(shown, { y: "primary", x: "count", text: d => String(d.count), dx: 12 })],
    }));
    const hidden = (table?.counts ?? []).filter(c => !isCount(c.count)).length;
    if (hidden) fig.append(el("p", { class: "note" }, `${hidden} primary tumours are hidden (small or protecting a small cell).`));
  }

  function complianceChart(aggregates, fig) {
    const table = aggregates.tables.find(t => t.name === "followup.compliance");
    if (!table) { empty(fig, "Compliance is computed by the daily sweep; none yet."); return; }
    const cells = new Map();
    for (const c of table.counts) {
      const key = c.keys[0] + "|" + c.keys[1];
      const entry = cells.get(key) ?? { site: c.keys[0], timePoint: c.keys[1], within: 0, total: 0, unknown: false };
      if (!isCount(c.count)) entry.unknown = true; else { entry.total += c.count; if (c.keys[2] === "within_window") entry.within += c.count; }
      cells.set(key, entry);
    }
    const data = [...cells.values()].map(e => ({ ...e, rate: e.unknown || e.total === 0 ? null : e.within / e.total }));
    drawn(fig, Plot.plot({
      width: 460, height: 40 + 30 * new Set(data.map(d => d.site)).size, marginLeft: 50,
      x: { label: null, domain: ["6w", "12w", "26w", "52w"] }, y: { label: null },
      color: { type: "linear", domain: [0.5, 1], range: ["#f4c7a1", "#2e7d32"], legend: true, label: "Compliance", tickFormat: "%" },
      marks: [
        Plot.cell(data, { x: "timePoint", y: "site", fill: d => d.rate, inset: 1 }),
        Plot.text(data, { x: "timePoint", y: "site", text: d => d.rate === null ? "unknown" : Math.round(100 * d.rate) + "%" }),
      ],
    }));
    fig.append(el("p", { class: "note" }, "Visits completed within their window over visits due. \"unknown\": a count behind the rate is suppressed."));
  }

  function detailTables(data) {
    const details = el("details", { class: "detail" });
    details.append(el("summary", {}, "All statistics tables (detail, CSV)"));
    for (const table of data.tables) {
      const wrap = el("div", { class: "tile wide", "data-table": table.name });
      const h = el("h3", {}, table.title);
      const link = el("a", { href: "#", class: "csv" }, "CSV");
      link.addEventListener("click", async e => { e.preventDefault(); const blob = await (await get(`/api/statistics/${encodeURIComponent(data.scope)}/${table.name}.csv${query()}`)).blob(); const a = el("a", { href: URL.createObjectURL(blob), download: table.name + ".csv" }); a.click(); });
      h.append(link);
      wrap.append(h);
      const t = el("table");
      const head = el("tr"); for (const c of table.columns) head.append(el("th", {}, label(c))); t.append(head);
      for (const r of table.rows) {
        const tr = el("tr");
        r.forEach(v => tr.append(el("td", { class: typeof v === "number" ? "num" : (v === "suppressed" || /^</.test(v ?? "")) ? "suppressed" : "" }, typeof v === "number" ? num(v, 3) : v === null ? "—" : label(v))));
        t.append(tr);
      }
      if (!table.rows.length) { const tr = el("tr"); tr.append(el("td", { class: "note", colspan: String(table.columns.length) }, "Nothing can be shown for this filter.")); t.append(tr); }
      wrap.append(t);
      for (const n of table.notes) wrap.append(el("p", { class: "note" }, n));
      details.append(wrap);
    }
    return details;
  }

  function headlines(data, box) {
    box.replaceChildren();
    const enrol = rows(data.tables.find(t => t.name === "enrollment.summary"));
    const median = rows(data.tables.find(t => t.name === "survival.median")).filter(r => r.grouping === "all");
    const summary = rows(data.tables.find(t => t.name === "outcomes.summary"));
    const change = rows(data.tables.find(t => t.name === "outcomes.change"));
    const tile = (value, labelText, sub) => { const d = el("div", { class: "headline" }); d.append(el("div", { class: "value" }, value), el("div", { class: "label" }, labelText)); if (sub) d.append(el("div", { class: "sub" }, sub)); box.append(d); };
    const primaryView = data.scope === "pooled" ? "network" : "own";
    for (const e of enrol.filter(r => r.view === primaryView)) tile(isCount(e.enrolled) ? String(e.enrolled) : e.enrolled, "patients enrolled", data.scope === "pooled" ? null : `network: ${enrol.find(r => r.view === "network")?.enrolled ?? "—"}`);
    const m = median.find(r => r.view === primaryView);
    tile(m ? (m.median_days === null ? "not reached" : num(m.median_days / MONTH, 1) + " mo") : "—", "median overall survival", m && m.lower_days !== null ? `95% CI ${num(m.lower_days / MONTH, 1)} to ${m.upper_days === null ? "NR" : num(m.upper_days / MONTH, 1)} mo` : null);
    const pain = change.find(r => r.view === primaryView && r.measure === "nrs_pain" && r.time_point === "6w");
    tile(pain && pain.share !== null ? Math.round(100 * pain.share) + "%" : "—", "pain response at 6 weeks (NRS fall ≥ 2)", pain && pain.share !== null ? `95% CI ${Math.round(100 * pain.share_lower)}–${Math.round(100 * pain.share_upper)}%` : null);
    const sosgoq = summary.find(r => r.view === primaryView && r.measure === "sosgoq_total" && r.time_point === "baseline");
    tile(sosgoq && sosgoq.mean !== null ? num(sosgoq.mean, 1) : "—", "SOSGOQ 2.0 total at baseline (mean)", sosgoq && sosgoq.lower !== null ? `95% CI ${num(sosgoq.lower, 1)}–${num(sosgoq.upper, 1)}` : null);
    const mortality = rows(data.tables.find(t => t.name === "mortality.early")).find(r => r.view === primaryView && r.horizon_days === 30);
    tile(mortality && mortality.mortality !== null ? num(100 * mortality.mortality, 1) + "%" : "—", "30-day mortality (Kaplan-Meier)",
      mortality && mortality.lower !== null ? `95% CI ${num(100 * mortality.lower, 1)}–${num(100 * mortality.upper, 1)}%` : null);
    const qaly = rows(data.tables.find(t => t.name === "qaly.first_year")).find(r => r.view === primaryView && r.policy === "locf");
    tile(qaly && qaly.mean !== null ? num(qaly.mean, 2) : "—", "first-year QALY (EQ-5D, LOCF)", qaly && qaly.lower !== null ? `95% CI ${num(qaly.lower, 2)}–${num(qaly.upper, 2)}` : null);
  }

  function filterControls(data, form) {
    form.replaceChildren();
    const names = { period: "Period (year of index treatment)", primary_group: "Primary tumour group", index_treatment: "Index treatment" };
    for (const [dim, title] of Object.entries(names)) {
      const lab = el("label", {}, title);
      const select = el("select", { name: dim });
      select.append(el("option", { value: "*" }, "all"));
      for (const v of data.dimensions[dim]) select.append(el("option", { value: v }, label(v)));
      select.value = state.filter[dim] ?? "*";
      select.addEventListener("change", () => { state.filter[dim] = select.value; render(); });
      lab.append(select);
      form.append(lab);
    }
  }

  async function render() {
    const section = document.getElementById("committee");
    section.dataset.ready = "false";
    const data = await (await get(`/api/statistics/${encodeURIComponent(state.scope)}${query()}`)).json();
    const aggregates = await (await get(`/api/aggregates/${encodeURIComponent(state.scope)}`)).json();
    section.hidden = false;
    const site = state.scope.startsWith("site:") ? state.scope.slice(5) : null;
    document.getElementById("committee-title").textContent = site ? `Site ${site}: its figures next to the network's` : "Network figures (all sites pooled)";
    document.getElementById("committee-meta").textContent =
      `Counts of 1 to ${data.suppressionThreshold - 1} are shown as <${data.suppressionThreshold}; "suppressed" marks a figure hidden so that a small count cannot be derived. Enrolment and compliance as computed ${formatDate(aggregates.computedAt)}.`;
    filterControls(data, document.getElementById("committee-filters"));
    headlines(data, document.getElementById("committee-headlines"));
    const charts = document.getElementById("committee-charts");
    charts.replaceChildren();
    const km = figure("survival", "Overall survival (Kaplan-Meier, 95% CI)"); survivalChart(data, km); charts.append(km);
    // Curves by group: primary tumour group when every group can be shown, else index treatment, else NESMS.
    const curveRows = rows(data.tables.find(t => t.name === "survival.curves"));
    const view = site ? "own" : "network";
    const grouping = ["primary_group", "index_treatment", "nesms"].find(g => curveRows.some(r => r.grouping === g && r.view === view)) ?? "primary_group";
    const byGroup = figure("survival-groups", "Overall survival by " + label(grouping).replace("nesms", "NESMS")); groupChart(data, byGroup, grouping); charts.append(byGroup);
    const pro = figure("pro", "Patient-reported outcomes over time", true); proCharts(data, pro); charts.append(pro);
    const change = figure("change", "Change from baseline", true); changeCharts(data, change); charts.append(change);
    const neuro = figure("neurology", "Neurological outcome", true); neurologyChart(data, neuro, view); charts.append(neuro);
    const saves = figure("complications", "Complications"); complicationsChart(data, saves, view); charts.append(saves);
    const enrol = figure("enrollment", "Enrolment over time by primary tumour", true); enrollmentChart(aggregates, enrol); charts.append(enrol);
    const mix = figure("tumour-mix", "Tumour mix"); tumourMixChart(aggregates, mix); charts.append(mix);
    if (!site) { const comp = figure("compliance", "Follow-up compliance per site"); complianceChart(aggregates, comp); charts.append(comp); }
    const quality = figure("data-quality", site ? "Data quality: this site and the network" : "Data quality per site", true); dataQualityChart(data, quality); charts.append(quality);
    const detail = document.getElementById("committee-detail");
    detail.replaceChildren(detailTables(data));
    section.dataset.ready = "true";
  }

  window.SpineMetsCommittee = {
    formatDate,
    async show(scope, key) { state.key = key; state.scope = scope; state.filter = {}; await render(); },
  };
})();
