/* Material's instant navigation writes every link on the page as a full address once its script
   runs, <head>'s stylesheets included, and Chrome loads a stylesheet again when its href is set,
   even to the address it has: a second download and a restyle of the whole page, after the first
   paint. Written here in full, right after <head>'s links, the stylesheets are still loading, and
   Material leaves a full address alone (issue 13). */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("head link[href]"), function (link) {
    if (link.getAttribute("href") !== link.href) { link.href = link.href; }
  });
})();
