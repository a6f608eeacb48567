/* Inside Errata's notice frame: tells the page around it how tall the notice is (0: nothing to show). */
(function () {
  "use strict";
  function tell() {
    var notice = document.querySelector(".errata-notice");
    var height = notice ? Math.ceil(notice.getBoundingClientRect().height) : 0;
    window.parent.postMessage({ errata: "height", height: height }, "*");
  }
  tell();
  window.addEventListener("resize", tell);
})();
