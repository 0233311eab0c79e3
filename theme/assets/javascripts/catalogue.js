/* Catalogue filters.
 *
 * The catalogue works without JavaScript: every facet (career stage, service,
 * PCF domain …) has a static page, listed behind the "Filter" control. This
 * script puts the filter form there instead: it is open on wide screens and
 * closed on phones (results first), with the number of filters on shown
 * beside "Filter";
 * filters combine, the URL query says which are on (so a filtered view can be
 * shared, bookmarked, reloaded and come back to with Back:
 * /events/?stage=nqsw-asye&service=children&keyword=carers), the count of matching
 * events is announced to screen readers, and when the page holds only the
 * next events it fetches the full list (events/all/) the first time a filter
 * is used.
 *
 * The words searched for are in `keyword`, never `q`: Material's own site
 * search reads `q` and opens itself over the page. A link from before the
 * change (/events/?q=carers) still works: a small script in the page's head
 * (theme/main.html) moves its `q` to `keyword` before Material's bundle runs.
 */
(function () {
  "use strict";

  var KEYWORD = "keyword";

  /* Links that need this script (to the catalogue with filters set) are hidden until it runs. */
  function showScriptedLinks() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-cpd-js-only]"), function (element) {
      element.hidden = false;
    });
  }

  function start() {
    showScriptedLinks();
    var form = document.querySelector("[data-cpd-filters]");
    var list = document.querySelector("[data-cpd-list]");
    if (!form || !list || form.getAttribute("data-cpd-ready")) {
      return;
    }
    form.setAttribute("data-cpd-ready", "true");
    var count = document.querySelector("[data-cpd-count]");
    var none = document.querySelector("[data-cpd-none]");
    var more = document.querySelector("[data-cpd-more]");
    var browse = document.querySelector("[data-cpd-browse]");
    var panel = document.querySelector("[data-cpd-panel]");
    var active = document.querySelector("[data-cpd-active]");
    var total = parseInt(list.getAttribute("data-cpd-total") || "0", 10);
    var complete = list.children.length >= total;
    var loading = null;
    var fields = Array.prototype.filter.call(form.elements, function (el) {
      return el.name;
    });
    var initialCount = count ? count.textContent : "";

    form.hidden = false;
    if (browse) {
      browse.hidden = true;
    }
    if (panel && window.matchMedia && window.matchMedia("(min-width: 60em)").matches) {
      panel.open = true;
    }

    var query = new URLSearchParams(window.location.search);
    var moreFilters = form.querySelector("[data-cpd-more-filters]");
    fields.forEach(function (field) {
      if (query.has(field.name)) {
        field.value = query.get(field.name);
        if (field.value && moreFilters && moreFilters.contains(field)) {
          moreFilters.open = true;
        }
      }
    });

    function chosen() {
      var found = {};
      fields.forEach(function (field) {
        var value = (field.value || "").trim();
        if (value) {
          found[field.name] = value;
        }
      });
      return found;
    }

    function matches(card, filters) {
      for (var name in filters) {
        if (!Object.prototype.hasOwnProperty.call(filters, name)) {
          continue;
        }
        if (name === KEYWORD) {
          var text = card.getAttribute("data-text") || "";
          var words = filters[KEYWORD].toLowerCase().split(/\s+/);
          for (var i = 0; i < words.length; i += 1) {
            if (words[i] && text.indexOf(words[i]) === -1) {
              return false;
            }
          }
        } else {
          var values = (card.getAttribute("data-" + name) || "").split(" ");
          if (values.indexOf(filters[name]) === -1) {
            return false;
          }
        }
      }
      return true;
    }

    function loadAll() {
      if (!loading) {
        var address = list.getAttribute("data-cpd-all");
        loading = fetch(address, { credentials: "same-origin" })
          .then(function (response) {
            if (!response.ok) {
              throw new Error(response.status);
            }
            return response.text();
          })
          .then(function (html) {
            var page = new DOMParser().parseFromString(html, "text/html");
            var all = page.querySelector("[data-cpd-list]");
            if (!all) {
              return;
            }
            var base = new URL(address, window.location.href);
            Array.prototype.forEach.call(all.querySelectorAll("a[href]"), function (link) {
              link.setAttribute("href", new URL(link.getAttribute("href"), base).href);
            });
            list.innerHTML = all.innerHTML;
            complete = true;
            if (more) {
              more.hidden = true;
            }
          })
          .catch(function () {
            complete = true; /* filter what is on the page rather than fail */
          });
      }
      return loading;
    }

    function describe(shown, filters) {
      var names = Object.keys(filters);
      if (!names.length) {
        return initialCount;
      }
      return (shown === 1 ? "1 event matches" : shown + " events match") + " your filters.";
    }

    function paintActive(filters) {
      if (!active) {
        return;
      }
      var on = Object.keys(filters).length;
      active.hidden = on === 0;
      active.textContent = "";
      if (on) {
        active.appendChild(document.createTextNode(" (" + on + ")"));
        var words = document.createElement("span");
        words.className = "cpd-visually-hidden";
        words.textContent = on === 1 ? " filter on" : " filters on";
        active.appendChild(words);
      }
    }

    function apply() {
      var filters = chosen();
      paintActive(filters);
      if (Object.keys(filters).length && !complete) {
        loadAll().then(apply);
        return;
      }
      var shown = 0;
      Array.prototype.forEach.call(list.children, function (card) {
        var visible = matches(card, filters);
        card.hidden = !visible;
        if (visible) {
          shown += 1;
        }
      });
      if (count) {
        count.textContent = describe(shown, filters);
      }
      if (none) {
        none.hidden = shown !== 0;
      }
      var params = new URLSearchParams();
      fields.forEach(function (field) {
        if (filters[field.name]) {
          params.set(field.name, filters[field.name]);
        }
      });
      var search = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    }

    var timer = null;
    form.addEventListener("input", function (event) {
      if (event.target && event.target.name === KEYWORD) {
        window.clearTimeout(timer);
        timer = window.setTimeout(apply, 200);
      }
    });
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply();
    });
    form.addEventListener("reset", function () {
      window.setTimeout(apply, 0);
    });
    if (Object.keys(chosen()).length) {
      apply();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
