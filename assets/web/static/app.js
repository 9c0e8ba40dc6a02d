// Borderlines — the students' page. Plain JavaScript, no framework, no outside files.
// The host computes everything; this page shows the team's state and sends the team's actions.
// Every text that comes from the host or from students is set with textContent, never as HTML.
"use strict";

const TOKEN_KEY = "borderlines-device";
let S = {};                 // the page's strings (strings/<lang>.json)
let socket = null;
let device = loadDevice();  // {token, seq, code}
let state = null;
let retry = 500;

function loadDevice() {
  try { return JSON.parse(localStorage.getItem(TOKEN_KEY)) || null; } catch (e) { return null; }
}
function saveDevice() { localStorage.setItem(TOKEN_KEY, JSON.stringify(device)); }
function $(id) { return document.getElementById(id); }
function fmt(key, values) {
  let text = S[key] || key;
  for (const [k, v] of Object.entries(values || {})) text = text.split("{" + k + "}").join(String(v));
  return text;
}
function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}
function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
function num(x) {
  if (x === null || x === undefined) return "–";
  const a = Math.abs(x);
  return x.toLocaleString(undefined, {maximumFractionDigits: a >= 100 ? 0 : a >= 10 ? 1 : 2});
}
function show(id) {
  for (const main of document.querySelectorAll("main")) main.hidden = main.id !== id;
}
function toast(text) {
  const box = $("toast");
  box.textContent = text;
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { box.hidden = true; }, 5000);
}

// --- the connection -------------------------------------------------------------------------

function connect() {
  const scheme = location.protocol === "https:" ? "wss://" : "ws://";
  socket = new WebSocket(scheme + location.host + "/ws");
  socket.onopen = () => {
    retry = 500;
    if (device && device.token) send({type: "resume", token: device.token});
    else show("join");
  };
  socket.onmessage = (event) => receive(JSON.parse(event.data));
  socket.onclose = () => {
    toast(S.reconnecting || "Reconnecting…");
    setTimeout(connect, retry);
    retry = Math.min(retry * 2, 8000);
  };
}
function send(message) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}
function act(message) {
  device.seq = (device.seq || 0) + 1;
  saveDevice();
  message.seq = device.seq;
  send(message);
}
setInterval(() => send({type: "ping"}), 25000);

function receive(m) {
  if (m.type === "welcome") {
    device = {token: m.token, seq: Math.max(m.seq, (device && device.seq) || 0), team: m.team,
              name: m.name};
    saveDevice();
  } else if (m.type === "state") {
    if (!state || m.version >= state.version || m.team !== state.team) render(m);
  } else if (m.type === "teacher") {
    teacherPanel(m);
  } else if (m.type === "lobby") {
    lobby(m.teams);
  } else if (m.type === "error") {
    toast(m.message);
    if (m.code === "unknown_device") { device = null; localStorage.removeItem(TOKEN_KEY); show("join"); }
  }
}

// --- joining ----------------------------------------------------------------------------------

function lobby(teams) {
  $("lobby").hidden = false;
  const box = $("teams");
  clear(box);
  for (const team of teams) {
    const button = el("button", fmt("join_as", {team: team.name + " (" + team.country + ")"}));
    button.dataset.team = team.team;
    button.className = "team";
    const who = el("small", team.members.length ? team.members.join(", ") : S.nobody_yet);
    button.appendChild(el("br"));
    button.appendChild(who);
    button.onclick = () => {
      send({type: "join", code: $("code").value.trim(), team: team.team,
            name: $("name").value.trim()});
    };
    box.appendChild(button);
  }
}

// --- the class's clock: counted down here between the host's states ---------------------------

let clock = null;
function tickClock() {
  if (!clock) { $("timer").textContent = ""; return; }
  const left = Math.max(0, clock.left - (Date.now() - clock.at) / 1000);
  $("timer").textContent = fmt("time_left", {time: Math.floor(left / 60) + ":" +
                                             String(Math.floor(left % 60)).padStart(2, "0")});
}
setInterval(tickClock, 1000);

// --- the desk ---------------------------------------------------------------------------------

function render(s) {
  state = s;
  // After the last turn the desk stays, read-only, for the final report.
  show("desk");
  $("where").textContent = s.team_name + " · " + s.country;
  $("team-title").textContent = s.team_name + " — " + s.country;
  $("turn-line").textContent = fmt("turn_line", {turn: s.turn, turns: s.turns, date: s.date});
  $("members").textContent = s.members.join(", ");
  $("budget").textContent = num(s.budget_left) + " $M";
  $("budget").className = s.budget_left < 0 ? "over" : "";
  clock = s.time_left === null ? null : {left: s.time_left, at: Date.now()};
  tickClock();
  $("commit").hidden = s.committed || s.finished;
  $("committed-note").textContent = s.finished ? S.over : S.committed_note;
  $("committed-note").hidden = !(s.committed || s.finished);
  const status = $("class-status");
  clear(status);
  for (const team of s.class) {
    const line = el("span", team.name + ": " + (team.committed ? S.committed : S.deciding) +
                    " · " + fmt("members", {n: team.members}), team.committed ? "done" : "");
    line.dataset.team = team.team;
    status.appendChild(line);
  }
  renderLevers(s);
  renderForecast(s);
  renderObjectives($("objectives"), s.objectives);
  renderDiplomacy(s);
  renderReport(s.report);
}

// Lever rows are built once per team and then updated in place: a student typing in a field
// keeps what they typed while a teammate's change arrives for another lever.
let leverRows = {};
let leverTeam = null;

function leverRow(lever) {
  const row = el("div", null, "lever");
  row.appendChild(el("label", lever.label));
  const facts = el("small");
  row.appendChild(facts);
  let input;
  if (lever.choices) {
    input = el("select");
    for (const choice of lever.choices) {
      const option = el("option", choice.label);
      option.value = choice.value;
      input.appendChild(option);
    }
  } else {
    input = el("input");
    input.type = "number";
    input.inputMode = "numeric";
    input.min = lever.low; input.max = lever.high;
    input.step = lever.high - lever.low > 100 ? 10 : 1;
  }
  input.dataset.lever = lever.name;
  input.onchange = () => {
    const value = lever.choices ? input.value : Number(input.value);
    act({type: "set_lever", lever: lever.name, value: value});
  };
  row.appendChild(input);
  const undo = el("button", S.undo, "small");
  undo.dataset.undo = lever.name;
  undo.onclick = () => act({type: "clear_lever", lever: lever.name});
  row.appendChild(undo);
  return {row: row, facts: facts, input: input, undo: undo};
}

function renderLevers(s) {
  const box = $("levers");
  if (leverTeam !== s.team) { clear(box); leverRows = {}; leverTeam = s.team; }
  for (const lever of s.levers) {
    let parts = leverRows[lever.name];
    if (!parts) { parts = leverRows[lever.name] = leverRow(lever); box.appendChild(parts.row); }
    const facts = [];
    // Money levers are their own cost; others cost so many dollars per unit and year.
    if (lever.kind !== "choice" && lever.kind !== "money" && lever.cost_per_unit > 0) {
      facts.push(fmt("cost", {cost: num(lever.cost_per_unit * 1e6)}));
    }
    if (lever.delay_months) facts.push(fmt("delay", {months: lever.delay_months}));
    const start = typeof lever.start === "object" ? total(lever.start) : lever.start;
    facts.push(fmt("now", {value: (typeof start === "number" ? num(start) : start) +
                                  (lever.kind === "choice" ? "" : " " + lever.unit)}));
    parts.facts.textContent = facts.join(" · ");
    parts.row.className = "lever" + (lever.drafted ? " drafted" : "");
    const value = typeof lever.value === "object" ? total(lever.value) : lever.value;
    if (document.activeElement !== parts.input) parts.input.value = value;
    parts.input.disabled = s.committed;
    parts.undo.hidden = !lever.drafted || s.committed;
  }
}
function total(split) { return Object.values(split).reduce((a, b) => a + b, 0); }

function renderForecast(s) {
  const table = $("forecast");
  table.className = s.forecast_fresh ? "" : "stale";
  clear(table);
  for (const band of s.forecast) {
    const row = el("tr");
    row.appendChild(el("th", band.label));
    row.appendChild(el("td", fmt("forecast_row", {p10: num(band.p10), p50: num(band.p50),
                                                  p90: num(band.p90)}) + " " + band.unit));
    table.appendChild(row);
  }
}

function renderObjectives(list, objectives) {
  clear(list);
  for (const o of objectives) {
    const item = el("li", o.text, o.met ? "met" : "");
    if (o.secret) item.appendChild(el("span", S.secret, "badge"));
    item.appendChild(el("span", o.met ? S.met : S.not_met, "badge"));
    list.appendChild(item);
  }
}

function termsText(terms) {
  return Object.entries(terms).map(([k, v]) => k.replace(/_/g, " ") + " " +
                                    (typeof v === "number" ? num(v) : v)).join(" · ");
}

function renderDiplomacy(s) {
  const inbox = $("inbox"); clear(inbox);
  for (const p of s.inbox) {
    const item = el("li", p.by_label + ": " + p.label + " " + termsText(p.terms));
    item.dataset.proposal = p.id;
    for (const answer of ["accept", "reject"]) {
      const button = el("button", S[answer], "small " + answer);
      button.disabled = s.committed;
      button.onclick = () => act({type: "answer", proposal: p.id, answer: answer});
      item.appendChild(button);
    }
    inbox.appendChild(item);
  }
  if (!s.inbox.length) inbox.appendChild(el("li", S.none, "muted"));
  const notices = $("notices"); clear(notices);
  for (const n of s.notices || []) notices.appendChild(el("li", n.text + " (" + n.state + ")", n.running ? "" : "muted"));
  if (!(s.notices || []).length) notices.appendChild(el("li", S.none, "muted"));
  const outbox = $("outbox"); clear(outbox);
  for (const p of s.outbox) outbox.appendChild(el("li", p.label + " " + fmt("to", {who: p.parties_label})));
  if (!s.outbox.length) outbox.appendChild(el("li", S.none, "muted"));
  const pacts = $("pacts"); clear(pacts);
  for (const p of s.pacts) pacts.appendChild(el("li", p.kind.replace(/_/g, " ") + " · " + p.parties.join(", ")));
  if (!s.pacts.length) pacts.appendChild(el("li", S.none, "muted"));
  const kind = $("offer-kind");
  const chosen = kind.value;
  clear(kind);
  for (const offer of s.offers) {
    const option = el("option", offer.label);
    option.value = offer.kind;
    kind.appendChild(option);
  }
  if (chosen) kind.value = chosen;
  kind.onchange = () => offerForm(s);
  offerForm(s);
  $("offer-send").disabled = s.committed || !s.offers.length;
}

function offerForm(s) {
  const offer = s.offers.find((o) => o.kind === $("offer-kind").value) || s.offers[0];
  const partner = $("offer-partner"); clear(partner);
  const terms = $("offer-terms"); clear(terms);
  if (!offer) return;
  for (const code of offer.partners) {
    const option = el("option", code);
    option.value = code;
    partner.appendChild(option);
  }
  for (const term of offer.terms) {
    const label = el("label", term.name.replace(/_/g, " ") + " (" + term.unit + ")");
    const input = el("input");
    input.type = "number"; input.step = "any"; input.min = term.low; input.max = term.high;
    input.value = term.default === null ? term.low : term.default;
    input.dataset.term = term.name;
    label.appendChild(input);
    terms.appendChild(label);
  }
  $("offer-send").onclick = () => {
    const values = {};
    for (const input of terms.querySelectorAll("input")) values[input.dataset.term] = Number(input.value);
    act({type: "propose", kind: offer.kind, partners: [partner.value], terms: values});
  };
}

function renderReport(report) {
  const box = $("report-body");
  $("report").hidden = !report;
  clear(box);
  if (!report) return;
  box.appendChild(el("p", report.start === report.end ? report.start : report.start + " – " + report.end, "muted"));
  for (const h of report.headlines) {
    const item = el("div", null, "headline");
    const change = h.change === null ? "" : " (" + (h.change >= 0 ? "+" : "") + num(h.change) + ")";
    item.appendChild(el("strong", h.label + ": " + num(h.value) + " " + h.unit + change,
                        h.good === true ? "good" : h.good === false ? "bad" : ""));
    // The causes that moved the number, largest first (those that rounded to nothing aside).
    const scale = Math.max(1, Math.abs(h.value || 0)) * 0.0005;
    const moved = h.causes.filter((c) => Math.abs(c.amount) >= scale)
      .sort((a, b) => Math.abs(b.amount) - Math.abs(a.amount)).slice(0, 4);
    if (moved.length) {
      const causes = el("ul", null, "causes");
      for (const c of moved) causes.appendChild(el("li", c.label + " " + (c.amount >= 0 ? "+" : "") + num(c.amount)));
      item.appendChild(el("small", S.causes));
      item.appendChild(causes);
    }
    box.appendChild(item);
  }
  if (report.news.length) {
    box.appendChild(el("h3", S.news));
    const news = el("ul");
    for (const line of report.news) news.appendChild(el("li", line));
    box.appendChild(news);
  }
  for (const note of report.notes) box.appendChild(el("p", note, "muted"));
}

// --- the teacher (PIN kept in this page only, never stored) -----------------------------------

function teacher(action, extra) {
  send(Object.assign({type: "teacher", pin: $("pin").value.trim(), action: action}, extra || {}));
}

function teacherPanel(m) {
  const teams = $("teacher-teams"); clear(teams);
  for (const team of m.teams) {
    const line = el("div", team.name + ": " + (team.committed ? S.committed : S.deciding));
    const button = el("button", team.committed ? S.reopen : S.skip, "small");
    button.dataset.teacherTeam = team.team;
    button.onclick = () => teacher(team.committed ? "reopen" : "skip", {team: team.team});
    line.appendChild(button);
    teams.appendChild(line);
  }
  const list = $("teacher-devices"); clear(list);
  for (const d of m.devices) {
    const item = el("li", d.name + " ");
    const select = el("select");
    for (const team of m.teams) {
      const option = el("option", team.name);
      option.value = team.team;
      select.appendChild(option);
    }
    select.value = d.team;
    select.dataset.device = d.id;
    select.onchange = () => teacher("move", {device: d.id, team: select.value});
    item.appendChild(select);
    list.appendChild(item);
  }
}

// --- start ------------------------------------------------------------------------------------

async function start() {
  const lang = (navigator.language || "en").slice(0, 2);
  try { S = await (await fetch("/strings/" + encodeURIComponent(lang) + ".json")).json(); }
  catch (e) { S = {}; }
  for (const node of document.querySelectorAll("[data-s]")) {
    if (S[node.dataset.s]) node.textContent = S[node.dataset.s];
  }
  const code = new URLSearchParams(location.search).get("code");
  if (code) $("code").value = code;
  $("see-teams").onclick = () => send({type: "lobby", code: $("code").value.trim()});
  $("commit").onclick = () => act({type: "commit"});
  $("teacher-open").onclick = () => teacher("status");
  $("teacher-end").onclick = () => teacher("end_turn");
  if (!device) show("join");
  connect();
}
document.addEventListener("DOMContentLoaded", start);
