/*
 * bibnetz_wagtail: progressive enhancement of the faceted listings.
 *
 * Without this script every facet, chip, page link and form loads the page as usual. With it, the same URLs
 * are fetched in the background and only the part that depends on the query (#bibnetz-listing-body) is
 * replaced; the address bar and the back button keep working, and the new result count is announced.
 *
 * Hooks other code relies on: the root .bibnetz-listing gets data-bibnetz-enhanced="true" once bound;
 * a link with data-bibnetz-show-results folds the filter panel around it and moves to the results;
 * #bibnetz-listing-body carries aria-busy="true" while a request runs; #bibnetz-status receives the
 * server's sentence about the result count after each update.
 */
(() => {
  "use strict";

  const BODY_ID = "bibnetz-listing-body";
  const STATUS_ID = "bibnetz-status";
  const HEADING_ID = "bibnetz-results-heading";
  const TYPING_DELAY_MS = 500;
  const NARROW = "(max-width: 48rem)";

  const listingBody = () => document.getElementById(BODY_ID);

  class Listing {
    constructor(root) {
      this.root = root;
      this.controller = null;
      this.typingTimer = null;
      // Whether the current history entry was made by typing in the search field.
      this.typedEntry = false;
      this.renderedSearch = location.search;
    }

    bind() {
      this.root.addEventListener("click", (event) => this.onClick(event));
      this.root.addEventListener("submit", (event) => this.onSubmit(event));
      this.root.addEventListener("change", (event) => this.onChange(event));
      this.root.addEventListener("input", (event) => this.onInput(event));
      window.addEventListener("popstate", (event) => this.onPopState(event));
      history.replaceState({ bibnetz: true }, "", location.href);
      foldFiltersOnPhones();
      this.root.dataset.bibnetzEnhanced = "true";
    }

    onClick(event) {
      if (showResults(event)) {
        return;
      }
      revealFiltersOnPhones(event);
      const link = event.target.closest("a[href]");
      if (!link || !this.root.contains(link) || !isListingLink(link, event)) {
        return;
      }
      event.preventDefault();
      this.load(link.href, { history: "push", focus: focusTargetFor(link) });
    }

    onSubmit(event) {
      const form = event.target;
      if (event.defaultPrevented || form.method.toLowerCase() !== "get" || form.target) {
        return;
      }
      event.preventDefault();
      clearTimeout(this.typingTimer);
      this.load(formUrl(form), { history: "push", focus: null });
    }

    onChange(event) {
      const form = event.target.form;
      if (form && form.hasAttribute("data-bibnetz-autosubmit")) {
        this.load(formUrl(form), { history: "push", focus: null });
      }
    }

    /* Results follow the search text as it is typed: one history entry per typing, not one per pause. */
    onInput(event) {
      const field = event.target;
      if (event.isComposing || !field.hasAttribute("data-bibnetz-live-search")) {
        return;
      }
      clearTimeout(this.typingTimer);
      this.typingTimer = setTimeout(() => {
        const url = formUrl(field.form);
        if (new URL(url).search !== location.search) {
          this.load(url, { history: this.typedEntry ? "replace" : "push", focus: null, typed: true });
        }
      }, TYPING_DELAY_MS);
    }

    onPopState(event) {
      if (event.state && event.state.bibnetz && location.search !== this.renderedSearch) {
        this.load(location.href, { history: null, focus: null });
      }
    }

    /* options.history: "push" adds an entry, "replace" replaces the current one, null leaves it alone. */
    async load(url, options) {
      if (this.controller) {
        this.controller.abort();
      }
      const controller = new AbortController();
      this.controller = controller;
      listingBody().setAttribute("aria-busy", "true");
      try {
        const response = await fetch(url, { signal: controller.signal, credentials: "same-origin" });
        if (!response.ok) {
          throw new Error(`HTTP ${response.status}`);
        }
        const html = await response.text();
        if (controller !== this.controller) {
          return;
        }
        const doc = new DOMParser().parseFromString(html, "text/html");
        if (!doc.getElementById(BODY_ID)) {
          throw new Error("no listing in the answer");
        }
        this.update(doc, response.url || url, options);
      } catch (error) {
        if (error.name !== "AbortError") {
          location.assign(url);
        }
      } finally {
        if (controller === this.controller) {
          this.controller = null;
          listingBody().removeAttribute("aria-busy");
        }
      }
    }

    update(doc, url, options) {
      const focused = document.activeElement;
      const body = listingBody();
      const folded = detailsState(body);
      body.replaceChildren(...doc.getElementById(BODY_ID).childNodes);
      restoreDetailsState(body, folded);
      syncForms(this.root, doc);
      if (doc.title && doc.title !== document.title) {
        document.title = doc.title;
      }
      if (options.history === "push" && url !== location.href) {
        history.pushState({ bibnetz: true }, "", url);
      } else if (options.history) {
        history.replaceState({ bibnetz: true }, "", url);
      }
      this.renderedSearch = location.search;
      this.typedEntry = options.typed === true;
      moveFocus(options.focus, focused);
      announce();
    }
  }

  function isListingLink(link, event) {
    const modified = event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;
    if (event.defaultPrevented || event.button !== 0 || modified) {
      return false;
    }
    if (link.target || link.hasAttribute("download")) {
      return false;
    }
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || url.pathname !== location.pathname) {
      return false;
    }
    return !(url.search === location.search && url.hash);
  }

  /* The clicked link is replaced by the update: keep a facet link in focus (people often pick several values
     in a row), and take every other click inside the listing to the new result count. */
  function focusTargetFor(link) {
    if (!listingBody().contains(link)) {
      return null;
    }
    const group = link.closest("[data-facet]");
    if (group && link.dataset.value !== undefined) {
      return { facet: group.dataset.facet, value: link.dataset.value };
    }
    return { heading: true };
  }

  function moveFocus(target, focused) {
    let element = null;
    if (target && target.facet) {
      const selector = `[data-facet="${CSS.escape(target.facet)}"] a[data-value="${CSS.escape(target.value)}"]`;
      element = listingBody().querySelector(selector);
    }
    if (!element && target) {
      element = document.getElementById(HEADING_ID);
    }
    if (!element && focused && focused.id && !focused.isConnected) {
      // A control inside the replaced region (the sort select) had focus: give it to its successor.
      element = document.getElementById(focused.id);
    }
    if (element) {
      element.focus();
    }
  }

  /* Phones see the results first: the filter panel starts closed there. On wide screens its toggle is
     hidden, so it has to be open. */
  function foldFiltersOnPhones() {
    const narrow = window.matchMedia(NARROW);
    const panel = () => listingBody().querySelector('[data-bibnetz-details="facets"]');
    if (narrow.matches && panel()) {
      panel().open = false;
    }
    narrow.addEventListener("change", () => {
      if (!narrow.matches && panel()) {
        panel().open = true;
      }
    });
  }

  /* The phone panel's "Show n results": fold the panel and take the person to the top of the results. Without
     the script the same link simply jumps there. */
  function showResults(event) {
    const button = event.target.closest("[data-bibnetz-show-results]");
    const heading = document.getElementById(HEADING_ID);
    if (!button || !heading) {
      return false;
    }
    event.preventDefault();
    const panel = button.closest("details");
    if (panel) {
      panel.open = false;
    }
    heading.scrollIntoView({ block: "start" });
    heading.focus({ preventScroll: true });
    return true;
  }

  /* A phone's filter panel opens below its toggle, often at the bottom of the screen: bring it up, so that the
     first values and the "Show n results" button are in sight. */
  function revealFiltersOnPhones(event) {
    const toggle = event.target.closest('[data-bibnetz-details="facets"] > summary');
    if (toggle && !toggle.parentElement.open && window.matchMedia(NARROW).matches) {
      requestAnimationFrame(() => toggle.scrollIntoView({ block: "start" }));
    }
  }

  /* The URL a GET form leads to, without empty fields (the server ignores them anyway). */
  function formUrl(form) {
    const url = new URL(form.getAttribute("action") || location.href, location.href);
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      if (typeof value === "string" && value.trim() !== "") {
        params.append(key, value);
      }
    }
    url.search = params.toString();
    url.hash = "";
    return url.href;
  }

  /* Open or closed as the visitor left them, by the key every collapsible part of the listing carries. */
  function detailsState(container) {
    const state = new Map();
    for (const details of container.querySelectorAll("details[data-bibnetz-details]")) {
      state.set(details.dataset.bibnetzDetails, details.open);
    }
    return state;
  }

  function restoreDetailsState(container, state) {
    for (const details of container.querySelectorAll("details[data-bibnetz-details]")) {
      const key = details.dataset.bibnetzDetails;
      if (state.has(key)) {
        details.open = state.get(key);
      }
    }
  }

  /* The forms outside the replaced region keep the other parameters in hidden fields: take the new ones, and
     the new visible values, except in the field that has focus (somebody may be typing there). */
  function syncForms(root, doc) {
    for (const form of root.querySelectorAll("form[id]")) {
      const fresh = doc.getElementById(form.id);
      if (!fresh || listingBody().contains(form)) {
        continue;
      }
      replaceHiddenFields(form, fresh);
      syncFieldErrors(form, fresh);
      for (const control of fresh.querySelectorAll("input[id]:not([type=hidden]), select[id]")) {
        const current = document.getElementById(control.id);
        if (current && current !== document.activeElement && form.contains(current)) {
          current.value = control.tagName === "SELECT" ? control.value : control.getAttribute("value") || "";
        }
      }
    }
  }

  /* A figure the server could not read keeps its text and gets its error beside it: take the error (or its
     absence) from the answer, without replacing the field somebody may be typing in. */
  function syncFieldErrors(form, fresh) {
    for (const freshField of fresh.querySelectorAll("[data-bibnetz-sync-field][id]")) {
      const field = document.getElementById(freshField.id);
      if (!field || !form.contains(field)) {
        continue;
      }
      field.className = freshField.className;
      const input = field.querySelector("input");
      const freshInput = freshField.querySelector("input");
      for (const name of ["aria-invalid", "aria-describedby"]) {
        if (freshInput.hasAttribute(name)) {
          input.setAttribute(name, freshInput.getAttribute(name));
        } else {
          input.removeAttribute(name);
        }
      }
      field.querySelectorAll(".bibnetz-field-error").forEach((error) => error.remove());
      freshField.querySelectorAll(".bibnetz-field-error").forEach((error) => field.append(error.cloneNode(true)));
    }
  }

  function replaceHiddenFields(form, fresh) {
    const old = Array.from(form.querySelectorAll("input[type=hidden]"));
    const anchor = old[0] || form.querySelector("[type=submit]");
    for (const input of fresh.querySelectorAll("input[type=hidden]")) {
      const copy = document.importNode(input, true);
      if (anchor) {
        anchor.before(copy);
      } else {
        form.append(copy);
      }
    }
    old.forEach((input) => input.remove());
  }

  /* The sentence the server wrote for the new result count. Emptied first, so that the same sentence twice in
     a row is announced again. */
  function announce() {
    const status = document.getElementById(STATUS_ID);
    const heading = document.getElementById(HEADING_ID);
    if (!status || !heading) {
      return;
    }
    const sentence = heading.dataset.bibnetzAnnounce || heading.textContent.replace(/\s+/g, " ").trim();
    status.textContent = "";
    setTimeout(() => {
      status.textContent = sentence;
    }, 50);
  }

  function start() {
    for (const root of document.querySelectorAll(".bibnetz-listing")) {
      if (root.dataset.bibnetzEnhanced !== "true" && root.contains(listingBody())) {
        new Listing(root).bind();
      }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
