/* The guide's only script: glossary tooltips for keyboard users, and quizzes. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

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
    feedback.textContent = right ? "Correct." : "Not quite: read why below, then try again.";
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
    makeTermsFocusable(document);
    setUpQuizzes(document);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);  // Material's instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
