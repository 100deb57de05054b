/* "Print the chapter N handout": print that handout alone (guide.css hides the others).
   Without this script the button is a link to the handout, and printing a page opened
   at a handout's link prints that handout alone too (the :target rule in guide.css). */
(function () {
  "use strict";
  if (window.guideHandoutsLoaded) { return; }  // Material may run extra scripts again
  window.guideHandoutsLoaded = true;
  function finish() {
    document.documentElement.classList.remove("is-printing-one");
    document.querySelectorAll(".handout.is-printed").forEach(function (h) { h.classList.remove("is-printed"); });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-print-handout]");
    var heading = button && document.getElementById(button.getAttribute("data-print-handout"));
    var handout = heading && heading.closest(".handout");
    if (!handout) { return; }
    event.preventDefault();
    finish();
    document.documentElement.classList.add("is-printing-one");
    handout.classList.add("is-printed");
    window.print();
  });
  window.addEventListener("afterprint", finish);
})();
