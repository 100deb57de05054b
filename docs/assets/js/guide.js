/* The guide's only script: tooltips for glossary terms and links, and quizzes. */
(function () {
  "use strict";
  if (window.guideScriptLoaded) { return; }
  window.guideScriptLoaded = true;
  document.documentElement.classList.add("js");

  /* -- Tooltips ------------------------------------------------------------
     One shared element, shown on hover and on keyboard focus, hidden by Esc.
     Much lighter than the theme's per-element tooltips (Lighthouse: blocking
     time on chapter pages). The title attribute stays for readers without JS. */
  var HOSTS = ".md-typeset abbr[title], .md-typeset abbr[data-tip], " +
              ".md-typeset a[title]:not(.headerlink), .md-typeset a[data-tip]";
  var tip = null;
  var current = null;

  function tooltipElement() {
    if (!tip || !document.body.contains(tip)) {
      tip = document.createElement("div");
      tip.id = "guide-tooltip";
      tip.className = "guide-tooltip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      document.body.appendChild(tip);
    }
    return tip;
  }

  function hostOf(target) {
    return target && target.closest ? target.closest(HOSTS) : null;
  }

  var GAP = 6;  // px between a term and its tooltip
  var HIDE_DELAY = 300;  // ms: time to move the pointer from a term onto its tooltip
  var hideTimer = null;

  /* Below the term, or above it when there is no room below (WCAG 1.4.13). */
  function place(element, host) {
    var box = host.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(box.left, width - element.offsetWidth - 8));
    var above = box.bottom + GAP + element.offsetHeight > window.innerHeight && box.top - GAP - element.offsetHeight >= 0;
    element.classList.toggle("is-above", above);
    element.style.left = (left + window.scrollX) + "px";
    element.style.top = (above ? box.top - GAP - element.offsetHeight : box.bottom + GAP) + window.scrollY + "px";
  }

  function showTip(host) {
    clearTimeout(hideTimer);
    if (current && current !== host) { hideTip(); }
    var text = host.getAttribute("title") || host.dataset.tip;
    if (!text) { return; }
    host.dataset.tip = text;
    host.removeAttribute("title");  // no native tooltip on top of ours
    var element = tooltipElement();
    element.textContent = text;
    element.hidden = false;
    place(element, host);
    host.setAttribute("aria-describedby", element.id);
    current = host;
  }

  function hideTip() {
    clearTimeout(hideTimer);
    if (!current) { return; }
    tooltipElement().hidden = true;
    current.removeAttribute("aria-describedby");
    current.setAttribute("title", current.dataset.tip);
    current = null;
  }

  /* The pointer may travel from the term onto the tooltip and stay there (hoverable). */
  function onTermOrTip(node) {
    return node && current && (current.contains(node) || (tip && tip.contains(node)));
  }

  document.addEventListener("mouseover", function (event) {
    var host = hostOf(event.target);
    if (host) { showTip(host); } else if (onTermOrTip(event.target)) { clearTimeout(hideTimer); }
  });
  document.addEventListener("mouseout", function (event) {
    if (!onTermOrTip(event.target) || onTermOrTip(event.relatedTarget)) { return; }
    if (document.activeElement === current) { return; }
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hideTip, HIDE_DELAY);
  });
  document.addEventListener("focusin", function (event) {
    var host = hostOf(event.target);
    if (host) { showTip(host); } else { hideTip(); }
  });
  document.addEventListener("focusout", function (event) {
    if (hostOf(event.target) === current) { hideTip(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { hideTip(); }
  });

  /* One tab stop per term: its first use on the page, and never inside a link
     (the link is already a tab stop and carries its own hover text). */
  function makeTermsFocusable(root) {
    var seen = {};
    root.querySelectorAll(".md-typeset abbr[title], .md-typeset abbr[data-tip]").forEach(function (abbr) {
      var text = abbr.getAttribute("title") || abbr.dataset.tip;
      if (abbr.closest("a") || seen[text]) { abbr.removeAttribute("tabindex"); return; }
      seen[text] = true;
      abbr.tabIndex = 0;
    });
  }

  /* -- Quizzes -------------------------------------------------------------
     Each quiz has one live region (.quiz-score): one announcement per action. */
  function shownItems(quiz) {
    return Array.prototype.filter.call(quiz.querySelectorAll(".quiz-item"), function (item) { return !item.hidden; });
  }

  function announce(quiz, text) {
    quiz.querySelector(".quiz-score").textContent = text;
  }

  function clearMarks(item) {
    item.querySelectorAll(".quiz-option").forEach(function (o) { o.classList.remove("is-correct", "is-chosen"); });
    item.querySelectorAll(".quiz-option-feedback").forEach(function (p) { p.hidden = true; });
    var feedback = item.querySelector(".quiz-feedback");
    feedback.textContent = "";
    feedback.classList.remove("is-right", "is-wrong");
    delete item.dataset.result;
  }

  function clearItem(item) {
    item.querySelectorAll("input[type=radio]").forEach(function (input) { input.checked = false; });
    clearMarks(item);
  }

  function optionText(input) {
    return input.labels[0].textContent.trim();
  }

  /* Shows the right answer and why, and why the chosen one is wrong if it is. */
  function checkItem(item) {
    clearMarks(item);
    var chosen = item.querySelector("input:checked");
    var correct = item.querySelector("input[data-correct]");
    var right = chosen === correct;
    [correct, chosen].forEach(function (input) {
      if (!input) { return; }
      var option = input.closest(".quiz-option");
      option.classList.add(input === correct ? "is-correct" : "is-chosen");
      option.querySelector(".quiz-option-feedback").hidden = false;
    });
    var feedback = item.querySelector(".quiz-feedback");
    feedback.classList.add(right ? "is-right" : "is-wrong");
    feedback.textContent = right ? "Correct." :
      (chosen ? "Not quite. " : "No answer chosen. ") + "Right answer: " + optionText(correct);
    item.dataset.result = right ? "right" : "wrong";
    return right;
  }

  function checkQuiz(quiz) {
    var items = shownItems(quiz);
    var score = items.filter(checkItem).length;
    announce(quiz, "Your score: " + score + " out of " + items.length + ".");
    /* For My progress (practice.js records it): which quiz, the score and out of how many. */
    quiz.dispatchEvent(new CustomEvent("guide:quiz-checked", {bubbles: true,
      detail: {quiz: quiz.id.replace(/^quiz-/, ""), score: score, total: items.length}}));
  }

  /* Keeps the answers that were right at the last check and clears the others;
     clears everything when nothing would be left to answer. */
  function retryQuiz(quiz) {
    var items = shownItems(quiz);
    var kept = items.filter(function (item) {
      var chosen = item.querySelector("input:checked");
      return item.dataset.result === "right" && chosen && chosen.dataset.correct === "true";
    });
    var keep = kept.length > 0 && kept.length < items.length;
    items.forEach(function (item) {
      if (keep && kept.indexOf(item) >= 0) { clearMarks(item); } else { clearItem(item); }
    });
    var cleared = items.length - kept.length;
    announce(quiz, keep ? "Kept your " + kept.length + " right " + (kept.length === 1 ? "answer" : "answers") +
      " and cleared the other " + cleared + ". Choose again, then check." :
      "Cleared all " + items.length + " answers. Start again, then check.");
  }

  function renumber(quiz) {
    shownItems(quiz).forEach(function (item, index) {
      item.querySelector(".quiz-number").textContent = (index + 1) + ".";
    });
    quiz.querySelectorAll(".quiz-group").forEach(function (group) {
      group.hidden = !group.querySelector(".quiz-item:not([hidden])");
    });
  }

  /* A fresh random set of `size` items (in page order); the rest are hidden. */
  function drawSet(quiz, size) {
    var items = Array.prototype.slice.call(quiz.querySelectorAll(".quiz-item"));
    var order = items.map(function (item, index) { return index; });
    for (var i = order.length - 1; i > 0; i -= 1) {
      var j = Math.floor(Math.random() * (i + 1));
      var swap = order[i]; order[i] = order[j]; order[j] = swap;
    }
    var picked = order.slice(0, size);
    items.forEach(function (item, index) { clearItem(item); item.hidden = picked.indexOf(index) < 0; });
    renumber(quiz);
    announce(quiz, "A fresh set of " + size + " questions, chosen at random from " + items.length + ". Answers cleared.");
  }

  function showAll(quiz) {
    var items = quiz.querySelectorAll(".quiz-item");
    items.forEach(function (item) { item.hidden = false; });
    renumber(quiz);
    announce(quiz, "All " + items.length + " questions shown; your answers are kept.");
  }

  function setUpQuizzes(root) {
    root.querySelectorAll("[data-quiz]").forEach(function (quiz) {
      if (quiz.dataset.ready) { return; }
      quiz.dataset.ready = "true";
      quiz.querySelector(".quiz-check").addEventListener("click", function () { checkQuiz(quiz); });
      quiz.querySelector(".quiz-retry").addEventListener("click", function () { retryQuiz(quiz); });
      var draw = quiz.querySelector(".quiz-draw");
      if (!draw) { return; }
      draw.hidden = false;
      var size = parseInt(quiz.dataset.draw, 10);
      draw.querySelector(".quiz-fresh").addEventListener("click", function () { drawSet(quiz, size); });
      draw.querySelector(".quiz-all").addEventListener("click", function () { showAll(quiz); });
    });
  }

  /* -- Blocks skipped at load ----------------------------------------------
     guide.css lets the browser skip the blocks below the first screen while
     the page loads. Once it is idle those below the screen are laid out, a few
     milliseconds' worth per idle moment (each block's layout is done here, so
     the time counts), so the page is ready before the reader scrolls there, and
     tools that read positions (axe's contrast check in Lighthouse) find every
     block in place. One block per idle moment, or waiting for idle moments on a
     page that never has one, left the glossary's last blocks skipped when
     Lighthouse's axe read them. */
  var LAYOUT_BUDGET_MS = 8;  // a phone 4x slower still stays under a 50 ms long task
  var LONGEST_WAIT_MS = 100;  // a turn at least this often, idle or not
  function skippedBlocks() {
    return Array.prototype.filter.call(document.querySelectorAll(".md-typeset > *"), function (el) {
      return getComputedStyle(el).contentVisibility === "auto";
    });
  }
  function layOut(block) { block.style.contentVisibility = "visible"; }

  function layOutSkippedBlocks() {
    // Without idle callbacks, or on a page opened at (or jumped to) a #part further down (blocks
    // growing above it would push it away), the browser lays out each block itself as it nears the screen.
    if (typeof requestIdleCallback !== "function" || location.hash) { return; }
    var blocks = null;
    var jumped = false;  // the reader went to a part of the page: as if opened there
    window.addEventListener("hashchange", function () { jumped = true; }, { once: true });
    function next() {
      if (jumped) { return; }
      blocks = blocks || skippedBlocks();
      var start = performance.now();
      do {
        var block = blocks.shift();
        // Above the screen (the reader jumped ahead), it too is left to the browser.
        if (block && block.getBoundingClientRect().bottom >= 0) {
          layOut(block);
          block.getBoundingClientRect();  // its layout, now, inside the budget
        }
      } while (blocks.length && performance.now() - start < LAYOUT_BUDGET_MS);
      if (blocks.length) { requestIdleCallback(next, { timeout: LONGEST_WAIT_MS }); }
    }
    requestIdleCallback(next, { timeout: LONGEST_WAIT_MS });
  }

  /* A link to a part of this page (the "Test yourself" link, the table of
     contents): the blocks above the part are laid out before the browser
     scrolls, so the scroll is measured on their real heights, not on the
     estimates of skipped blocks (laid out later, they grew or shrank above
     the part and left it off the screen). Material's instant navigation
     fetches and swaps in the page again on the first such link; the new copy
     is laid out down to the part, which is then brought back into view. */
  var jumpedTo = null;  // the #part a link within the page led to
  function partNamed(hash) {
    try {
      return hash ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    } catch (error) {  // a malformed #% link names no part
      return null;
    }
  }
  function layOutAbove(part) {
    var aboveOrAround = Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINED_BY;
    skippedBlocks().forEach(function (block) {
      if (block.compareDocumentPosition(part) & aboveOrAround) { layOut(block); }
    });
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    var part = link && link.origin === location.origin && link.pathname === location.pathname && partNamed(link.hash);
    if (part) {
      layOutAbove(part);
      jumpedTo = link.hash;
    }
  }, true);
  function returnToPartJumpedTo() {
    var part = location.hash === jumpedTo && partNamed(jumpedTo);
    jumpedTo = null;
    if (part) {
      layOutAbove(part);
      part.scrollIntoView();
    }
  }

  function setUp() {
    hideTip();
    makeTermsFocusable(document);
    setUpQuizzes(document);
    returnToPartJumpedTo();
    layOutSkippedBlocks();
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);  // Material's instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
