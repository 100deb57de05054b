/* Search on demand (issue 13): Material fetches the whole search index (about 200 KB
   compressed) on every page load and parses it on the main thread, which slows the first
   seconds on a phone. This holds that one request back until the reader shows they want to
   search: pointer over or focus on the search box, a tap on the search button, or a search
   key (/, s, f). Inlined before Material's bundle (overrides/main.html). */
(function () {
  "use strict";
  if (window.guideLoadSearch) { return; }  // already set up (a page may run its scripts again)
  var INDEX = /\/search\/search_index\.json$/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var wanted = false;
  var waiting = [];

  XMLHttpRequest.prototype.open = function (method, url) {
    this.guideSearchIndex = INDEX.test(String(url).split(/[?#]/)[0]);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.guideSearchIndex && !wanted) {
      waiting.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function load() {
    if (wanted) { return; }
    wanted = true;
    waiting.splice(0).forEach(function (held) { send.apply(held[0], held[1]); });
  }

  function inSearch(target) {
    return target instanceof Element && target.closest("[data-md-component=search], label[for=__search]") !== null;
  }

  ["pointerover", "pointerdown", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (event) { if (inSearch(event.target)) { load(); } }, true);
  });
  document.addEventListener("keydown", function (event) {
    if (["/", "s", "S", "f", "F"].indexOf(event.key) !== -1) { load(); }
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target instanceof Element && event.target.id === "__search") { load(); }
  }, true);
  if (/[?&]q=/.test(location.search)) { load(); }  // a shared search link opens search at once
  window.guideLoadSearch = load;  // for anything else that needs search at once
})();
