/* My progress: fills the page's tables from store.js, suggests what to do next, and runs
   the reader's data tools (export notes as Markdown, export all as JSON, import, forget). */
(function () {
  "use strict";
  if (window.GuideProgress) { return; }
  var store = window.GuideStore;
  var REVIEW = 2;  // ts-fsrs State.Review: a card past its learning steps counts as learned

  function endOfToday() {
    var end = new Date();
    end.setHours(23, 59, 59, 999);
    return end.getTime();
  }

  function cardCounts(total, newPerDay) {
    var cards = store.get("cards");
    var ids = Object.keys(cards);
    var due = ids.filter(function (id) { return Date.parse(cards[id].card.due) <= endOfToday(); }).length;
    var learned = ids.filter(function (id) { return cards[id].card.state === REVIEW; }).length;
    var today = store.today();
    var newToday = ids.filter(function (id) { return cards[id].first === today; }).length;
    var fresh = Math.max(0, Math.min(total - ids.length, newPerDay - newToday));
    return {due: due, fresh: fresh, learned: learned, seen: ids.length, total: total};
  }

  function fill(root) {
    var read = store.get("read");
    var notes = store.get("notes");
    var quizzes = store.get("quizzes");
    var unread = null;
    root.querySelectorAll("[data-progress-chapters] tr[data-chapter]").forEach(function (row) {
      var id = row.dataset.chapter;
      row.querySelector(".guide-progress__read").textContent = read[id] ? "Read (" + read[id] + ")" : "Not yet";
      var note = notes[id];
      row.querySelector(".guide-progress__notes").textContent = note && note.text.trim() ?
        note.text.trim().split(/\s+/).length + " words" : "None";
      if (!read[id] && !unread) { unread = row; }
    });
    var weakest = null;
    root.querySelectorAll("[data-progress-quizzes] tr[data-quiz-id]").forEach(function (row) {
      var entry = quizzes[row.dataset.quizId];
      row.querySelector(".guide-progress__best").textContent = entry ? entry.best + " out of " + entry.total : "Not taken";
      row.querySelector(".guide-progress__attempts").textContent = entry ? String(entry.attempts) : "0";
      if (entry && entry.best < entry.total && (!weakest || entry.best / entry.total < weakest.ratio)) {
        weakest = {row: row, ratio: entry.best / entry.total};
      }
    });
    var mount = root.querySelector("[data-progress]");
    if (!mount) { return; }
    var counts = cardCounts(parseInt(mount.dataset.cardCount, 10) || 0, parseInt(mount.dataset.newPerDay, 10) || 20);
    var cards = root.querySelector("[data-progress-cards]");
    var link = cards.querySelector("a");
    cards.textContent = "Due today: " + (counts.due + counts.fresh) + " (" + counts.due + " to review, " + counts.fresh +
      " new). Learned: " + counts.learned + " of " + counts.total + " cards. ";
    cards.appendChild(link);
    showNext(mount, counts, unread, weakest);
  }

  function linkTo(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  /* One suggestion: due flashcards first, then the first unread chapter, then the weakest quiz. */
  function showNext(mount, counts, unread, weakest) {
    var next = mount.querySelector(".guide-progress__next");
    next.hidden = false;
    next.textContent = "Next: ";
    if (counts.due > 0) {
      next.appendChild(linkTo(mount.dataset.flashcardsHref, "review your " + counts.due + " due " + (counts.due === 1 ? "flashcard" : "flashcards")));
    } else if (unread) {
      next.appendChild(linkTo(unread.dataset.href, "read " + unread.dataset.chapterTitle));
    } else if (weakest) {
      var a = weakest.row.querySelector("a");
      next.appendChild(linkTo(a.getAttribute("href"), "retake the quiz: " + a.textContent));
    } else if (counts.fresh > 0) {
      next.appendChild(linkTo(mount.dataset.flashcardsHref, "learn " + counts.fresh + " new " + (counts.fresh === 1 ? "flashcard" : "flashcards")));
    } else {
      next.textContent = "You are up to date: every chapter read, every quiz taken at full marks, no cards due.";
      return;
    }
    next.appendChild(document.createTextNode("."));
  }

  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], {type: type}));
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  /* One Markdown file, chapter by chapter in the guide's order; chapters without notes left out. */
  function notesMarkdown(root) {
    var notes = store.get("notes");
    var lines = ["# My notes on \u201cWith a Friend Like Fox\u201d", "", "Exported from the study guide on " + store.today() + ".", ""];
    var count = 0;
    root.querySelectorAll("[data-progress-chapters] tr[data-chapter]").forEach(function (row) {
      var note = notes[row.dataset.chapter];
      if (!note || !note.text.trim()) { return; }
      count += 1;
      lines.push("## " + row.dataset.chapterTitle, "", note.text.trim(), "");
    });
    return count ? lines.join("\n") : null;
  }

  function setUpData(box, root) {
    if (box.dataset.ready) { return; }
    box.dataset.ready = "true";
    box.querySelector(".guide-data__nojs").hidden = true;
    box.querySelector(".guide-data__tools").hidden = false;
    store.notice(box);
    var status = box.querySelector(".guide-data__status");
    var confirmBox = box.querySelector(".guide-data__confirm");
    var forgetButton = box.querySelector("[data-action=forget]");
    var input = box.querySelector(".guide-data__import");

    box.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (!button) { return; }
      var action = button.dataset.action;
      if (action === "export-notes") {
        var markdown = notesMarkdown(root);
        if (markdown) {
          download("my-notes-friend-like-fox.md", "text/markdown", markdown);
          status.textContent = "Your notes were downloaded as my-notes-friend-like-fox.md.";
        } else {
          status.textContent = "You have no notes yet: write them at the end of each chapter page.";
        }
      } else if (action === "export-all") {
        download("friend-like-fox-my-data.json", "application/json", JSON.stringify(store.exportAll(), null, 1));
        status.textContent = "All your data was downloaded as friend-like-fox-my-data.json.";
      } else if (action === "forget") {
        confirmBox.hidden = false;
        confirmBox.querySelector("[data-action=forget-yes]").focus();
      } else if (action === "forget-no") {
        confirmBox.hidden = true;
        forgetButton.focus();
        status.textContent = "Nothing was forgotten.";
      } else if (action === "forget-yes") {
        var done = store.forget();
        confirmBox.hidden = true;
        forgetButton.focus();
        fill(root);
        status.textContent = done ? "Everything was forgotten: reading marks, quiz scores, notes and flashcards." :
          "Forgotten for this visit; your browser did not let this site change what it keeps.";
      }
    });

    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) { return; }
      file.text().then(function (text) {
        var result = store.importText(text);
        if (result.ok) { fill(root); }
        status.textContent = result.message;
        input.value = "";
      }, function () {
        status.textContent = "Nothing was imported and nothing was changed: the file could not be read.";
      });
    });
  }

  window.GuideProgress = {
    setUp: function (root) {
      var mount = root.querySelector("[data-progress]");
      if (mount && !mount.dataset.ready) {
        mount.dataset.ready = "true";
        mount.querySelector(".guide-progress__nojs").hidden = true;
        store.notice(mount);
        fill(root);
      }
      var data = root.querySelector("[data-guide-data]");
      if (data) { setUpData(data, root); }
    }
  };
})();
