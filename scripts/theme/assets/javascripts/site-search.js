/*
 * The search box in the header (partials/site-search.html).
 *
 * - Councils first: a reader's first search is nearly always for their council. The list of
 *   councils (pagefind/places.json, a few KB, made by `python -m inspections search-index`) is
 *   fetched from this site when a reader first touches the box, never on page load, and
 *   matched as they type: names, full names, Ofsted's names, and for a council that no longer
 *   exists the councils that replaced it.
 * - Every page: Pagefind (pagefind/pagefind.js, its WebAssembly and index chunks, about 125 KB
 *   at national scale) is fetched only when the reader asks ("Search every page for ...", a
 *   button after the councils) or when no council matches what they typed.
 * - Nothing is stored (no cookies, no storage) and the words typed never reach the address bar
 *   or history: the box has no name and the form is never sent.
 * - On a young people's page, each council's first link is its young people's page, and in
 *   a search of every page young people's pages come first (each group in Pagefind's order of
 *   relevance), so a young person searching for their council finds its young people's page.
 * - Keyboard: Enter searches at once; Down arrow goes from the box to the results and along
 *   them, Up arrow back; Escape closes the results and returns to the box. No single-key
 *   shortcuts. What was found is announced (role=status).
 * - Browsers that cannot run this keep the box hidden: the menu and "Find your area" remain.
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-site-search]");
  if (!root || !("noModule" in HTMLScriptElement.prototype)) return;  // no import(): stay hidden
  var SHOWN = 5;  // results shown at a time (each page found fetches a short snippet)
  var site = new URL(root.getAttribute("data-site-search"), location.href).pathname;
  var open = root.querySelector(".site-search__open");
  var form = root.querySelector("form");
  var input = root.querySelector("input");
  var output = root.querySelector(".site-search__output");
  var status = root.querySelector(".site-search__status");
  var list = root.querySelector(".site-search__results");
  var audience = document.querySelector('meta[name="audience"]');
  var young = !!audience && audience.content === "young-people";
  var loading = null, placesLoading = null, timer = null, latest = 0, asked = "";
  var results = [], shown = 0, tail = null;  // tail: the "Search every page" item, kept last

  root.hidden = false;

  function councils() {
    if (!placesLoading) {
      placesLoading = fetch(site + "pagefind/places.json", { credentials: "same-origin" })
        .then(function (r) {
          if (!r.ok) throw new Error(r.status);
          return r.json();
        });
      placesLoading.catch(function () { placesLoading = null; });
    }
    return placesLoading;
  }

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

  function norm(text) {
    return text.toLowerCase().replace(/&/g, " and ").replace(/[^a-z0-9]+/g, " ").trim();
  }

  // How well a name matches (lower is better; -1 not at all): the whole name, its start, the
  // start of its words, anywhere in it.
  function fit(name, q) {
    var n = norm(name);
    if (n === q) return 0;
    if (n.indexOf(q) === 0) return 1;
    if ((" " + n).indexOf(" " + q) >= 0) return 2;
    return n.indexOf(q) >= 0 ? 3 : -1;
  }

  // Councils matching the words, best first: by their own name, then by another name (full
  // name, Ofsted's), then councils that no longer exist by the names of those that replaced them.
  function matching(places, words) {
    var q = norm(words), found = [];
    if (!q) return found;
    places.forEach(function (p) {
      var best = fit(p.n, q), replaced = p.ended || [];
      (p.also || []).forEach(function (name) {
        var f = fit(name, q);
        if (f >= 0) {
          f += replaced.indexOf(name) >= 0 ? 8 : 4;
          if (best < 0 || f < best) best = f;
        }
      });
      if (best >= 0) found.push({ place: p, fit: best });
    });
    found.sort(function (a, b) {
      return a.fit - b.fit || (a.place.n < b.place.n ? -1 : a.place.n > b.place.n ? 1 : 0);
    });
    return found.map(function (f) { return f.place; });
  }

  function link(href, text) {
    var a = document.createElement("a");
    a.href = site + href;
    a.textContent = text;
    return a;
  }

  // One council: its first link is its area page (its young people's page on a young people's
  // page), then its other pages, with its full name and, if it no longer exists, what replaced it.
  function placeItem(p) {
    var li = document.createElement("li");
    var pages = [["area", "Everything about " + p.n], ["yp", "For young people"],
                 ["fam", "For families"]];
    if (young && p.yp) {
      li.appendChild(link(p.yp, p.n + ", for young people"));
      pages.splice(1, 1);
    } else {
      li.appendChild(link(p.area, p.n));
      pages.shift();
    }
    var about = document.createElement("p");
    var other = (p.also || [])[0];
    var said = p.ended ? (p.ended.length ? "No longer exists; replaced by " +
      p.ended.join(" and by ") + "." : "No longer exists.") : other ? other + "." : "";
    about.appendChild(document.createTextNode(said));
    pages.forEach(function (page) {
      if (!p[page[0]]) return;
      if (about.textContent) about.appendChild(document.createTextNode(" "));
      about.appendChild(link(p[page[0]], page[1]));
    });
    li.appendChild(about);
    li.className = "site-search__place";
    return li;
  }

  function pageItem(data) {
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

  function button(text, onClick) {
    var li = document.createElement("li");
    li.className = "site-search__more";
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.addEventListener("click", function () { onClick(li); });
    li.appendChild(b);
    return li;
  }

  function add(li) {
    list.insertBefore(li, tail && tail.parentNode === list ? tail : null);
  }

  // results: functions that each give (a promise of) one list item.
  function showNext(run, focusFirst) {
    var next = results.slice(shown, shown + SHOWN);
    return Promise.all(next.map(function (make) { return make(); })).then(function (items) {
      if (run !== latest) return;
      var first = null;
      items.forEach(function (li) {
        first = first || li.querySelector("a");
        add(li);
      });
      shown += next.length;
      if (shown < results.length) {
        add(button("Show more results (" + (results.length - shown) + " more)", function (li) {
          li.remove();
          showNext(latest, true);
        }));
      }
      list.hidden = false;
      if (focusFirst && first) first.focus();
    });
  }

  function start(found, run) {
    results = found;
    shown = 0;
    tail = null;
    list.replaceChildren();
    return showNext(run, false);
  }

  function failed(run) {
    if (run !== latest) return;
    asked = "";
    list.hidden = true;
    say(root.hasAttribute("data-preview")
      ? "Search does not work in this preview. It works in the built site: run make site."
      : "Search is not working at the moment. Try Find your area.");
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

  // Search every page (Pagefind); ``before`` starts the status (e.g. "No council matches").
  function everyPage(words, run, before, focusFirst) {
    say(before + "Searching every page\u2026");
    return pagefind().then(function (pf) {
      return ordered(pf, words);
    }).then(function (found) {
      if (run !== latest) return;
      list.replaceChildren();
      if (!found.length) {
        list.hidden = true;
        say(before + "No page matches " + quoted(words) +
            ". Check the spelling, or try Find your area.");
        return;
      }
      return start(found.map(function (r) {
        return function () { return r.data().then(pageItem); };
      }), run).then(function () {
        if (run !== latest) return;
        say(before + (found.length === 1 ? "1 page" : found.length + " pages") + " found for " +
            quoted(words) + (young ? ". Pages for young people come first." : "."));
        if (focusFirst) {
          var first = list.querySelector("a");
          if (first) first.focus();
        }
      });
    }).catch(function () { failed(run); });
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
      councils().then(function (places) {
        if (run !== latest) return;
        var found = matching(places, words);
        if (!found.length) {
          return everyPage(words, run, "No council matches " + quoted(words) + ". ", false);
        }
        return start(found.map(function (p) {
          return function () { return Promise.resolve(placeItem(p)); };
        }), run).then(function () {
          if (run !== latest) return;
          tail = button("Search every page for " + quoted(words), function () {
            everyPage(words, ++latest, "", true);
          });
          list.appendChild(tail);
          say((found.length === 1 ? "1 council matches " : found.length + " councils match ") +
              quoted(words) + ". To look in every page, use the last button in the list.");
        });
      }).catch(function () { failed(run); });
    }, now === true ? 0 : 150);
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
    councils().catch(function () {});  // start fetching the councils while the reader types
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
