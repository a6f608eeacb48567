/*
 * Errata's notice for a publisher's own article page. Include it where the notice should appear:
 *
 *   <script src="https://errata.example.org/embed.js" data-url="https://news.example/story" async></script>
 *
 * It asks Errata's public API (CORS, no credentials, no cookies) for the article's live
 * corrections and, when there are any, shows each one's summary and a link to it. No third-party
 * code, no innerHTML, no eval, no inline styles: it runs under a strict Content-Security-Policy
 * that allows Errata's origin in script-src and connect-src. Its look lives in a shadow root, so
 * neither page's styles leak into the other.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) {
    return;
  }
  var article = script.getAttribute("data-url") || window.location.href;
  var origin = new URL(script.src, window.location.href).origin;

  function el(name, text) {
    var node = document.createElement(name);
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function style(node, rules) {
    for (var k in rules) {
      if (Object.prototype.hasOwnProperty.call(rules, k)) {
        node.style[k] = rules[k];
      }
    }
    return node;
  }

  function show(answer) {
    var live = answer.corrections || [];
    if (live.length === 0) {
      return;
    }
    var host = el("div");
    host.className = "errata-embed";
    var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
    var box = style(el("aside"), {
      border: "1px solid #8a8f94",
      borderLeft: "4px solid #31556f",
      padding: "0.75em 1em",
      margin: "1em 0",
      font: "15px/1.5 system-ui, sans-serif",
      color: "#1f2326",
      background: "#f7f8f9"
    });
    box.setAttribute("role", "note");
    box.setAttribute("aria-label", "Corrections to this article");
    box.appendChild(
      style(el("p", live.length === 1 ? "This article has been corrected." : "This article has " + live.length + " corrections."), {
        margin: "0 0 0.5em",
        fontWeight: "bold"
      })
    );
    live.forEach(function (c) {
      var p = style(el("p"), { margin: "0 0 0.5em" });
      var quote = el("q", c.passage);
      p.appendChild(quote);
      p.appendChild(document.createTextNode(" " + c.summary + " "));
      var a = el("a", "Read the correction");
      a.href = origin + c.publicUrl;
      a.rel = "noopener";
      style(a, { color: "#1d4f91" });
      p.appendChild(a);
      box.appendChild(p);
    });
    var by = style(el("p"), { margin: "0", fontSize: "13px" });
    var home = el("a", "Errata");
    home.href = origin + "/";
    home.rel = "noopener";
    style(home, { color: "#1d4f91" });
    by.appendChild(document.createTextNode("Published by "));
    by.appendChild(home);
    by.appendChild(document.createTextNode(", checked by two editors."));
    box.appendChild(by);
    root.appendChild(box);
    script.parentNode.insertBefore(host, script.nextSibling);
  }

  fetch(origin + "/api/public/corrections?url=" + encodeURIComponent(article), {
    credentials: "omit",
    mode: "cors",
    headers: { Accept: "application/json" }
  })
    .then(function (r) {
      return r.ok ? r.json() : { corrections: [] };
    })
    .then(show)
    .catch(function () {
      /* Errata unreachable: the article stays as it is. */
    });
})();
