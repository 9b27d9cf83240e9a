// Faceted search over this language's Pagefind index.
//
// The facet form is rendered on the server in the page's language (labels, group order,
// value order); this module only makes it live. State lives in the query string:
//   ?q=words&theme=integration-training&theme=…&region=pohjanmaa&sort=newest
// Filter values are vocabulary codes, so a shared URL means the same in both languages.
// Within a group the chosen values are OR-ed; across groups they are AND-ed.

const PAGE_SIZE = 10;
const form = document.querySelector("[data-search]");
if (form) start(form);

async function start(form) {
  const status = form.querySelector("#search-status");
  const list = form.querySelector("[data-search-results]");
  const more = form.querySelector("[data-search-more]");
  const note = form.querySelector("[data-search-note]");
  const dropped = form.querySelector("[data-search-dropped]");
  const facetsBox = form.querySelector("[data-facets]");
  const chosenCount = form.querySelector("[data-chosen-count]");
  const chosenList = form.querySelector("[data-search-chosen]");
  const clearAll = form.querySelector("button[type=reset]");
  const langSwitch = document.querySelector(".lang-switch");
  const otherLanguagePage = langSwitch && langSwitch.getAttribute("href");
  const groups = [...form.querySelectorAll("[data-facet]")].map((el) => el.dataset.facet);
  const text = form.dataset;

  let pagefind;
  let pageFacets;
  let wordKeys;
  if (Number(text.total) === 0) {
    // No practice in this language yet: the build made no Pagefind index of it either.
    status.textContent = text.none;
    list.setAttribute("aria-busy", "false");
    return;
  }
  try {
    // Pagefind loads beside the facet map, not after it, and with words to search for (a
    // shared link, words typed before the page was ready) so does its index, at once: on a
    // slow connection each of these round trips waited for the one before. Browsing without
    // words needs no index.
    const words = new URLSearchParams(location.search).get("q") || form.elements.q.value.trim();
    const loading = loadPagefind(text.bundle, text.base, Boolean(words));
    ({ pageFacets, wordKeys } = await loadFacets(`${text.bundle}facets.${document.documentElement.lang}.json`));
    pagefind = await loading;
  } catch (error) {
    console.error(error);
    status.textContent = text.error;
    list.setAttribute("aria-busy", "false");
    return;
  }

  // State ------------------------------------------------------------------------------

  // A value the vocabulary does not have (a mistyped or retired code in a shared link) is
  // left out rather than matching nothing, so the link still filters by the rest, and the
  // reader is told which (`dropped`). An order the page does not offer is the default one.
  // A code replaced by another in the vocabulary chooses the new one.
  const codes = {};
  const replaced = {};
  for (const group of groups) {
    codes[group] = new Set([...form.querySelectorAll(`input[name="${group}"]`)].map((input) => input.value));
    const box = form.querySelector(`[data-facet="${group}"]`);
    replaced[group] = new Map(Object.entries(JSON.parse(box.dataset.replaced || "{}")));
  }
  const sorts = new Set([...form.elements.sort.options].map((option) => option.value));

  function stateFromUrl() {
    const params = new URLSearchParams(location.search);
    const filters = {};
    const dropped = [];
    for (const group of groups) {
      const values = params.getAll(group).map((value) => replaced[group].get(value) ?? value);
      filters[group] = [...new Set(values.filter((value) => codes[group].has(value)))];
      dropped.push(...values.filter((value) => !codes[group].has(value)));
    }
    const sort = sorts.has(params.get("sort")) ? params.get("sort") : "";
    return { q: params.get("q") || "", sort, filters, dropped: [...new Set(dropped)] };
  }

  function stateFromForm() {
    const filters = {};
    for (const group of groups) {
      filters[group] = [...form.querySelectorAll(`input[name="${group}"]:checked`)].map((i) => i.value);
    }
    return { q: form.elements.q.value.trim(), sort: form.elements.sort.value, filters, dropped: [] };
  }

  function showState(state) {
    form.elements.q.value = state.q;
    form.elements.sort.value = state.sort;
    for (const group of groups) {
      const chosen = new Set(state.filters[group]);
      for (const input of form.querySelectorAll(`input[name="${group}"]`)) {
        input.checked = chosen.has(input.value);
      }
      if (chosen.size) form.querySelector(`[data-facet="${group}"]`).open = true;
    }
  }

  function urlOf(state) {
    const params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    for (const group of groups) for (const value of state.filters[group]) params.append(group, value);
    if (state.sort) params.set("sort", state.sort);
    const query = params.toString();
    return location.pathname + (query ? `?${query}` : "");
  }

  // Searching --------------------------------------------------------------------------

  // Finnish inflects by changing the end of the stem (koulutus → koulutuksessa, Turku →
  // Turussa), which Pagefind's Snowball stemmer does not undo. Every practice page has a
  // low-weight section of its words' lemmas (search_words.py), and the build writes, per first
  // two letters, the inflected forms of the catalogue's lemmas: a word typed is also searched
  // as its lemma. Pagefind matches prefixes, so a search with each long Finnish word cut to its
  // first ~60 % finds forms the files do not know. Exact matches stay first.
  const lang = document.documentElement.lang;
  const WORDS_ANCHOR = "search-words";
  const wordFiles = new Map();

  function fold(word) {
    return word.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
  }

  function wordFile(word) {
    const key = [...fold(word).slice(0, 2)].map((c) => (/[a-z0-9]/.test(c) ? c : "_")).join("").padEnd(2, "_");
    const empty = { forms: {}, words: [] };
    if (!wordKeys.has(key)) return empty;
    if (!wordFiles.has(key)) {
      const loaded = fetch(`${text.bundle}words/${lang}/${key}.json`)
        .then((response) => (response.ok ? response.json() : empty))
        .catch(() => empty);
      wordFiles.set(key, loaded);
    }
    return wordFiles.get(key);
  }

  async function lemmaOf(word) {
    const { forms } = await wordFile(word);
    const lower = word.toLowerCase();
    if (forms[lower]) return forms[lower];
    const folded = fold(word);
    const match = Object.keys(forms).find((form) => fold(form) === folded);
    return match ? forms[match] : null;
  }

  function widened(word) {
    if (lang !== "fi" || word.length < 8) return word;
    return word.slice(0, Math.max(6, Math.round(word.length * 0.6)));
  }

  // Pagefind answers a word no indexed word starts with by the longest indexed word that is a
  // prefix of it ("se" for "seksuaaliterveys"). Such an answer is no match: a search counts
  // only when every word it asked for shares its stem with a matched word: all its letters but
  // an ending of at most five, and at least half of them.
  const letters = (word, exact) => (exact ? word.toLowerCase() : fold(word)).replace(/[^\p{L}\p{N}]/gu, "");

  function sharesStem(matched, asked, exact = false) {
    const a = letters(asked, exact);
    const m = letters(matched, exact);
    let common = 0;
    while (common < a.length && common < m.length && a[common] === m[common]) common += 1;
    return common >= Math.max(Math.ceil(a.length / 2), a.length - 5);
  }

  function matchedWords(page) {
    const content = page.content.split(/[\r\n\s]+/g);
    return page.locations.map((location) => content[location] || "");
  }

  // Pagefind matches "saa" to "sää" as well, ranking the word as typed a little higher; among
  // the first results shown, those with the words exactly as typed (ä, ö and å included)
  // come first, so "sää" (weather) is not swamped by "saa" (gets), nor the other way round.
  async function searchWords(words, reorder) {
    const results = (await pagefind.search(words.join(" "))).results;
    if (!results.length) return [];
    const top = await Promise.all(results.slice(0, reorder ? PAGE_SIZE : 1).map((result) => result.data()));
    const matched = top.map(matchedWords);
    if (!words.every((word) => matched[0].some((m) => sharesStem(m, word)))) return [];
    const exact = matched.map((own) => words.every((word) => own.some((m) => sharesStem(m, word, true))));
    const first = results.slice(0, PAGE_SIZE);
    return [...first.filter((_, i) => exact[i]), ...first.filter((_, i) => !exact[i]), ...results.slice(PAGE_SIZE)];
  }

  async function allWords(words, widen = true) {
    const lemmas = await Promise.all(words.map(async (word) => (await lemmaOf(word)) || word));
    const queries = widen ? [words, lemmas, words.map(widened), lemmas.map(widened)] : [words, lemmas];
    const seen = new Set();
    const found = [];
    for (const query of queries) {
      const key = query.join(" ").toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      for (const result of await searchWords(query, query === words)) {
        if (!found.some((r) => r.id === result.id)) found.push(result);
      }
    }
    return found;
  }

  // A mistyped word: the catalogue's closest word with the same first two letters, at most
  // one edit away (two for words of eight letters or more).
  async function corrected(word) {
    const { words: lemmas } = await wordFile(word);
    const limit = word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
    let best = null;
    let bestDistance = limit + 1;
    for (const lemma of lemmas) {
      if (Math.abs(lemma.length - word.length) > limit) continue;
      const distance = editDistance(fold(word), fold(lemma));
      if (distance < bestDistance) [best, bestDistance] = [lemma, distance];
    }
    return best;
  }

  // A compound no practice has (kotiäideille): the longest end of it that is a form the
  // catalogue knows (äideille → äiti) or one of its words (grupperna) and the part before it,
  // searched as two words.
  async function parts(word) {
    const ats = Array.from({ length: Math.max(0, word.length - 6) }, (_, i) => i + 3);
    const ends = await Promise.all(ats.map((at) => knownWord(word.slice(at)))); // fetched at once
    const longest = ends.findIndex(Boolean);
    return longest < 0 ? null : [word.slice(0, ats[longest]), ends[longest]];
  }

  // A compound that only one or two practices have as typed is also searched as its parts:
  // the practices with "kotoutumisen palvelut" follow those with "kotoutumispalvelut". (Not
  // for more: splitting fetches a words file per letter of the compound, which cost about 2 s
  // of a search on a slow connection.)
  async function withParts(found, words) {
    if (found.length > 2) return found;
    const split = await Promise.all(words.map(async (word) => (await parts(word)) || [word]));
    if (!split.some((part) => part.length > 1)) return found;
    const more = await allWords(split.flat(), false);
    return [...found, ...more.filter((result) => !found.some((r) => r.id === result.id))];
  }

  async function knownWord(word) {
    const lemma = await lemmaOf(word);
    if (lemma) return lemma;
    const lower = word.toLowerCase();
    return (await wordFile(word)).words.includes(lower) ? lower : null;
  }

  function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i += 1) {
      const row = [i];
      for (let j = 1; j <= b.length; j += 1) {
        row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      previous = row;
    }
    return previous[b.length];
  }

  // All the words as typed or as lemmas; else with mistyped words corrected; else with long
  // Finnish words cut short; else the practices with most of the words, by how many they have.
  async function find(term) {
    // Quotation marks around words ("narpion malli") would ask Pagefind for an exact phrase,
    // diacritics included; the words are searched as words.
    let words = term
      .split(/\s+/)
      .map((word) => word.replace(/^["'«»“”„]+|["'«»“”„]+$/g, ""))
      .filter(Boolean);
    if (!words.length) return { results: [], note: "" };
    let found = await allWords(words, false);
    if (found.length) return { results: await withParts(found, words), note: "" };
    // Each word on its own: one found stays as typed; one not found is corrected to a close
    // word of the catalogue, else split into the parts of a compound.
    const typed = words;
    const known = await Promise.all(typed.map(async (word) => (await allWords([word], false)).length > 0));
    const alone = await Promise.all(typed.map(async (word, i) => (known[i] ? word : (await corrected(word)) || word)));
    let message = "";
    if (alone.some((word, i) => word !== typed[i])) {
      words = alone;
      message = text.corrected.replace("{words}", words.join(" "));
      found = await allWords(words, false);
      if (found.length) return { results: found, note: message };
    }
    const split = await Promise.all(
      words.map(async (word, i) => (known[i] || word !== typed[i] ? [word] : (await parts(word)) || [word])),
    );
    if (split.some((part) => part.length > 1)) {
      words = split.flat(); // from here on, the parts stand for the compound
      found = await allWords(words, false);
      if (found.length) return { results: found, note: message };
    }
    found = await allWords(words);
    if (found.length) return { results: found, note: message };
    if (words.length < 2) return { results: [], note: "" };
    const count = new Map();
    const score = new Map();
    const first = new Map();
    for (const word of words) {
      for (const result of await allWords([word])) {
        count.set(result.id, (count.get(result.id) || 0) + 1);
        score.set(result.id, (score.get(result.id) || 0) + result.score);
        if (!first.has(result.id)) first.set(result.id, result);
      }
    }
    const ranked = [...first.keys()].sort((a, b) => count.get(b) - count.get(a) || score.get(b) - score.get(a));
    return { results: ranked.map((id) => first.get(id)), note: ranked.length ? text.partial : "" };
  }

  function ordered(results, state) {
    const by = (key, direction) => (a, b) =>
      direction * (pageFacets.get(a.id)[key] - pageFacets.get(b.id)[key]);
    const known = results.filter((result) => pageFacets.has(result.id));
    if (state.sort === "newest") return known.sort((a, b) => by("published", -1)(a, b) || by("rank", 1)(a, b));
    if (state.sort === "title" || !state.q) return known.sort(by("rank", 1));
    return known; // relevance: Pagefind's order
  }

  // Without words, browse from the facet map (title order or newest first) and fetch only
  // the fragments shown; Pagefind's word index is loaded once someone types a query.
  function browse(state) {
    const all = [...pageFacets.keys()].map((id) => ({ id, data: () => loadFragment(id) }));
    return ordered(all, state);
  }

  async function loadFragment(id) {
    const response = await fetch(`${text.bundle}fragment/${id}.pf_fragment`);
    const stream = response.body.pipeThrough(new DecompressionStream("gzip"));
    const json = (await new Response(stream).text()).replace(/^pagefind_dcd/, "");
    const fragment = JSON.parse(json);
    return { ...fragment, url: text.base + fragment.url.replace(/^\//, ""), excerpt: "" };
  }

  let generation = 0;
  let pending = [];
  let shown = 0;
  let appended = Promise.resolve(); // the list's batches, added in the order they were asked for
  let currentTerm = null;

  // What is chosen shows on the filters' toggle ("Rajaa tuloksia (2)") and above the results,
  // each value a button that removes it (on a phone the filters wait below the results, and a
  // shared link's reader would not see what it chose); the clear button shows only when there
  // is something to clear, and the language switch keeps the state (the codes are the same in
  // both languages).
  function showChosen(state) {
    const chosen = groups.flatMap((group) =>
      state.filters[group].map((value) => form.querySelector(`#f-${group}-${CSS.escape(value)}`)),
    );
    chosenCount.textContent = chosen.length ? `(${chosen.length})` : "";
    chosenList.replaceChildren(...chosen.map(removeButton));
    chosenList.hidden = !chosen.length;
    clearAll.hidden = !(chosen.length || state.q || state.sort);
    if (langSwitch) langSwitch.setAttribute("href", otherLanguagePage + location.search);
  }

  function removeButton(input) {
    const name = input.labels[0].firstChild.textContent.trim();
    const button = document.createElement("button");
    button.type = "button";
    button.className = "chosen-value";
    button.textContent = name;
    button.setAttribute("aria-label", chosenList.dataset.remove.replace("{value}", name));
    button.addEventListener("click", () => {
      const at = [...chosenList.querySelectorAll("button")].indexOf(button);
      input.checked = false;
      commit(false);
      const left = chosenList.querySelectorAll("button");
      (left[Math.min(at, left.length - 1)] || form.elements.q).focus();
    });
    const item = document.createElement("li");
    item.append(button);
    return item;
  }

  async function run(state) {
    const mine = ++generation;
    showChosen(state);
    list.setAttribute("aria-busy", "true");
    const term = state.q || null;
    const answer = term ? await find(term) : { results: browse(state), note: "" };
    if (mine !== generation) return; // a newer search has started
    const found = term ? ordered(answer.results, state) : answer.results;
    note.textContent = answer.note;
    note.hidden = !answer.note;
    const droppedText = state.dropped.length === 1 ? text.droppedOne : text.droppedMany;
    dropped.textContent = droppedText.replace("{values}", state.dropped.map((value) => `”${value}”`).join(", "));
    dropped.hidden = !state.dropped.length;
    const { matches, counts } = facet(found, state);
    showCounts(counts);
    pending = matches;
    shown = 0;
    appended = Promise.resolve(); // an older list's batches still loading are dropped
    currentTerm = term;
    list.replaceChildren();
    await showMore(false);
    if (mine !== generation) return;
    announce(matches.length);
    list.setAttribute("aria-busy", "false");
  }

  // OR within a group, AND across groups. A value's count is the number of results that
  // choosing it would give: the query and the other groups' choices, with the value's own
  // group choices left out (they are OR-ed with it). One pass over the results.
  function facet(results, state) {
    const chosen = Object.fromEntries(groups.map((g) => [g, new Set(state.filters[g])]));
    const counts = Object.fromEntries(groups.map((g) => [g, {}]));
    const add = (group, values) => {
      for (const value of values) counts[group][value] = (counts[group][value] || 0) + 1;
    };
    const matches = [];
    for (const result of results) {
      const own = pageFacets.get(result.id);
      if (!own) continue;
      const failing = groups.filter(
        (g) => chosen[g].size && !(own[g] || []).some((value) => chosen[g].has(value)),
      );
      if (failing.length === 0) {
        matches.push(result);
        for (const group of groups) add(group, own[group] || []);
      } else if (failing.length === 1) {
        add(failing[0], own[failing[0]] || []);
      }
    }
    return { matches, counts };
  }

  function showCounts(counts) {
    for (const group of groups) {
      for (const span of form.querySelectorAll(`[data-facet="${group}"] [data-count-for]`)) {
        const count = counts[group][span.dataset.countFor] || 0;
        span.textContent = `(${count})`;
        span.closest(".facet-option").classList.toggle("is-empty", count === 0);
      }
    }
  }

  function announce(count) {
    if (count === 0) status.textContent = text.none;
    else status.textContent = (count === 1 ? text.countOne : text.countMany).replace("%(num)d", String(count));
  }

  // The next results: taken at once (a second press takes the ones after them), loaded, then
  // added after the batches asked for before them.
  function showMore(moveFocus) {
    const mine = generation;
    const batch = pending.slice(shown, shown + PAGE_SIZE);
    shown += batch.length;
    const data = Promise.all(batch.map((result) => result.data()));
    // (.catch: a batch that failed to load, on a lost connection, does not hold up the next)
    appended = appended.catch(() => {}).then(async () => {
      const pages = await data;
      if (mine !== generation) return; // a newer search has replaced the list meanwhile
      const items = pages.map((page) => resultItem(page, currentTerm));
      list.append(...items);
      more.hidden = shown >= pending.length;
      if (moveFocus && items.length) items[0].querySelector("a").focus();
    });
    return appended;
  }

  function resultItem(page, term) {
    const item = document.createElement("li");
    item.className = "search-result";
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    link.href = page.url;
    link.textContent = page.meta.title || page.url;
    heading.append(link);
    const summary = document.createElement("p");
    const excerpt = term ? excerptOf(page) : [];
    if (excerpt.length) summary.append(...excerpt);
    else summary.textContent = page.meta.summary || "";
    const meta = document.createElement("p");
    meta.className = "search-result-meta";
    meta.textContent = [page.meta.organisation, page.meta.region, page.meta.themes].filter(Boolean).join(" · ");
    item.append(heading, summary, meta);
    // Where the words matched inside one of the six criteria, link straight to it.
    const sections = (page.sub_results || []).filter((sub) => sub.url.includes("#criterion-")).slice(0, 3);
    if (term && sections.length) {
      const label = document.createElement("p");
      label.className = "search-subresults-label";
      label.textContent = text.criteriaMatch;
      item.append(label);
      const links = document.createElement("ul");
      links.className = "search-subresults";
      for (const sub of sections) {
        const entry = document.createElement("li");
        const anchor = document.createElement("a");
        anchor.href = sub.url;
        anchor.textContent = sub.title;
        entry.append(anchor);
        links.append(entry);
      }
      item.append(links);
    }
    return item;
  }

  // The excerpt of the section with most matches, as text and marks, never of the lemma
  // section; none (the summary is shown) for a page found only through its lemmas.
  function excerptOf(page) {
    const anchor = (page.anchors || []).find((a) => a.id === WORDS_ANCHOR);
    const end = anchor ? anchor.location : Infinity;
    const sections = (page.sub_results || [])
      .filter((sub) => !sub.url.endsWith(`#${WORDS_ANCHOR}`))
      .map((sub) => ({ sub, hits: (sub.locations || []).filter((location) => location < end).length }))
      .filter((entry) => entry.hits > 0)
      .sort((a, b) => b.hits - a.hits);
    for (const { sub } of sections) {
      const excerpt = withoutHeading(markedText(sub.excerpt), `${sub.title}.`);
      if (excerpt.some((node) => node.textContent.trim())) return withCuts(excerpt);
    }
    return [];
  }

  // The excerpt is a window of words: where it begins or ends inside a sentence ("odlingarna
  // i slutet av…", "…har staden tagit emot"), "…" says so.
  function withCuts(nodes) {
    const whole = nodes.map((node) => node.textContent).join("").trim();
    const cut = [...nodes];
    if (/^\p{Ll}/u.test(whole)) cut.unshift(document.createTextNode("… "));
    if (!/[.!?…]$/.test(whole)) cut.push(document.createTextNode(" …"));
    return cut;
  }

  // A section's excerpt may begin with its heading ("Tausta. Yhä useampi…"), its words marked
  // where they matched ("<mark>Närpesmodellen</mark> – integration genom arbete."): leave it
  // out. The title's section holds the title alone: nothing is left, and the next section
  // with matches is shown (else the summary).
  function withoutHeading(nodes, heading) {
    if (!nodes.map((node) => node.textContent).join("").startsWith(heading)) return nodes;
    let left = heading.length;
    for (const node of nodes) {
      const cut = Math.min(left, node.textContent.length);
      node.textContent = node.textContent.slice(cut);
      left -= cut;
    }
    const rest = nodes.filter((node) => node.textContent);
    if (rest.length) rest[0].textContent = rest[0].textContent.trimStart();
    return rest;
  }

  // Pagefind's excerpt is escaped text with <mark> around the matched words; rebuild it
  // from text nodes so nothing else from the index can become markup. Pagefind's mark takes
  // the punctuation around a word with it ("kielikoulutukseen,"): only the word is marked.
  function markedText(excerpt) {
    const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, "text/html");
    return [...parsed.body.firstChild.childNodes].flatMap((node) => {
      const [, before, word, after] = node.textContent.match(/^(\p{P}*)(.*?)(\p{P}*)$/su);
      if (node.nodeName !== "MARK" || !word) return [document.createTextNode(node.textContent)];
      const mark = document.createElement("mark");
      mark.textContent = word;
      return [document.createTextNode(before), mark, document.createTextNode(after)];
    });
  }

  // Events -----------------------------------------------------------------------------

  function commit(replace) {
    const state = stateFromForm();
    const url = urlOf(state);
    if (url !== location.pathname + location.search) {
      if (replace) history.replaceState(null, "", url);
      else history.pushState(null, "", url);
    }
    run(state);
  }

  let typingTimer;
  form.elements.q.addEventListener("input", () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => commit(true), 300);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    commit(false);
  });
  form.addEventListener("change", (event) => {
    if (event.target.name !== "q") commit(false);
  });
  form.addEventListener("reset", (event) => {
    event.preventDefault();
    showState({ q: "", sort: "", filters: Object.fromEntries(groups.map((g) => [g, []])), dropped: [] });
    commit(false);
    form.elements.q.focus();
  });
  more.addEventListener("click", () => showMore(true));
  window.addEventListener("popstate", () => {
    const state = stateFromUrl();
    showState(state);
    run(state);
  });

  // On a phone the filters come after the results, closed, so the results are near the top;
  // on a wider screen they stand open beside them.
  const narrow = window.matchMedia("(max-width: 59.99em)");
  const placeFilters = () => {
    facetsBox.open = !narrow.matches;
  };
  narrow.addEventListener("change", placeFilters);
  placeFilters();
  // Words a reader typed while the index was loading (a slow connection) are searched for,
  // not wiped out by the address's empty query.
  const initial = stateFromUrl();
  const typed = form.elements.q.value.trim();
  if (initial.q || !typed) {
    showState(initial);
    run(initial);
  } else {
    showState({ ...initial, q: typed });
    commit(true); // the address takes the typed words
  }
}

// Pagefind, its options set. `warm`: its worker starts now, not at the first search, and the
// WebAssembly is fetched beside the index's entry and metadata, not after them (the
// file Pagefind names after the language it stems, fi or sv; a name it changed would show as
// a failed request in the browser tests).
async function loadPagefind(bundle, base, warm) {
  if (warm) {
    const wasm = Object.assign(document.createElement("link"), { rel: "preload", as: "fetch", crossOrigin: "" });
    wasm.href = `${bundle}wasm.${document.documentElement.lang}.pagefind`;
    document.head.append(wasm);
  }
  const pagefind = await import(bundle + "pagefind.js");
  await pagefind.options({ baseUrl: base, excerptLength: 24 });
  if (warm) pagefind.init();
  return pagefind;
}

// The facet codes of every indexed page, keyed by the id Pagefind gives its results, and the
// keys of the query files of words (written by the build next to Pagefind's bundle).
async function loadFacets(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const { groups, pages, words } = await response.json();
  const names = Object.keys(groups).sort();
  const byPage = new Map();
  for (const [page, lists] of Object.entries(pages)) {
    const own = { rank: lists[names.length], published: lists[names.length + 1] };
    names.forEach((name, i) => {
      own[name] = lists[i].map((index) => groups[name][index]);
    });
    byPage.set(page, own);
  }
  return { pageFacets: byPage, wordKeys: new Set(words) };
}
