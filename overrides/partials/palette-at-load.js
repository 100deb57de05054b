/* Material's palette marks <body> with data-md-color-switching for a frame whenever it applies a
   colour scheme, page load included, and its stylesheet turns transitions off for every element
   under that mark: setting and clearing it restyles the whole page twice. At load nothing switches
   (Material's head script has already put the scheme on <body>), so the mark waits for the
   reader's first use of the toggle, or a change of the system's scheme. Saves two full restyles
   per page load (issue 13). */
(function () {
  "use strict";
  var body = document.body;
  if (!body || body.guidePaletteAtLoad) { return; }
  body.guidePaletteAtLoad = true;
  var MARK = "data-md-color-switching";
  var switching = false;
  function allow() { switching = true; }
  document.addEventListener("change", function (event) {
    if (event.target && event.target.name === "__palette") { allow(); }  // the toggle, by mouse or keyboard
  }, true);
  if (window.matchMedia) {
    var system = window.matchMedia("(prefers-color-scheme: light)");
    if (system.addEventListener) { system.addEventListener("change", allow); }
  }
  var setAttribute = body.setAttribute;
  body.setAttribute = function (name, value) {
    if (name === MARK && !switching) { return; }
    return setAttribute.call(this, name, value);
  };
})();
