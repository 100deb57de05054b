/* The flashcards page: a reviewer over the card list the page already shows.
   Scheduling is FSRS through the vendored ts-fsrs (window.FSRS); each card's schedule is
   kept by store.js under its stable id. Keys: Space or Enter shows the answer, 1-4 grade
   (Again, Hard, Good, Easy); the buttons do the same by touch. One announcement per action. */
(function () {
  "use strict";
  if (window.GuideFlashcards) { return; }
  var store = window.GuideStore;
  var F = window.FSRS;
  var scheduler = F.fsrs(F.generatorParameters({enable_fuzz: true}));
  var GRADES = [["1", F.Rating.Again, "Again"], ["2", F.Rating.Hard, "Hard"], ["3", F.Rating.Good, "Good"],
                ["4", F.Rating.Easy, "Easy"]];
  var LEARN_AHEAD = 20 * 60 * 1000;  // when nothing else is left, cards due within 20 minutes

  function endOfToday() {
    var end = new Date();
    end.setHours(23, 59, 59, 999);
    return end.getTime();
  }

  function interval(from, to) {
    var minutes = Math.round((to - from) / 60000);
    if (minutes < 1) { return "now"; }
    if (minutes < 60) { return minutes + " min"; }
    var hours = Math.round(minutes / 60);
    if (hours < 24) { return hours + (hours === 1 ? " hour" : " hours"); }
    var days = Math.round(hours / 24);
    if (days < 31) { return days + (days === 1 ? " day" : " days"); }
    var months = Math.round(days / 30);
    return months < 12 ? months + (months === 1 ? " month" : " months") : Math.round(days / 365) + " yr";
  }

  function readCards(root) {
    return Array.prototype.map.call(root.querySelectorAll(".flashcard[data-card]"), function (element) {
      return {
        id: element.dataset.card,
        decks: element.dataset.decks.split(" "),
        kind: element.querySelector(".flashcard__kind").textContent,
        front: element.querySelector(".flashcard__front").textContent,
        back: element.querySelector(".flashcard__back")
      };
    });
  }

  function readDecks(root) {
    return Array.prototype.map.call(root.querySelectorAll("[data-deck]"), function (element) {
      return {id: element.dataset.deck, title: element.dataset.deckTitle};
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function Reviewer(mount, root) {
    this.mount = mount;
    this.cards = readCards(root);
    this.decks = readDecks(root);
    this.newPerDay = parseInt(mount.dataset.newPerDay, 10) || 20;
    this.current = null;
    this.shown = false;
    this.build();
    this.next();
  }

  Reviewer.prototype.build = function () {
    var self = this;
    var mount = this.mount;
    mount.querySelector(".flashcards-review__nojs").hidden = true;
    var bar = element("p", "flashcards-review__bar");
    var label = element("label", "", "Deck ");
    label.htmlFor = "flashcards-deck";
    this.select = element("select");
    this.select.id = "flashcards-deck";
    var all = element("option", "", "All cards (" + this.cards.length + ")");
    all.value = "all";
    this.select.appendChild(all);
    this.decks.forEach(function (deck) {
      var size = self.cards.filter(function (c) { return c.decks.indexOf(deck.id) >= 0; }).length;
      var option = element("option", "", deck.title + " (" + size + ")");
      option.value = deck.id;
      self.select.appendChild(option);
    });
    var chosen = store.get("settings").deck;
    this.select.value = this.decks.some(function (d) { return d.id === chosen; }) ? chosen : "all";
    bar.append(label, this.select);
    this.counts = element("p", "flashcards-review__counts");
    this.card = element("div", "flashcards-review__card");
    this.card.tabIndex = 0;
    this.card.setAttribute("role", "group");
    this.card.setAttribute("aria-roledescription", "flashcard");
    this.card.setAttribute("aria-describedby", "flashcards-keys");
    this.kind = element("p", "flashcards-review__kind");
    this.front = element("p", "flashcards-review__front");
    this.back = element("div", "flashcards-review__back");
    this.back.hidden = true;
    this.card.append(this.kind, this.front, this.back);
    var keys = element("p", "flashcards-review__keys",
      "Keys: Space or Enter shows the answer, then 1 Again, 2 Hard, 3 Good, 4 Easy.");
    keys.id = "flashcards-keys";
    this.show = element("button", "md-button md-button--primary flashcards-review__show", "Show answer");
    this.show.type = "button";
    this.grades = element("div", "flashcards-review__grades");
    this.grades.setAttribute("role", "group");
    this.grades.setAttribute("aria-label", "How well did you know it?");
    this.grades.hidden = true;
    this.buttons = GRADES.map(function (grade) {
      var button = element("button", "md-button flashcards-review__grade");
      button.type = "button";
      button.dataset.grade = grade[0];
      button.append(element("span", "flashcards-review__grade-name", grade[0] + " " + grade[2]),
        element("span", "flashcards-review__when"));
      button.addEventListener("click", function () { self.grade(grade); });
      self.grades.appendChild(button);
      return button;
    });
    this.status = element("p", "flashcards-review__status");
    this.status.setAttribute("role", "status");
    this.status.setAttribute("aria-live", "polite");
    mount.append(bar, this.counts, this.card, keys, this.show, this.grades, this.status);
    store.notice(mount);

    this.select.addEventListener("change", function () {
      store.update("settings", function (settings) { settings.deck = self.select.value; });
      self.next();
      self.say("Deck: " + self.select.options[self.select.selectedIndex].text + ". " + self.counts.textContent);
    });
    this.show.addEventListener("click", function () { self.flip(); });
    mount.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.target === self.select) { return; }
      if ((event.key === " " || event.key === "Enter") && event.target.tagName !== "BUTTON" && self.current && !self.shown) {
        event.preventDefault();
        self.flip();
        return;
      }
      var grade = GRADES.filter(function (g) { return g[0] === event.key; })[0];
      if (grade && self.current && self.shown) {
        event.preventDefault();
        self.grade(grade);
      }
    });
  };

  Reviewer.prototype.say = function (text) {
    this.status.textContent = text;
  };

  Reviewer.prototype.inDeck = function () {
    var deck = this.select.value;
    return this.cards.filter(function (c) { return deck === "all" || c.decks.indexOf(deck) >= 0; });
  };

  Reviewer.prototype.schedule = function (stored, id) {
    var entry = stored[id];
    return entry ? F.TypeConvert.card(entry.card) : null;
  };

  /* Picks the next card (due first, then new within today's allowance, then learning cards
     due soon) and counts what is due today in the chosen deck. */
  Reviewer.prototype.next = function () {
    var self = this;
    var stored = store.get("cards");
    var now = Date.now();
    var today = store.today();
    var newToday = Object.keys(stored).filter(function (id) { return stored[id].first === today; }).length;
    var allowance = Math.max(0, this.newPerDay - newToday);
    var seen = [], fresh = [];
    this.inDeck().forEach(function (c) {
      var card = self.schedule(stored, c.id);
      if (card) { seen.push({c: c, due: card.due.getTime(), state: card.state}); } else { fresh.push(c); }
    });
    seen.sort(function (a, b) { return a.due - b.due; });
    var dueNow = seen.filter(function (s) { return s.due <= now; });
    var soon = seen.filter(function (s) { return s.due > now && s.due <= now + LEARN_AHEAD; });
    var dueToday = seen.filter(function (s) { return s.due <= endOfToday(); }).length;
    var newCount = Math.min(allowance, fresh.length);
    var learned = seen.filter(function (s) { return s.state === F.State.Review; }).length;
    this.counts.textContent = "Due today: " + (dueToday + newCount) + " (" + dueToday + " to review, " + newCount +
      " new). Learned: " + learned + " of " + (seen.length + fresh.length) + ".";
    this.current = dueNow.length ? dueNow[0].c : newCount ? fresh[0] : soon.length ? soon[0].c : null;
    this.shown = false;
    this.back.hidden = true;
    this.back.textContent = "";
    this.grades.hidden = true;
    this.card.classList.remove("is-flipped");
    if (!this.current) {
      this.show.hidden = true;
      this.kind.textContent = "";
      var later = seen.filter(function (s) { return s.due > now; })[0];
      this.front.textContent = "Nothing is due in this deck" + (later ? "; the next card is due in " +
        interval(now, later.due) + "." : ".") + (fresh.length && !allowance ? " You have met today's " +
        this.newPerDay + " new cards; more tomorrow." : "") + " Choose another deck or come back later.";
      return;
    }
    this.show.hidden = false;
    this.kind.textContent = this.current.kind;
    this.front.textContent = this.current.front;
  };

  Reviewer.prototype.flip = function () {
    if (!this.current || this.shown) { return; }
    var self = this;
    this.shown = true;
    this.back.replaceChildren.apply(this.back, Array.prototype.map.call(this.current.back.childNodes,
      function (node) { return node.cloneNode(true); }));
    this.back.hidden = false;
    this.card.classList.add("is-flipped");
    this.show.hidden = true;
    var now = new Date();
    var stored = store.get("cards");
    var options = scheduler.repeat(this.schedule(stored, this.current.id) || F.createEmptyCard(now), now);
    this.buttons.forEach(function (button, index) {
      var due = options[GRADES[index][1]].card.due;
      button.querySelector(".flashcards-review__when").textContent = interval(now, due);
      button.setAttribute("aria-label", GRADES[index][2] + ", next in " + interval(now, due) + ", key " + GRADES[index][0]);
    });
    this.grades.hidden = false;
    this.card.focus();
    this.say("Answer: " + this.back.textContent.replace(/\s+/g, " ").trim());
  };

  Reviewer.prototype.grade = function (grade) {
    if (!this.current || !this.shown) { return; }
    var id = this.current.id;
    var now = new Date();
    var scheduled = null;
    var kept = store.update("cards", function (cards) {
      var entry = cards[id];
      var card = entry ? F.TypeConvert.card(entry.card) : F.createEmptyCard(now);
      scheduled = scheduler.next(card, now, grade[1]).card;
      cards[id] = {card: scheduled, first: entry && entry.first ? entry.first : store.today()};
    });
    this.next();
    this.card.focus();
    var message = grade[2] + ": next review in " + interval(now, scheduled.due) + "." +
      (kept ? "" : " Not kept after you leave: your browser is not saving.");
    this.say(message + (this.current ? " Next card: " + this.current.front : " " + this.front.textContent));
  };

  window.GuideFlashcards = {
    setUp: function (root) {
      root.querySelectorAll("[data-flashcards]").forEach(function (mount) {
        if (mount.dataset.ready) { return; }
        mount.dataset.ready = "true";
        new Reviewer(mount, root);
      });
    }
  };
})();
