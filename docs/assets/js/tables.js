/* Tables wider than the screen: show a "Scroll sideways" cue above them and fade
   their right edge until they are scrolled to the end (styles in guide.css). */
(function () {
  "use strict";
  if (window.guideTablesLoaded) { return; }  // Material may run extra scripts again
  window.guideTablesLoaded = true;
  var CUE = "Scroll sideways to see the whole table \u2192";

  function cueFor(wrap) {
    var cue = wrap.previousElementSibling;
    if (!cue || !cue.classList.contains("scroll-cue")) {
      cue = document.createElement("p");
      cue.className = "scroll-cue";
      cue.textContent = CUE;
      wrap.parentNode.insertBefore(cue, wrap);
    }
    return cue;
  }

  /* Measure first, then change: reading sizes after each change would force one layout per table. */
  function measure(wrap) {
    return { wrap: wrap, hidden: wrap.scrollWidth - wrap.clientWidth, left: wrap.scrollLeft };
  }

  function apply(size) {
    var wrap = size.wrap;
    wrap.classList.toggle("is-scrollable", size.hidden > 1);
    wrap.classList.toggle("is-at-end", size.left >= size.hidden - 1);
    if (size.hidden > 1 || wrap.previousElementSibling && wrap.previousElementSibling.classList.contains("scroll-cue")) {
      cueFor(wrap).hidden = size.hidden <= 1;
    }
    keyboardScrollable(wrap, size.hidden > 1);
  }

  function mark(wrap) {
    apply(measure(wrap));
  }

  /* A region that scrolls must be reachable by keyboard (arrow keys scroll it once focused). */
  function keyboardScrollable(wrap, on) {
    if (on) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Table, scrolls sideways");
    } else if (wrap.hasAttribute("tabindex")) {
      ["tabindex", "role", "aria-label"].forEach(function (name) { wrap.removeAttribute(name); });
    }
  }

  function markAll() {
    Array.prototype.map.call(document.querySelectorAll(".md-typeset__scrollwrap"), measure).forEach(apply);
  }

  /* A table below the screen may not be laid out yet (content-visibility in guide.css): it is
     measured when it is, and again whenever it or its frame changes size. */
  var resized = typeof ResizeObserver === "function" ? new ResizeObserver(function (entries) {
    var wraps = [];
    entries.forEach(function (entry) {
      var wrap = entry.target.closest(".md-typeset__scrollwrap");
      if (wrap && wraps.indexOf(wrap) < 0) { wraps.push(wrap); }
    });
    wraps.map(measure).forEach(apply);
  }) : null;

  function setUp() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (!wrap.dataset.cue) {
        wrap.dataset.cue = "on";
        wrap.addEventListener("scroll", function () { mark(wrap); }, { passive: true });
        if (resized) {
          resized.observe(wrap);
          if (wrap.firstElementChild) { resized.observe(wrap.firstElementChild); }
        }
      }
    });
    if (!resized) { markAll(); }
  }

  if (!resized) { window.addEventListener("resize", markAll); }
  if (typeof document$ !== "undefined") {
    document$.subscribe(function () { requestAnimationFrame(setUp); });  // Material's instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
