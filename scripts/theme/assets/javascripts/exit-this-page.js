/*
 * Exit this page, after the GOV.UK Design System component
 * (https://design-system.service.gov.uk/components/exit-this-page/).
 *
 * Every link marked `data-exit-this-page` already goes to a neutral site without JavaScript.
 * Here we make leaving faster and quieter: the page blanks at once, and the neutral site
 * replaces this page in the tab's history (location.replace), so Back does not return here.
 * Pressing Shift three times within 5 seconds does the same, as on GOV.UK. Any other key in
 * between (or Shift held for a capital letter) starts the count again.
 *
 * This cannot erase the browser's history: the safety pages say so.
 */
(function () {
  "use strict";
  var links = document.querySelectorAll("[data-exit-this-page]");
  if (!links.length) return;
  var url = links[0].getAttribute("href");
  var status = document.querySelector(".exit-this-page__indicator");
  var presses = 0;
  var timer = null;
  var lastKeyWasModified = false;

  function say(text) {
    if (status) status.textContent = text;
  }

  function leave(event) {
    if (event) event.preventDefault();
    document.documentElement.classList.add("exit-this-page--leaving");
    window.location.replace(url);
  }

  function reset() {
    presses = 0;
    if (timer) window.clearTimeout(timer);
    timer = null;
  }

  links.forEach(function (link) {
    link.addEventListener("click", leave);
    // The button has role="button", so Space must work as it does on a real button.
    link.addEventListener("keydown", function (event) {
      if (event.key === " " || event.key === "Spacebar") leave(event);
    });
  });

  document.addEventListener("keyup", function (event) {
    if (event.key === "Shift" && !lastKeyWasModified) {
      presses += 1;
      if (timer) window.clearTimeout(timer);
      if (presses >= 3) {
        reset();
        leave();
        return;
      }
      say(presses === 1 ? "Shift, press 2 more times to exit." : "Shift, press 1 more time to exit.");
      timer = window.setTimeout(function () {
        reset();
        say("Exit this page expired.");
      }, 5000);
    } else if (event.key !== "Shift" && presses) {
      reset();
      say("");
    }
    lastKeyWasModified = event.shiftKey;
  }, true);

  // Coming back through the browser's cache (Back after leaving another way): show the page.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      document.documentElement.classList.remove("exit-this-page--leaving");
      reset();
    }
  });
})();
