/* Print and PDF: a link to another site prints its address once per page, after its
   first use; links inside the guide print none (guide.css, "Print: link addresses").
   Material's instant navigation turns every link inside the guide into a full address,
   so CSS alone cannot tell the two apart: this marks the first link to each address
   elsewhere with data-print-address. Without JavaScript, links inside the guide stay
   relative and guide.css prints the address of every link to another site. */
(function () {
  "use strict";
  if (window.guidePrintLinksLoaded) { return; }  // Material may run extra scripts again
  window.guidePrintLinksLoaded = true;

  function markFirstUses() {
    var seen = new Set();
    document.querySelectorAll(".md-content a[href]").forEach(function (link) {
      link.removeAttribute("data-print-address");
      var url;
      try { url = new URL(link.href); } catch (error) { return; }
      if (!/^https?:$/.test(url.protocol) || url.origin === location.origin || seen.has(url.href)) { return; }
      seen.add(url.href);
      link.setAttribute("data-print-address", link.getAttribute("href"));
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(markFirstUses);  // Material's instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", markFirstUses);
  }
})();
