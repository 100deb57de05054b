/* Scripts after the first paint (issue 13): Material's bundle restyles and measures the whole
   page as it starts, so when it runs during parsing a phone paints nothing until it is done.
   The bundle and extra_javascript sit inert in <template id="guide-scripts"> (overrides/main.html);
   after the first frame they run in their order. Material starts on DOMContentLoaded, which has
   usually passed by then, so it is sent again once the bundle has run.
   <html data-guide-scripts> is "loading" until the last script has run, then "ready". */
(function () {
  "use strict";
  var root = document.documentElement;
  var template = document.getElementById("guide-scripts");
  if (!template || root.hasAttribute("data-guide-scripts")) { return; }
  root.setAttribute("data-guide-scripts", "loading");
  var parsed = false;
  var started = false;
  document.addEventListener("DOMContentLoaded", function () { parsed = true; }, { once: true });

  function copyOf(original) {
    var script = document.createElement("script");
    Array.prototype.forEach.call(original.attributes, function (attribute) {
      script.setAttribute(attribute.name, attribute.value);
    });
    script.async = false;  // run in document order, as the template lists them
    return script;
  }

  function isMaterialBundle(script) {
    return /\/javascripts\/bundle\.[^/]*\.js$/.test(script.src);
  }

  function run() {
    if (started) { return; }
    started = true;
    var originals = template.content.querySelectorAll("script[src]");
    Array.prototype.forEach.call(originals, function (original, index) {
      var script = copyOf(original);
      var last = index === originals.length - 1;
      function done() {
        if (isMaterialBundle(script) && parsed) { document.dispatchEvent(new Event("DOMContentLoaded")); }
        if (last) { root.setAttribute("data-guide-scripts", "ready"); }
      }
      script.addEventListener("load", done);
      script.addEventListener("error", done);
      document.body.appendChild(script);
    });
    if (!originals.length) { root.setAttribute("data-guide-scripts", "ready"); }
  }

  // after the first frame and the next one's start: by then the first is on the screen
  requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(run, 0); }); });
  setTimeout(run, 1000);  // a tab opened in the background paints no frames
})();
