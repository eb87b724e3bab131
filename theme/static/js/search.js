// The search page (/tim-kiem/, /en/search/): loads the Pagefind bundle written by
// plugins/bloc_search, folds the query exactly as the index was folded (fold.py), and
// lists results in an ordered list whose count is announced by a status region.
// Markup contract (theme/templates/search.html): #search[data-bundle][data-msg-*],
// form#search-form with input#search-q, #search-filters, #search-status, #search-results,
// #search-more, #search-nojs.

const PAGE_SIZE = 10;

const FALLBACK = {
  vi: {
    loading: "Đang tìm…",
    none: "Không có kết quả cho “{q}”.",
    one: "1 kết quả cho “{q}”.",
    many: "{n} kết quả cho “{q}”.",
    all: "{n} bài.",
    empty: "Nhập từ cần tìm.",
    error: "Không tải được bộ tìm kiếm. Hãy thử lại sau hoặc xem danh sách theo năm.",
    any: "Tất cả",
    year: "Năm",
    member: "Bộ, ngành",
    more: "Xem thêm kết quả",
  },
  en: {
    loading: "Searching…",
    none: "No results for “{q}”.",
    one: "1 result for “{q}”.",
    many: "{n} results for “{q}”.",
    all: "{n} items.",
    empty: "Enter words to search for.",
    error: "The search could not be loaded. Try again later or browse by year.",
    any: "All",
    year: "Year",
    member: "Member",
    more: "Show more results",
  },
};

// Same as plugins/bloc_search/fold.py: NFD, drop U+0300-U+036F, đ -> d, NFC.
export function fold(text) {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

function messages(root) {
  const lang = (document.documentElement.lang || "vi").slice(0, 2);
  const base = FALLBACK[lang] || FALLBACK.vi;
  const out = {};
  for (const key of Object.keys(base)) {
    out[key] = root.dataset["msg" + key[0].toUpperCase() + key.slice(1)] || base[key];
  }
  return out;
}

function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));
}

function element(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function filterSelect(name, label, counts, anyLabel, selected) {
  const id = "search-filter-" + name;
  const select = element("select", { id, name });
  select.append(element("option", { value: "", text: anyLabel }));
  const values = Object.keys(counts).sort((a, b) =>
    name === "year" ? b.localeCompare(a) : a.localeCompare(b, document.documentElement.lang));
  for (const value of values) {
    const option = element("option", { value, text: value });
    if (value === selected) option.selected = true;
    select.append(option);
  }
  return element("label", { for: id }, [element("span", { text: label }), select]);
}

async function start(root) {
  const msg = messages(root);
  const form = document.getElementById("search-form");
  const input = document.getElementById("search-q");
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  const more = document.getElementById("search-more");
  const filtersBox = document.getElementById("search-filters");
  const nojs = document.getElementById("search-nojs");
  if (!form || !input || !status || !list) return;
  if (nojs) nojs.hidden = true;

  let pagefind;
  try {
    const bundle = root.dataset.bundle || "/pagefind/";
    pagefind = await import(new URL("pagefind.js", new URL(bundle, document.baseURI)).href);
    await pagefind.options({ excerptLength: 30 });
    await pagefind.init();
  } catch (error) {
    status.textContent = msg.error;
    status.dataset.state = "error";
    return;
  }

  const params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";

  if (filtersBox) {
    const available = await pagefind.filters();
    const fieldset = element("div", { class: "search-filters" });
    for (const name of ["year", "member"]) {
      if (available[name] && Object.keys(available[name]).length) {
        fieldset.append(filterSelect(name, msg[name], available[name], msg.any, params.get(name)));
      }
    }
    if (fieldset.children.length) {
      filtersBox.replaceChildren(fieldset);
      filtersBox.hidden = false;
      fieldset.addEventListener("change", () => run(true));
    }
  }

  let results = [];
  let shown = 0;
  let latest = 0; // only the newest search may write to the page

  async function showMore(moveFocus, ticket = latest) {
    const slice = results.slice(shown, shown + PAGE_SIZE);
    const data = await Promise.all(slice.map((result) => result.data()));
    if (ticket !== latest) return;
    let first = null;
    for (const item of data) {
      const meta = item.meta || {};
      const link = element("a", { href: item.url, text: meta.title || item.url });
      const entry = element("li", {}, [element("h2", {}, [link])]);
      if (meta.date) entry.append(element("p", { class: "meta", text: meta.date }));
      if (meta.summary) entry.append(element("p", { text: meta.summary }));
      list.append(entry);
      first = first || link;
    }
    shown += slice.length;
    if (more) more.hidden = shown >= results.length;
    if (moveFocus && first) first.focus();
  }

  function currentFilters() {
    const filters = {};
    for (const select of filtersBox ? filtersBox.querySelectorAll("select") : []) {
      if (select.value) filters[select.name] = select.value;
    }
    return filters;
  }

  async function run(updateUrl) {
    const query = input.value.trim();
    const filters = currentFilters();
    if (updateUrl) {
      const next = new URLSearchParams();
      if (query) next.set("q", query);
      for (const [key, value] of Object.entries(filters)) next.set(key, value);
      const search = next.toString();
      history.replaceState(null, "", search ? "?" + search : window.location.pathname);
    }
    const ticket = ++latest;
    status.dataset.state = "busy";
    list.replaceChildren();
    if (more) more.hidden = true;
    results = [];
    shown = 0;
    if (!query && !Object.keys(filters).length) {
      status.textContent = msg.empty;
      status.dataset.state = "done";
      return;
    }
    status.textContent = msg.loading;
    const response = await pagefind.search(query ? fold(query) : null, { filters });
    if (ticket !== latest) return;
    results = response.results;
    await showMore(false, ticket);
    if (ticket !== latest) return;
    const n = results.length;
    const template = !query ? msg.all : n === 0 ? msg.none : n === 1 ? msg.one : msg.many;
    status.textContent = format(template, { n: n.toLocaleString(document.documentElement.lang), q: query });
    status.dataset.state = "done";
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run(true);
  });
  if (more) {
    more.textContent = msg.more;
    more.addEventListener("click", () => showMore(true));
  }
  root.dataset.ready = "true";
  if (input.value || Object.keys(currentFilters()).length) run(false);
}

const root = document.getElementById("search");
if (root) start(root);
