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

  function place(element, host) {
    var box = host.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(box.left, width - element.offsetWidth - 8));
    element.style.left = (left + window.scrollX) + "px";
    element.style.top = (box.bottom + window.scrollY + 6) + "px";
  }

  function showTip(host) {
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
    if (!current) { return; }
    tooltipElement().hidden = true;
    current.removeAttribute("aria-describedby");
    current.setAttribute("title", current.dataset.tip);
    current = null;
  }

  document.addEventListener("mouseover", function (event) {
    var host = hostOf(event.target);
    if (host) { showTip(host); }
  });
  document.addEventListener("mouseout", function (event) {
    var host = hostOf(event.target);
    if (host && host === current && !host.contains(event.relatedTarget) && document.activeElement !== host) { hideTip(); }
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

  function makeTermsFocusable(root) {
    root.querySelectorAll(".md-typeset abbr[title]").forEach(function (abbr) {
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
