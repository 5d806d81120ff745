/* The main menu's button on phones: inlined in every page's head, so the menu is
   folded before the first paint. Without JavaScript the button stays hidden and the
   menu open; wide screens never show the button. */
document.documentElement.classList.add("js");
document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest(".menu-toggle") : null;
  if (button) {
    button.setAttribute("aria-expanded", String(button.getAttribute("aria-expanded") !== "true"));
  }
});
document.addEventListener("keydown", function (event) {
  var button = document.querySelector(".menu-toggle[aria-expanded='true']");
  if (event.key === "Escape" && button) {
    button.setAttribute("aria-expanded", "false");
    button.focus();
  }
});
