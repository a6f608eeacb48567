/*
 * Errata's notice for a publisher's own article page. Include it where the notice should appear:
 *
 *   <script src="https://errata.example.org/embed.js" data-url="https://news.example/story" async></script>
 *
 * It puts a frame there showing Errata's notice page for the article (/embed/notice?url=…): the
 * notice lives on Errata's origin under Errata's own strict Content-Security-Policy, sets no cookie,
 * and loads nothing from anywhere else. The frame tells this script its height; when the article
 * has no live corrections it stays hidden. No third-party code, no eval, no innerHTML: the page
 * needs only script-src and frame-src for Errata's origin.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) {
    return;
  }
  var article = script.getAttribute("data-url") || window.location.href;
  var origin = new URL(script.src, window.location.href).origin;
  var frame = document.createElement("iframe");
  frame.className = "errata-embed";
  frame.title = "Corrections to this article (Errata)";
  frame.src = origin + "/embed/notice?url=" + encodeURIComponent(article);
  frame.setAttribute("referrerpolicy", "no-referrer");
  frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-top-navigation-by-user-activation allow-popups");
  frame.style.border = "0";
  frame.style.width = "100%";
  // Laid out but flat until the notice says how tall it is, so nothing shows when there is none.
  frame.style.height = "0";
  frame.style.display = "block";
  frame.style.margin = "0";
  window.addEventListener("message", function (event) {
    if (event.origin !== origin || event.source !== frame.contentWindow) {
      return;
    }
    var data = event.data || {};
    if (data.errata !== "height" || typeof data.height !== "number") {
      return;
    }
    frame.style.height = Math.min(Math.max(0, data.height), 2000) + "px";
    frame.style.margin = data.height > 0 ? "1em 0" : "0";
  });
  script.parentNode.insertBefore(frame, script.nextSibling);
})();
