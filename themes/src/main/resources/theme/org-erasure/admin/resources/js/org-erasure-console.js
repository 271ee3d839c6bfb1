// Adds "Organisation erasure" to Keycloak's admin console: a navigation entry under "Manage" for
// admins who hold erase-organizations in the realm shown, and the page at #/{realm}/org-erasure.
//
// The console is a React application that knows nothing of us, so this module watches its DOM:
// after each render it puts the entry back where the console's own entries are, and while our
// route is open it shows our page in the console's main area in place of the console's content
// (the console shows its realm dashboard for routes it does not know).
import { createElement as h } from "react";
import { createRoot } from "react-dom";
import { ConsoleSession } from "./console-session.js";
import { ErasureApi } from "./erasure-api.js";
import { ErasurePage } from "./erasure-page.js";
import { loadMessages } from "./messages.js";

const ROUTE = "org-erasure";
const NAV_ITEM_ID = "nav-item-org-erasure";
const PAGE_ID = "org-erasure-page";
const SHOWN_ATTRIBUTE = "data-org-erasure-page";

const environment = JSON.parse(document.getElementById("environment").textContent);
const api = new ErasureApi(environment, new ConsoleSession(environment));
const t = await loadMessages(environment, "admin", "orgErasureTitle");
const permissions = new Map();
const pageContainer = Object.assign(document.createElement("div"), { id: PAGE_ID });
let page;

function routedRealm() {
  const [realm, route] = window.location.hash.replace(/^#\/?/, "").split(/[/?]/);
  return route === ROUTE ? decodeURIComponent(realm) : undefined;
}

// The realm whose navigation is shown; its links are #/{realm}/....
function navigationRealm() {
  const link = document.querySelector("#nav-item-organizations, #nav-item-clients");
  return link?.getAttribute("href")?.split("/")[1];
}

function mayErase(realm) {
  if (!permissions.has(realm)) {
    permissions.set(realm, undefined);
    api.permissions(realm).then(
      (answer) => permissions.set(realm, answer.eraseOrganizations),
      () => permissions.set(realm, false),
    ).finally(sync);
  }
  return permissions.get(realm);
}

function syncNavigation() {
  const realm = navigationRealm();
  const existing = document.getElementById(NAV_ITEM_ID);
  if (!realm || mayErase(realm) !== true) {
    existing?.closest("li").remove();
    return;
  }
  const href = `#/${realm}/${ROUTE}`;
  let link = existing;
  if (!link) {
    const anchor = document.getElementById("nav-item-organizations") ?? document.getElementById("nav-item-users");
    const item = document.createElement("li");
    link = Object.assign(document.createElement("a"), { id: NAV_ITEM_ID, className: "pf-v5-c-nav__link", textContent: t("orgErasureNav") });
    link.dataset.testid = NAV_ITEM_ID;
    item.append(link);
    anchor.closest("li").after(item);
  }
  if (link.getAttribute("href") !== href) link.setAttribute("href", href);
  const current = routedRealm() === realm;
  if (link.classList.contains("pf-m-current") !== current) {
    link.classList.toggle("pf-m-current", current);
    current ? link.setAttribute("aria-current", "page") : link.removeAttribute("aria-current");
  }
}

function syncPage() {
  const realm = routedRealm();
  const main = document.getElementById("kc-main-content-page-container");
  if (!realm || !main) {
    document.documentElement.removeAttribute(SHOWN_ATTRIBUTE);
    if (page) {
      page.root.unmount();
      page = undefined;
      pageContainer.remove();
    }
    return;
  }
  const allowed = mayErase(realm);
  if (allowed === undefined) return;
  document.documentElement.setAttribute(SHOWN_ATTRIBUTE, "");
  if (pageContainer.parentElement !== main) main.append(pageContainer);
  if (page?.realm !== realm || page?.allowed !== allowed) {
    page?.root.unmount();
    page = { realm, allowed, root: createRoot(pageContainer) };
    page.root.render(h(ErasurePage, { api, realm, mayErase: allowed, t }));
  }
}

function sync() {
  syncNavigation();
  syncPage();
}

new MutationObserver(sync).observe(document.body, { childList: true, subtree: true });
window.addEventListener("hashchange", sync);
sync();
