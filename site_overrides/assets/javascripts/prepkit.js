// prepkit: the theme's search dialog gets a name, so screen readers announce what opened.
(function () {
  var dialog = document.querySelector(".md-search[role='dialog']");
  if (dialog && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", "Search this site");
  }
})();
