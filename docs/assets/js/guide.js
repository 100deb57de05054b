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

  function resetQuiz(quiz) {
    quiz.querySelectorAll("input[type=radio]").forEach(function (input) { input.checked = false; });
    quiz.querySelectorAll(".quiz-option").forEach(function (o) { o.classList.remove("is-correct"); });
    quiz.querySelectorAll(".quiz-option-feedback").forEach(function (p) { p.hidden = true; });
    quiz.querySelectorAll(".quiz-feedback").forEach(function (p) {
      p.textContent = ""; p.classList.remove("is-right", "is-wrong");
    });
    quiz.querySelector(".quiz-score").textContent = "";
  }

  function checkItem(item) {
    var chosen = item.querySelector("input:checked");
    var feedback = item.querySelector(".quiz-feedback");
    item.querySelectorAll(".quiz-option-feedback").forEach(function (p) { p.hidden = true; });
    feedback.classList.remove("is-right", "is-wrong");
    if (!chosen) { feedback.textContent = "No answer chosen yet."; return false; }
    var right = chosen.dataset.correct === "true";
    var option = chosen.closest(".quiz-option");
    option.querySelector(".quiz-option-feedback").hidden = false;
    feedback.classList.add(right ? "is-right" : "is-wrong");
    feedback.textContent = right ? "Correct." : "Not quite: see why under your answer, then try again.";
    return right;
  }

  function checkQuiz(quiz) {
    var items = quiz.querySelectorAll(".quiz-item");
    var score = 0;
    items.forEach(function (item) { if (checkItem(item)) { score += 1; } });
    /* The quiz's one live region: a single announcement per check. */
    quiz.querySelector(".quiz-score").textContent = "Your score: " + score + " out of " + items.length + ".";
  }

  function setUpQuizzes(root) {
    root.querySelectorAll("[data-quiz]").forEach(function (quiz) {
      if (quiz.dataset.ready) { return; }
      quiz.dataset.ready = "true";
      quiz.querySelector(".quiz-check").addEventListener("click", function () { checkQuiz(quiz); });
      quiz.querySelector(".quiz-retry").addEventListener("click", function () { resetQuiz(quiz); });
    });
  }

  function setUp() {
    hideTip();
    makeTermsFocusable(document);
    setUpQuizzes(document);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);  // Material's instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
