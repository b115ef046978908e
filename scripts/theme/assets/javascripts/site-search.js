/*
 * The search box in the header (partials/site-search.html), with Pagefind's JavaScript API.
 *
 * - Pagefind (pagefind/pagefind.js, its WebAssembly and index chunks) is fetched from this site
 *   only when a reader first uses the box, never on page load.
 * - Nothing is stored (no cookies, no storage) and the words typed never reach the address bar
 *   or history: the box has no name and the form is never sent.
 * - On a young people's page, results that are young people's pages come first (each group in
 *   Pagefind's order of relevance), so a young person searching for their council finds its
 *   young people's page first.
 * - Keyboard: Enter searches at once; Down arrow goes from the box to the results and along
 *   them, Up arrow back; Escape closes the results and returns to the box. No single-key
 *   shortcuts. The number of results is announced (role=status).
 * - Browsers that cannot run this keep the box hidden: the menu and "Find your area" remain.
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-site-search]");
  if (!root || !("noModule" in HTMLScriptElement.prototype)) return;  // no import(): stay hidden
  var SHOWN = 5;  // results fetched and shown at a time (each fetches a short snippet)
  var site = new URL(root.getAttribute("data-site-search"), location.href).pathname;
  var open = root.querySelector(".site-search__open");
  var panel = root.querySelector(".site-search__panel");
  var form = root.querySelector("form");
  var input = root.querySelector("input");
  var output = root.querySelector(".site-search__output");
  var status = root.querySelector(".site-search__status");
  var list = root.querySelector(".site-search__results");
  var audience = document.querySelector('meta[name="audience"]');
  var young = !!audience && audience.content === "young-people";
  var loading = null, timer = null, latest = 0, results = [], shown = 0, asked = "";

  root.hidden = false;

  function pagefind() {
    if (!loading) {
      loading = import(site + "pagefind/pagefind.js").then(function (pf) {
        return pf.options({ baseUrl: site, excerptLength: 14, noWorker: true }).then(function () {
          return pf.init();  // its WebAssembly and the list of pages, before the first search
        }).then(function () {
          return pf;
        });
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  function say(text) {
    output.classList.add("is-open");
    status.textContent = text;
  }

  function close() {
    output.classList.remove("is-open");
    list.hidden = true;
  }

  function setOpen(on, focus) {
    open.setAttribute("aria-expanded", on ? "true" : "false");
    root.classList.toggle("site-search--expanded", on);
    if (on && focus !== false) input.focus();
  }

  // Leaving search closes what it drew over the page, so it never hides what has focus next.
  function leave() {
    close();
    if (root.classList.contains("site-search--expanded")) setOpen(false, false);
  }

  function quoted(words) {
    return "\u2018" + words + "\u2019";
  }

  // Young people's pages first on a young people's page; otherwise Pagefind's own order.
  function ordered(pf, words) {
    var all = pf.search(words);
    if (!young) return all.then(function (found) { return found.results; });
    var theirs = pf.search(words, { filters: { audience: "young-people" } });
    return Promise.all([theirs, all]).then(function (both) {
      var first = both[0].results, seen = {};
      first.forEach(function (r) { seen[r.id] = true; });
      return first.concat(both[1].results.filter(function (r) { return !seen[r.id]; }));
    });
  }

  function item(data) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = data.url;
    a.textContent = (data.meta && data.meta.title) || data.url;
    li.appendChild(a);
    var text = new DOMParser().parseFromString(data.excerpt || "", "text/html").body.textContent;
    if (text) {
      var p = document.createElement("p");
      p.textContent = text.trim() + "\u2026";
      li.appendChild(p);
    }
    return li;
  }

  function more() {
    var li = document.createElement("li");
    li.className = "site-search__more";
    var b = document.createElement("button");
    b.type = "button";
    var left = results.length - shown;
    b.textContent = "Show more results (" + left + " more)";
    b.addEventListener("click", function () {
      li.remove();
      showNext(latest, true);
    });
    li.appendChild(b);
    list.appendChild(li);
  }

  function showNext(run, focusFirst) {
    var next = results.slice(shown, shown + SHOWN);
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (data) {
      if (run !== latest) return;
      var first = null;
      data.forEach(function (d) {
        var li = item(d);
        first = first || li.querySelector("a");
        list.appendChild(li);
      });
      shown += next.length;
      if (shown < results.length) more();
      list.hidden = false;
      if (focusFirst && first) first.focus();
    });
  }

  function search(now) {
    window.clearTimeout(timer);
    var words = input.value.trim();
    if (words === asked && now !== true) return;
    asked = words;
    var run = ++latest;
    if (!words) {
      list.replaceChildren();
      status.textContent = "";
      close();
      return;
    }
    timer = window.setTimeout(function () {
      say("Searching\u2026");
      pagefind().then(function (pf) {
        return ordered(pf, words);
      }).then(function (found) {
        if (run !== latest) return;
        results = found;
        shown = 0;
        list.replaceChildren();
        if (!found.length) {
          list.hidden = true;
          say("No results for " + quoted(words) + ". Check the spelling, or try Find your area.");
          return;
        }
        return showNext(run, false).then(function () {
          if (run !== latest) return;
          say((found.length === 1 ? "1 result" : found.length + " results") + " for " +
              quoted(words) + (young ? ". Pages for young people come first." : "."));
        });
      }).catch(function () {
        if (run !== latest) return;
        asked = "";
        list.hidden = true;
        say(root.hasAttribute("data-preview")
          ? "Search does not work in this preview. It works in the built site: run make site."
          : "Search is not working at the moment. Try Find your area.");
      });
    }, now === true ? 0 : 250);
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a, button"));
  }

  open.addEventListener("click", function () {
    setOpen(open.getAttribute("aria-expanded") !== "true");
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    search(true);
  });
  input.addEventListener("input", search);
  input.addEventListener("focus", function () {
    pagefind().catch(function () {});  // start fetching while the reader types
    if (input.value.trim() && status.textContent) output.classList.add("is-open");
    if (list.childElementCount) list.hidden = false;
  });
  root.addEventListener("keydown", function (event) {
    var items = links(), at = items.indexOf(document.activeElement);
    if (event.key === "Escape") {
      if (output.classList.contains("is-open")) {
        close();
        input.focus();
      } else if (root.classList.contains("site-search--expanded")) {
        setOpen(false);
        open.focus();
      } else return;
      event.preventDefault();
    } else if (event.key === "ArrowDown" && !list.hidden && items.length) {
      event.preventDefault();
      items[Math.min(at + 1, items.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : items[at - 1]).focus();
    }
  });
  // Results (and the panel on narrow screens) close when focus or a tap goes elsewhere on the
  // page; the words stay.
  root.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !root.contains(event.relatedTarget)) leave();
  });
  document.addEventListener("pointerdown", function (event) {
    if (!root.contains(event.target)) leave();
  });
})();
