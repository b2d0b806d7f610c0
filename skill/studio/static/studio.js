// The studio page: talk to the skill through the studio's JSON API and show each turn.
"use strict";

const $ = (selector) => document.querySelector(selector);
const state = { turns: [], selected: null, locale: "en-US" };

// -- talking to the studio -----------------------------------------------------------------
async function api(path, payload) {
  const options = payload === undefined ? {} : {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(payload),
  };
  const response = await fetch(path, options);
  const body = await response.json().catch(() => ({ error: response.statusText }));
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

function problem(message) {
  $("#problem").textContent = message || "";
}

function status(message) {
  $("#status").textContent = message;
}

async function attempt(work) {
  problem("");
  try {
    await work();
  } catch (error) {
    problem(error.message);
  }
}

// -- building the page ---------------------------------------------------------------------
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "class") node.className = value;
    else if (name.includes("-") || name === "role") node.setAttribute(name, value);
    else node[name] = value;
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

function definitions(pairs) {
  return el("dl", {}, pairs.filter(([, value]) => value !== null && value !== undefined)
    .flatMap(([term, value]) => [el("dt", {}, term), el("dd", {}, value)]));
}

function table(caption, headings, rows) {
  return el("table", {},
    el("caption", { class: "visually-hidden" }, caption),
    el("thead", {}, el("tr", {}, headings.map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, rows.map((row) => el("tr", {}, row.map((cell) => el("td", {}, cell))))));
}

function pretty(value) {
  return JSON.stringify(value, null, 2);
}

function copyable(title, value, open = false) {
  const text = pretty(value);
  const copy = el("button", { type: "button" }, `Copy ${title.toLowerCase()}`);
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(text);
      status(`${title} copied.`);
    } catch {
      const range = document.createRange();
      range.selectNodeContents(pre);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      status(`${title} selected: press Control+C to copy.`);
    }
  });
  const pre = el("pre", { tabIndex: 0 }, text);
  pre.setAttribute("aria-label", title);
  const details = el("details", { open }, el("summary", {}, title), copy, pre);
  return details;
}

function heardLine(turn) {
  const parts = [turn.intent || turn.request_type || "nothing sent"];
  if (turn.score !== null) parts.push(`score ${turn.score.toFixed(2)}`);
  parts.push(`plugin ${turn.plugin || "-"}`);
  if (turn.problems.length) parts.push(`${turn.problems.length} lint problem(s)`);
  return parts.join(" · ");
}

// What a turn without words was.
const WITHOUT_WORDS = {
  LaunchRequest: "(opens the skill)",
  SessionEndedRequest: "(walks away: the session ends)",
  "Alexa.Presentation.APL.UserEvent": "(touches the screen)",
};

function logEntry(turn) {
  const inspect = el("button", { type: "button", class: "link" }, `Inspect turn ${turn.number}`);
  inspect.addEventListener("click", () => select(turn.number, true));
  return el("li", { "data-turn": turn.number, "data-intent": turn.intent || "" },
    el("div", { class: "you" }, "You: ", turn.utterance ?? WITHOUT_WORDS[turn.request_type] ?? "(nothing)"),
    el("div", { class: "alexa" }, "Alexa: ", turn.speech || "(silence)"),
    el("div", { class: "heard" }, heardLine(turn), " ", inspect),
    turn.should_end_session ? el("div", { class: "heard" }, "(session ended)") : null);
}

function showLog() {
  const log = $("#log");
  log.replaceChildren(...state.turns.map(logEntry));
  $("#empty-log").hidden = state.turns.length > 0;
  log.scrollTop = log.scrollHeight;
  for (const item of log.children) {
    item.classList.toggle("selected", Number(item.dataset.turn) === state.selected);
  }
}

function detail(turn) {
  const parts = [
    definitions([
      ["You said", turn.utterance === null ? "(nothing: a request without words)" : turn.utterance],
      ["Request", turn.request_type || "none (nothing open to close)"],
      ["Intent", turn.intent],
      ["Score", turn.score === null ? null : turn.score.toFixed(3)],
      ["Plugin", turn.plugin],
      ["Alexa says", turn.speech],
      ["Reprompt", turn.reprompt],
      ["Session", turn.should_end_session ? "ends" : "stays open"],
    ]),
    el("h3", {}, "Slots"),
    turn.slots.length
      ? table("Slots", ["slot", "heard", "resolved"],
        turn.slots.map((s) => [s.name, s.value, s.resolved || "(no catalogue match)"]))
      : el("p", {}, "No slots."),
    el("h3", {}, "Close intents"),
    turn.candidates.length
      ? table("Intents the utterance came close to", ["intent", "score"],
        turn.candidates.map((c) => [c.intent, c.score.toFixed(3)]))
      : el("p", {}, "No words went through the model."),
    el("h3", {}, "Lint"),
    turn.problems.length
      ? el("ul", { class: "lint" }, turn.problems.map((p) => el("li", {}, `${p.rule}: ${p.message}`)))
      : el("p", {}, "No problems."),
    el("h3", {}, "Card"),
    turn.card
      ? definitions([["Title", turn.card.title], ["Text", turn.card.content || turn.card.text]])
      : el("p", {}, "No card."),
    el("h3", {}, "Spoken from"),
    turn.spoken_from.length
      ? table("Where the answer's strings are written", ["file", "key", "variant"],
        turn.spoken_from.map((s) => [s.file, s.key, s.variant === null ? "" : String(s.variant)]))
      : el("p", {}, "No string of the locale files found in this answer."),
    el("h3", {}, "Session attributes"),
    turn.changes.length
      ? el("ul", {}, turn.changes.map((c) => el("li", { class: c.change },
        `${c.change} ${c.path}`, c.change === "removed" ? "" : `: ${JSON.stringify(c.after)}`)))
      : el("p", {}, "No change since the last turn."),
    copyable("Session attributes", turn.attributes),
    copyable("Request envelope", turn.request),
    copyable("Response envelope", turn.response),
  ];
  return parts;
}

function screenFrame(turn) {
  const preview = turn.screen_preview;
  // The renderer draws at the profile's size in dp; scale it to the panel's width.
  const scale = Math.min(1, ($("#screen-preview").clientWidth || preview.width) / preview.width);
  // Same-origin, not sandboxed: the drawn page's own policy allows no script, and a
  // sandboxed frame runs out of process, where Chromium can drop clicks beside it.
  const frame = el("iframe", {
    src: preview.url,
    title: `Screen of turn ${turn.number} (${preview.profile})`,
    class: "screen-frame",
  });
  frame.width = preview.width;
  frame.height = preview.height;
  frame.style.zoom = scale;
  return el("div", { class: "screen-holder" }, frame);
}

function touchButtons(turn) {
  const touches = turn.screen_preview.touches;
  if (!touches.length) return [];
  return [el("div", { class: "buttons", role: "group", "aria-label": "Touch the screen" },
    touches.map((args) => {
      const button = el("button", { type: "button" }, `Touch ${args.join(" ")}`);
      button.addEventListener("click", () => attempt(async () => {
        addTurn((await api("/api/touch", { arguments: args })).turn);
      }));
      return button;
    }))];
}

function showScreen(turn) {
  const preview = $("#screen-preview");
  if (!turn || !turn.screen.length) {
    preview.replaceChildren(el("p", {}, state.device === "speaker"
      ? "A speaker has no screen: choose a device with one to see what each turn shows."
      : "This turn sent nothing to show on the screen."));
    return;
  }
  preview.replaceChildren(
    ...(turn.screen_preview ? [screenFrame(turn), ...touchButtons(turn)] : []),
    ...turn.screen.map((shown, index) => copyable(`Screen document ${index + 1}`, shown)));
}

function select(number, focus = false) {
  state.selected = number;
  const turn = state.turns.find((t) => t.number === number);
  $("#inspect-title").textContent = turn ? `Inside turn ${number}` : "Inside the turn";
  $("#turn-detail").replaceChildren(...(turn ? detail(turn) : [el("p", {}, "No turn yet.")]));
  showScreen(turn);
  showLog();
  if (focus) $("#inspect-title").focus();
}

function announce(turn) {
  $("#answer").textContent = turn.speech ? `Alexa: ${turn.speech}` : "No answer.";
  if ($("#read-aloud").checked && "speechSynthesis" in window && turn.speech) {
    speechSynthesis.cancel();
    const spoken = new SpeechSynthesisUtterance(turn.speech);
    spoken.lang = state.locale;
    speechSynthesis.speak(spoken);
  }
}

function addTurn(turn) {
  if (!turn) return;
  state.turns.push(turn);
  select(turn.number);
  announce(turn);
}

// -- setup ---------------------------------------------------------------------------------
function fill(select, values, chosen) {
  select.replaceChildren(...values.map((v) => el("option", { value: v, selected: v === chosen }, v)));
}

function load(snapshot) {
  fill($("#locale"), snapshot.locales, snapshot.setup.locale);
  fill($("#device"), snapshot.devices, snapshot.setup.device);
  fill($("#user"), snapshot.users, snapshot.setup.user);
  state.locale = snapshot.setup.locale;
  state.device = snapshot.setup.device;
  document.documentElement.lang = state.locale;
  state.turns = snapshot.turns;
  select(state.turns.length ? state.turns[state.turns.length - 1].number : null);
}

$("#setup").addEventListener("change", () => attempt(async () => {
  load(await api("/api/setup", {
    locale: $("#locale").value, device: $("#device").value, user: $("#user").value,
  }));
  status(`Started over: a ${state.device} in ${state.locale}, ${$("#user").value} user.`);
}));

// -- talking -------------------------------------------------------------------------------
$("#say").addEventListener("submit", (event) => {
  event.preventDefault();
  const input = $("#say-text");
  const text = input.value.trim();
  if (!text) {
    problem("Type what you would say first.");
    return;
  }
  attempt(async () => {
    const reply = await api("/api/say", { text });
    input.value = "";
    addTurn(reply.turn);
  });
});

for (const button of document.querySelectorAll("[data-action]")) {
  button.addEventListener("click", () => attempt(async () => {
    const action = button.dataset.action;
    const reply = await api("/api/action", { action });
    if (action === "new user") {
      load(await api("/api/state"));
      status("A new user: nothing is remembered.");
    } else if (reply.turn) {
      addTurn(reply.turn);
    } else {
      status("No session is open.");
    }
  }));
}

const Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
if (Recognition) {
  const listen = $("#listen");
  listen.hidden = false;
  listen.addEventListener("click", () => {
    const recognition = new Recognition();
    recognition.lang = state.locale;
    recognition.interimResults = false;
    listen.setAttribute("aria-pressed", "true");
    status("Listening…");
    recognition.addEventListener("result", (event) => {
      $("#say-text").value = event.results[0][0].transcript;
      $("#say").requestSubmit();
    });
    recognition.addEventListener("error", (event) => problem(`Speech recognition: ${event.error}`));
    recognition.addEventListener("end", () => {
      listen.setAttribute("aria-pressed", "false");
      status("");
    });
    recognition.start();
  });
}

// -- saving --------------------------------------------------------------------------------
async function download(path, name) {
  const response = await fetch(path);
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(body.error || `HTTP ${response.status}`);
  }
  const link = el("a", { href: URL.createObjectURL(await response.blob()), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  status(`Saved ${name}.`);
}

$("#save-test").addEventListener("click", () => attempt(async () => {
  await download("/api/test.py", "test_studio_conversation.py");
  const broken = state.turns.filter((turn) => turn.problems.length).map((turn) => turn.number);
  if (broken.length) {
    status(`Saved test_studio_conversation.py. Turn ${broken.join(", ")} breaks a lint rule: ` +
      "the test fails there until the answer is fixed.");
  }
}));
$("#save-transcript").addEventListener("click",
  () => attempt(() => download("/api/transcript.jsonl", "conversation.jsonl")));

// -- the model view ------------------------------------------------------------------------
function modelResults(found) {
  const verdict = `Heard as ${found.intent}` +
    (found.score === null ? "" : ` (score ${found.score.toFixed(3)})`);
  return [
    el("p", {}, verdict),
    found.ambiguous
      ? el("p", { class: "ambiguous" }, "Ambiguous: more than one intent scores close to the best.")
      : null,
    el("h3", {}, "Close intents"),
    found.candidates.length
      ? table("Close intents", ["intent", "score", "closest samples", "written in"],
        found.candidates.map((c) => [c.intent, c.score.toFixed(3), c.samples.join(" | "),
          c.file ? `${c.file} → ${c.key}` : c.key]))
      : el("p", {}, "No intent comes close: Alexa would send the fallback intent."),
    el("h3", {}, "Samples matching word for word"),
    found.exact.length
      ? el("ul", {}, found.exact.map((m) => el("li", {}, `${m.intent}: ${m.sample}`)))
      : el("p", {}, "None."),
    el("h3", {}, "Spoken strings containing these words"),
    found.strings.length
      ? table("Spoken strings", ["file", "key", "text"],
        found.strings.map((s) => [s.file, s.variant === null ? s.key : `${s.key} [${s.variant}]`, s.text]))
      : el("p", {}, "None."),
  ].filter((part) => part !== null);
}

$("#model-search").addEventListener("submit", (event) => {
  event.preventDefault();
  const query = $("#model-query").value.trim();
  if (!query) {
    problem("Type an utterance to look up.");
    return;
  }
  attempt(async () => {
    $("#model-results").replaceChildren(...modelResults(await api("/api/model", { query })));
  });
});

attempt(async () => load(await api("/api/state")));
