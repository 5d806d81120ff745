// Search results for the search page, from the Pagefind index built after the site.
// Pagefind keeps one index per <html lang>, so results stay in the page's language.
(function () {
  "use strict";
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var input = document.getElementById("search-page-input");
  if (!status || !list || !input) return;
  // Opened from a folder (the offline copy): the index cannot be loaded, so say so at once.
  if (window.location.protocol === "file:") {
    status.textContent = status.getAttribute("data-offline");
    return;
  }
  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  if (!query.trim()) return;

  function say(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, name) { return values[name]; });
  }

  var root = document.querySelector("script[data-site-root]").getAttribute("data-site-root");
  var bundle = new URL(root + "/pagefind/", window.location.href);
  status.textContent = status.getAttribute("data-busy");

  import(bundle.href + "pagefind.js").then(async function (pagefind) {
    await pagefind.options({ baseUrl: new URL(root + "/", window.location.href).pathname });
    var search = await pagefind.search(query);
    var results = await Promise.all(search.results.slice(0, 30).map(function (r) { return r.data(); }));
    list.textContent = "";
    results.forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = result.url;
      link.textContent = (result.meta && result.meta.title) || result.url;
      var excerpt = document.createElement("p");
      excerpt.innerHTML = result.excerpt; // Pagefind's excerpt: escaped page text with <mark>.
      item.appendChild(link);
      item.appendChild(excerpt);
      list.appendChild(item);
    });
    status.textContent = results.length
      ? say(status.getAttribute("data-count"), { count: search.results.length, query: query })
      : say(status.getAttribute("data-none"), { query: query });
  }).catch(function () {
    status.textContent = status.getAttribute("data-unavailable");
  });
})();
