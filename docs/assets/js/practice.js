/* Loads the practice features only on the pages that use them: flashcards, My progress,
   a chapter's "Mark as read" and notes. Quiz scores (guide.js sends "guide:quiz-checked")
   are recorded on any page. The reader's data itself lives in store.js. */
(function () {
  "use strict";
  if (window.guidePractice) { return; }
  var script = document.currentScript;
  var base = script ? script.src.replace(/js\/practice\.js(\?.*)?$/, "") : "";
  /* selector -> files (in order, relative to assets/) and the object whose setUp(document) runs. */
  var FEATURES = [
    ["[data-flashcards]", ["vendor/ts-fsrs/ts-fsrs.umd.js", "js/store.js", "js/flashcards.js"], "GuideFlashcards"],
    ["[data-progress], [data-guide-data]", ["js/store.js", "js/progress.js"], "GuideProgress"],
    ["[data-chapter-practice]", ["js/store.js", "js/chapter.js"], "GuideChapter"]
  ];
  var loading = {};

  function load(file) {
    if (!loading[file]) {
      loading[file] = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = base + file;
        tag.onload = resolve;
        tag.onerror = function () { delete loading[file]; reject(new Error("could not load " + file)); };
        document.head.appendChild(tag);
      });
    }
    return loading[file];
  }

  function loadAll(files) {
    return files.reduce(function (done, file) { return done.then(function () { return load(file); }); }, Promise.resolve());
  }

  function setUp() {
    FEATURES.forEach(function (feature) {
      if (!document.querySelector(feature[0])) { return; }
      loadAll(feature[1]).then(function () { window[feature[2]].setUp(document); }, function () {
        /* offline and not cached: the page's own text (the no-script messages, the card list) stays */
      });
    });
  }

  document.addEventListener("guide:quiz-checked", function (event) {
    var detail = event.detail || {};
    loadAll(["js/store.js"]).then(function () {
      window.GuideStore.recordQuiz(detail.quiz, detail.score, detail.total);
    }, function () {});
  });

  window.guidePractice = {load: loadAll};
  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);  // Material's instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
