/* Compare areas: adds a region filter and sortable columns to the table.
   The full table works without this script; it only enhances it. No other site is contacted.
   Each fact is in the table once: the region is read from the column headed data-filter, a
   grade from its cell's class (grade--KEY), ranked by its column's data-ranks (best first). */
(function () {
  "use strict";
  var box = document.querySelector("[data-compare]");
  if (!box || box.getAttribute("data-enhanced")) return;
  box.setAttribute("data-enhanced", "true");
  var table = box.querySelector("table");
  var tbody = table.tBodies[0];
  var status = box.querySelector("[data-compare-status]");
  var rows = Array.prototype.slice.call(tbody.rows);
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var at = heads.findIndex(function (th) { return th.hasAttribute("data-filter"); });
  function region(r) { return r.cells[at].textContent.trim(); }
  var regions = [];
  rows.forEach(function (r) {
    var g = region(r);
    if (regions.indexOf(g) < 0) regions.push(g);
  });
  regions.sort();
  var order = "A to Z";

  var filter = document.createElement("p");
  filter.className = "compare__filter";
  var label = document.createElement("label");
  label.htmlFor = "compare-region";
  label.textContent = "Show areas in ";
  var select = document.createElement("select");
  select.id = "compare-region";
  select.add(new Option("all regions", ""));
  regions.forEach(function (g) { select.add(new Option(g, g)); });
  filter.appendChild(label);
  filter.appendChild(select);
  box.insertBefore(filter, status);

  function update() {
    var g = select.value, shown = 0;
    rows.forEach(function (r) {
      var on = !g || region(r) === g;
      r.hidden = !on;
      if (on) shown++;
    });
    status.textContent = shown + (shown === 1 ? " area" : " areas") +
      (g ? " in " + g : "") + ", " + order + ".";
  }
  select.addEventListener("change", update);

  var words = {
    text: [" A to Z", " Z to A"], date: [" newest first", " oldest first"],
    rank: [" best first", " worst first"]
  };
  // Each grade column's grades, best first; a grade not among them ("Not known") after them.
  var ranks = heads.map(function (th) { return (th.getAttribute("data-ranks") || "").split(" "); });
  function key(row, i, type) {
    var cell = row.cells[i];
    if (type === "rank") {
      var grade = cell.querySelector(".grade");
      if (!grade) return 999;  // not yet inspected
      var k = /(?:^|\s)grade--(\S+)/.exec(grade.className);
      var rank = ranks[i].indexOf(k ? k[1] : "");
      return rank < 0 ? ranks[i].length : rank;
    }
    var v = cell.getAttribute("data-sort");
    return v === null ? cell.textContent.trim() : v;
  }
  heads.forEach(function (th, i) {
    var type = th.getAttribute("data-sort-type") || "text";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "compare__sort";
    while (th.firstChild) button.appendChild(th.firstChild);
    th.appendChild(button);
    var name = button.textContent.trim();
    button.addEventListener("click", function () {
      // First click: A to Z, newest first, or best first; the next click turns it round.
      var first = th.getAttribute("data-sorted") !== "first";
      heads.forEach(function (h) { h.removeAttribute("aria-sort"); h.removeAttribute("data-sorted"); });
      th.setAttribute("data-sorted", first ? "first" : "second");
      var ascending = (type === "date") ? !first : first;
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      rows.sort(function (a, b) {
        var x = key(a, i, type), y = key(b, i, type);
        var xe = x === "" || x === 999, ye = y === "" || y === 999;
        if (xe !== ye) return xe ? 1 : -1;  // not inspected: always last
        var c = (type === "rank") ? x - y : String(x).localeCompare(String(y), "en-GB");
        if (c === 0) return key(a, 0, "text").localeCompare(key(b, 0, "text"), "en-GB");
        return ascending ? c : -c;
      });
      rows.forEach(function (r) { tbody.appendChild(r); });
      order = "sorted by " + name + words[type][first ? 0 : 1];
      update();
    });
  });
})();
