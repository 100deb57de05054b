/* The reader's data, kept in this browser only. The one module that touches localStorage.

   One namespaced, versioned key set, "flf-guide/v1/<kind>", each a JSON object:
     read     chapter id -> date marked as read
     quizzes  quiz id ("essay" or a chapter id) -> {attempts, best, total, last: {score, total, date}}
     notes    chapter id -> {text, updated}
     cards    flashcard id -> {card: an FSRS card (ts-fsrs), first: date of the first review}
     settings name -> value (the flashcard deck last chosen)
   Every access is wrapped: when the browser refuses storage (private browsing, storage off,
   quota full), the data lives in memory for this visit, the pages keep working, and notice()
   says so. Export, import and forget work on the whole key set at once. */
(function () {
  "use strict";
  if (window.GuideStore) { return; }

  var SITE = "with-a-friend-like-fox-study-guide";
  var VERSION = 1;
  var PREFIX = "flf-guide/v" + VERSION + "/";
  var KINDS = ["read", "quizzes", "notes", "cards", "settings"];
  var LABELS = {read: "chapters marked as read", quizzes: "quiz records", notes: "chapter notes", cards: "flashcards reviewed",
    settings: "settings"};
  var MESSAGES = {
    unavailable: "Your browser is not letting this site keep anything (private browsing, or site data turned off). " +
      "Everything works, but what you do here is forgotten when you leave the site.",
    full: "Your browser's storage for this site is full, so your latest changes are not kept. " +
      "Everything works for this visit; export your data from My progress, or free some space."
  };
  var memory = {};  // kind -> object, while storage refuses to keep it
  var problem = null;  // null, "unavailable" or "full"

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function storage() {
    return window.localStorage;  // reading the property itself may throw (SecurityError)
  }

  function fail(error) {
    var kind = error && (error.name === "QuotaExceededError" || error.code === 22) ? "full" : "unavailable";
    if (problem !== "unavailable") { problem = kind; }
    refreshNotices();
  }

  function probe() {
    try {
      storage().setItem(PREFIX + "probe", "1");
      storage().removeItem(PREFIX + "probe");
    } catch (error) {
      fail(error);
    }
  }

  function get(kind) {
    if (Object.prototype.hasOwnProperty.call(memory, kind)) { return memory[kind]; }
    var raw = null;
    try {
      raw = storage().getItem(PREFIX + kind);
    } catch (error) {
      fail(error);
      memory[kind] = {};
      return memory[kind];
    }
    try {
      var value = raw ? JSON.parse(raw) : {};
      return isObject(value) ? value : {};
    } catch (error) {
      return {};  // a damaged value reads as empty; the next save replaces it
    }
  }

  /* Saves kind's object; false when it is kept in memory only. */
  function set(kind, value) {
    try {
      storage().setItem(PREFIX + kind, JSON.stringify(value));
      delete memory[kind];
      return true;
    } catch (error) {
      memory[kind] = value;
      fail(error);
      return false;
    }
  }

  /* change(object) edits kind's object in place; returns whether it was saved. */
  function update(kind, change) {
    var value = get(kind);
    change(value);
    return set(kind, value);
  }

  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  function recordQuiz(quiz, score, total) {
    if (!quiz || !(total > 0)) { return false; }
    return update("quizzes", function (quizzes) {
      var entry = isObject(quizzes[quiz]) ? quizzes[quiz] : {attempts: 0, best: 0, total: total};
      entry.attempts = (entry.attempts || 0) + 1;
      if (!entry.total || score / total >= entry.best / entry.total) {
        entry.best = score;
        entry.total = total;
      }
      entry.last = {score: score, total: total, date: today()};
      quizzes[quiz] = entry;
    });
  }

  function exportAll() {
    var data = {};
    KINDS.forEach(function (kind) { data[kind] = get(kind); });
    return {site: SITE, version: VERSION, exported: new Date().toISOString(), data: data};
  }

  /* What each kind's entries must look like for an import to be accepted. */
  var VALID = {
    read: function (v) { return typeof v === "string"; },
    quizzes: function (v) {
      return isObject(v) && ["attempts", "best", "total"].every(function (k) { return typeof v[k] === "number" && isFinite(v[k]); });
    },
    notes: function (v) { return isObject(v) && typeof v.text === "string"; },
    cards: function (v) { return isObject(v) && isObject(v.card) && !isNaN(Date.parse(v.card.due)); },
    settings: function (v) { return typeof v === "string"; }
  };

  function refused(why) {
    return {ok: false, message: "Nothing was imported and nothing was changed: " + why};
  }

  /* Reads a file saved by exportAll(); replaces everything only when the whole file is good. */
  function importText(text) {
    var file;
    try {
      file = JSON.parse(text);
    } catch (error) {
      return refused("this file is not JSON. Choose a file saved with \u201cExport all\u201d.");
    }
    if (!isObject(file) || file.site !== SITE) {
      return refused("this file was not saved by this study guide's \u201cExport all\u201d.");
    }
    if (file.version !== VERSION) {
      return refused("this file is of version " + JSON.stringify(file.version) + "; this guide reads version " + VERSION + " only.");
    }
    var data = file.data;
    if (!isObject(data)) { return refused("the file is damaged: it holds no data."); }
    for (var name in data) {
      if (KINDS.indexOf(name) < 0) { return refused("the file is damaged: it holds an unknown part, \u201c" + name + "\u201d."); }
      if (!isObject(data[name])) { return refused("the file is damaged: its " + name + " are not a list of entries."); }
      for (var key in data[name]) {
        if (!VALID[name](data[name][key])) { return refused("the file is damaged: its " + name + " entry \u201c" + key + "\u201d is not readable."); }
      }
    }
    var saved = KINDS.map(function (kind) { return set(kind, isObject(data[kind]) ? data[kind] : {}); });
    var counts = KINDS.filter(function (kind) { return kind !== "settings"; }).map(function (kind) { return Object.keys(data[kind] || {}).length + " " + LABELS[kind]; });
    var kept = saved.every(Boolean) ? "" : " They are kept for this visit only: your browser is not saving.";
    return {ok: true, message: "Imported " + counts.join(", ") + "." + kept};
  }

  /* Removes every key of ours (and no one else's); true when storage allowed it. */
  function forget() {
    memory = {};
    try {
      var ours = [];
      for (var i = 0; i < storage().length; i += 1) {
        var key = storage().key(i);
        if (key && key.indexOf(PREFIX) === 0) { ours.push(key); }
      }
      ours.forEach(function (key) { storage().removeItem(key); });
      return true;
    } catch (error) {
      KINDS.forEach(function (kind) { memory[kind] = {}; });
      fail(error);
      return false;
    }
  }

  /* A visible message at the top of container while storage is refused. */
  function notice(container) {
    container.dataset.storeNotice = "true";
    refreshNotices();
  }

  function refreshNotices() {
    document.querySelectorAll("[data-store-notice]").forEach(function (container) {
      var note = container.querySelector(".guide-store-notice");
      if (!problem) { if (note) { note.remove(); } return; }
      if (!note) {
        note = document.createElement("p");
        note.className = "guide-store-notice";
        container.insertBefore(note, container.firstChild);
      }
      note.textContent = MESSAGES[problem];
    });
  }

  probe();
  window.GuideStore = {
    SITE: SITE, VERSION: VERSION, PREFIX: PREFIX, KINDS: KINDS,
    get: get, set: set, update: update, today: today, recordQuiz: recordQuiz,
    exportAll: exportAll, importText: importText, forget: forget, notice: notice,
    problem: function () { return problem; }
  };
})();
