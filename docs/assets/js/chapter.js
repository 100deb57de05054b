/* The end of a chapter page: "Mark as read" and the reader's notes, kept by store.js.
   Notes are saved as the reader types (after a short pause); saving is shown, not announced:
   the live region speaks once per action (a mark, or storage refusing to keep notes). */
(function () {
  "use strict";
  if (window.GuideChapter) { return; }
  var store = window.GuideStore;
  var PAUSE = 400;  // ms of no typing before a save

  function time() {
    return new Date().toLocaleTimeString([], {hour: "2-digit", minute: "2-digit"});
  }

  function setUpBox(box) {
    if (box.dataset.ready) { return; }
    box.dataset.ready = "true";
    var id = box.dataset.chapterPractice;
    var title = box.dataset.chapterTitle;
    var tools = box.querySelector(".guide-practice__tools");
    var button = box.querySelector(".guide-practice__read");
    var notes = box.querySelector(".guide-practice__notes");
    var saved = box.querySelector(".guide-practice__saved");
    var status = box.querySelector(".guide-practice__status");
    var warned = false;
    box.querySelector(".guide-practice__nojs").hidden = true;
    tools.hidden = false;
    store.notice(box);

    function showRead() {
      button.setAttribute("aria-pressed", store.get("read")[id] ? "true" : "false");
    }
    showRead();
    var note = store.get("notes")[id];
    notes.value = note && typeof note.text === "string" ? note.text : "";

    button.addEventListener("click", function () {
      var read = !store.get("read")[id];
      var kept = store.update("read", function (marks) {
        if (read) { marks[id] = store.today(); } else { delete marks[id]; }
      });
      showRead();
      status.textContent = (read ? title + " marked as read." : "Read mark removed from " + title + ".") +
        (kept ? "" : " Not kept after you leave: your browser is not saving.");
    });

    var timer = null;
    function save() {
      clearTimeout(timer);
      timer = null;
      var text = notes.value;
      var kept = store.update("notes", function (all) {
        if (text.trim()) { all[id] = {text: text, updated: new Date().toISOString()}; } else { delete all[id]; }
      });
      saved.textContent = kept ? "Saved in this browser at " + time() + "." : "Not saved: your browser is not keeping data.";
      if (!kept && !warned) {
        warned = true;
        status.textContent = "Your notes cannot be saved in this browser; copy them somewhere before you leave.";
      }
    }
    notes.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(save, PAUSE);
    });
    notes.addEventListener("blur", function () { if (timer) { save(); } });
  }

  window.GuideChapter = {
    setUp: function (root) { root.querySelectorAll("[data-chapter-practice]").forEach(setUpBox); }
  };
})();
