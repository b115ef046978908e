/*
 * Small accessibility fixes to mkdocs-material's page that need the page to have run its
 * scripts first (both things below only exist once JavaScript runs):
 * - the menu button in the header (a label in material) can be reached with Tab and used
 *   with Enter or Space, and says whether it is open;
 * - a table too wide for the screen becomes a named, focusable region, so keyboard users can
 *   scroll it with the arrow keys (material wraps tables in .md-typeset__scrollwrap).
 */
(function () {
  "use strict";
  document.querySelectorAll(".md-header label.md-header__button[for='__drawer']")
    .forEach(function (label) {
      var toggle = document.getElementById(label.htmlFor);
      label.setAttribute("tabindex", "0");
      label.setAttribute("role", "button");
      label.setAttribute("aria-label", "Menu");
      function expanded() {
        label.setAttribute("aria-expanded", toggle && toggle.checked ? "true" : "false");
      }
      expanded();
      if (toggle) toggle.addEventListener("change", expanded);
      label.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          event.stopPropagation();  // material also clicks focused labels on Enter
          label.click();
        }
      });
    });

  function tables() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      var wide = wrap.scrollWidth > wrap.clientWidth + 1;
      var first = wrap.querySelector("caption, th");
      if (wide) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "Table" + (first && first.textContent.trim()
          ? ": " + first.textContent.trim() : "") + " (scroll sideways to see it all)");
      } else {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }
  // material wraps tables once the document is ready, and tells us through document$.
  if (window.document$) window.document$.subscribe(tables);
  else document.addEventListener("DOMContentLoaded", tables);
  var pending = null;
  window.addEventListener("resize", function () {
    window.clearTimeout(pending);
    pending = window.setTimeout(tables, 150);
  });
})();
