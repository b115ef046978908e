/* Find your area: adds a filter-as-you-type box to the lists of councils.
   The full lists work without this script; it only hides the councils that do not match.
   No other site is contacted. */
(function () {
  "use strict";
  var box = document.querySelector("[data-find]");
  if (!box || box.getAttribute("data-enhanced")) return;
  box.setAttribute("data-enhanced", "true");
  var status = box.querySelector("[data-find-status]");
  var lists = Array.prototype.slice.call(document.querySelectorAll("[data-find-list]"));
  var total = box.getAttribute("data-count");

  var filter = document.createElement("p");
  filter.className = "find__filter";
  var label = document.createElement("label");
  label.htmlFor = "find-area";
  label.textContent = "Type part of the name of your council or area";
  var input = document.createElement("input");
  input.type = "search";
  input.id = "find-area";
  input.autocomplete = "off";
  input.spellcheck = false;
  filter.appendChild(label);
  filter.appendChild(input);
  box.insertBefore(filter, status);

  function norm(text) {
    return text.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }
  function update() {
    var q = norm(input.value), found = {};
    lists.forEach(function (list) {
      var any = false;
      Array.prototype.forEach.call(list.querySelectorAll("li"), function (li) {
        // The item's words: the council's name, and for a council that no longer exists,
        // the councils that replaced it (so typing a new council's name finds the old ones).
        var on = !q || norm(li.textContent).indexOf(q) >= 0;
        li.hidden = !on;
        if (on) {
          any = true;
          found[li.querySelector("a").getAttribute("href")] = true;
        }
      });
      list.hidden = !any;
      var heading = list.previousElementSibling;
      if (heading && /^H[2-6]$/.test(heading.tagName)) heading.hidden = !any;
    });
    var count = Object.keys(found).length;
    status.textContent = !q ? total + " councils." :
      count === 0 ? "No council matches \u201c" + input.value.trim() + "\u201d." :
      count + (count === 1 ? " council matches" : " councils match") +
        " \u201c" + input.value.trim() + "\u201d.";
  }
  input.addEventListener("input", update);
})();
