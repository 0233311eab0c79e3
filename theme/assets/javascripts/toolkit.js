/* The toolkit page's moments: a link to a file or a moment (#final-report-last-placement,
 * #asye-reviews) opens the moment that holds it, so the file is on screen. Browsers that
 * already open a closed <details> for a link's target do the same without this script.
 */
(function () {
  "use strict";

  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    if (!target) {
      return;
    }
    var opened = false;
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS" && !node.open) {
        node.open = true;
        opened = true;
      }
    }
    if (target.tagName === "DETAILS" && !target.open) {
      target.open = true;
      opened = true;
    }
    if (opened) {
      target.scrollIntoView();
    }
  }

  /* A moment opened near the foot of the screen is brought up, so its first file shows. */
  document.addEventListener(
    "toggle",
    function (event) {
      var moment = event.target;
      if (!moment.classList || !moment.classList.contains("cpd-moment") || !moment.open) {
        return;
      }
      var box = moment.getBoundingClientRect();
      if (box.top < 0 || box.top > window.innerHeight * 0.4) {
        moment.scrollIntoView({ block: "start" });
      }
    },
    true
  );
  window.addEventListener("hashchange", reveal);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", reveal);
  } else {
    reveal();
  }
})();
