// Adds two pages to Keycloak's admin console, each with a navigation entry under "Manage" shown
// only to admins who may use it in the realm shown: "Organisation erasure" (#/{realm}/org-erasure,
// role erase-organizations) and "Erasure audit" (#/{realm}/org-erasure-audit, role
// view-erasure-audit with the power to view events). Their audiences differ and neither role
// implies the other, so each page has its own entry and address rather than sharing one page.
//
// The console is a React application that knows nothing of us, so this module watches its DOM:
// after each render it puts the entries back where the console's own entries are, and while one of
// our routes is open it shows that page in the console's main area in place of the console's
// content (the console shows its realm dashboard for routes it does not know).
import { createElement as h } from "react";
import { createRoot } from "react-dom";
import { AuditPage } from "./audit-page.js";
import { ConsoleSession } from "./console-session.js";
import { ErasureApi } from "./erasure-api.js";
import { ErasurePage } from "./erasure-page.js";
import { loadMessages } from "./messages.js";

const PAGE_ID = "org-erasure-page";
const SHOWN_ATTRIBUTE = "data-org-erasure-page";

// Every part of the console's own DOM this module relies on, in one place. A console release that
// renames one would silently hide our pages, so a missing part is said out loud: on the document
// (MISSING_ATTRIBUTE, which a browser test reads) and once in the browser's console.
const CONSOLE = {
  // Any entry of the console's navigation; its link is #/{realm}/....
  navigationEntry: 'a[id^="nav-item-"]:not([id^="nav-item-org-erasure"])',
  // The "Manage" entries after which ours go, the first the admin has.
  manageEntryIds: ["nav-item-organizations", "nav-item-users", "nav-item-events"],
  // Where the console shows a page.
  mainContentId: "kc-main-content-page-container",
  // PatternFly's classes of a navigation link and of the current one.
  navLinkClass: "pf-v5-c-nav__link",
  currentClass: "pf-m-current",
};
const MISSING_ATTRIBUTE = "data-org-erasure-console-missing";

const environment = JSON.parse(document.getElementById("environment").textContent);
const api = new ErasureApi(environment, new ConsoleSession(environment));
const t = await loadMessages(environment, "admin", "orgErasureTitle");

// In navigation order; permission names the member of GET .../org-erasure/permissions.
const PAGES = [
  {
    route: "org-erasure",
    navItemId: "nav-item-org-erasure",
    navLabel: "orgErasureNav",
    permission: "eraseOrganizations",
    render: (realm, allowed) => h(ErasurePage, { api, realm, mayErase: allowed, t }),
  },
  {
    route: "org-erasure-audit",
    navItemId: "nav-item-org-erasure-audit",
    navLabel: "orgErasureAuditNav",
    permission: "viewErasureAudit",
    render: (realm, allowed) => h(AuditPage, { api, realm, mayView: allowed, t }),
  },
];

const permissions = new Map();
const pageContainer = Object.assign(document.createElement("div"), { id: PAGE_ID });
let shown;

function routed() {
  const [realm, route] = window.location.hash.replace(/^#\/?/, "").split(/[/?]/);
  const page = PAGES.find((candidate) => candidate.route === route);
  return page ? { realm: decodeURIComponent(realm), page } : undefined;
}

// The realm whose navigation is shown; its links are #/{realm}/.... The console lists only the
// entries an admin may use, so any of them will do (an auditor may see no more than "Events").
function navigationRealm() {
  const link = document.querySelector(CONSOLE.navigationEntry);
  return link?.getAttribute("href")?.split("/")[1];
}

// Our entries go under "Manage", after the first of these the admin has.
function manageAnchorItem() {
  const anchor = CONSOLE.manageEntryIds.map((id) => document.getElementById(id)).find(Boolean);
  return anchor?.closest("li");
}

// What the admin may do in the realm, once the server said; an unanswered question allows nothing.
function permissionsIn(realm) {
  if (!permissions.has(realm)) {
    permissions.set(realm, undefined);
    api
      .permissions(realm)
      .then(
        (answer) => permissions.set(realm, answer),
        () => permissions.set(realm, {}),
      )
      .finally(sync);
  }
  return permissions.get(realm);
}

function syncNavigation() {
  const realm = navigationRealm();
  const allowed = realm ? permissionsIn(realm) : undefined;
  const current = routed();
  let previousItem = manageAnchorItem();
  for (const page of PAGES) {
    const existing = document.getElementById(page.navItemId);
    if (!previousItem || allowed?.[page.permission] !== true) {
      existing?.closest("li").remove();
      continue;
    }
    let link = existing;
    if (!link) {
      const item = document.createElement("li");
      link = Object.assign(document.createElement("a"), {
        id: page.navItemId,
        className: CONSOLE.navLinkClass,
        textContent: t(page.navLabel),
      });
      link.dataset.testid = page.navItemId;
      item.append(link);
      previousItem.after(item);
    }
    previousItem = link.closest("li");
    const href = `#/${realm}/${page.route}`;
    if (link.getAttribute("href") !== href) link.setAttribute("href", href);
    const isCurrent = current?.page === page && current.realm === realm;
    if (link.classList.contains(CONSOLE.currentClass) !== isCurrent) {
      link.classList.toggle(CONSOLE.currentClass, isCurrent);
      isCurrent ? link.setAttribute("aria-current", "page") : link.removeAttribute("aria-current");
    }
  }
}

function syncPage() {
  const current = routed();
  const main = document.getElementById(CONSOLE.mainContentId);
  if (!current || !main) {
    document.documentElement.removeAttribute(SHOWN_ATTRIBUTE);
    if (shown) {
      shown.root.unmount();
      shown = undefined;
      pageContainer.remove();
    }
    return;
  }
  const answer = permissionsIn(current.realm);
  if (answer === undefined) return;
  const allowed = answer[current.page.permission] === true;
  document.documentElement.setAttribute(SHOWN_ATTRIBUTE, "");
  if (pageContainer.parentElement !== main) main.append(pageContainer);
  if (shown?.page !== current.page || shown?.realm !== current.realm || shown?.allowed !== allowed) {
    shown?.root.unmount();
    shown = { page: current.page, realm: current.realm, allowed, root: createRoot(pageContainer) };
    shown.root.render(current.page.render(current.realm, allowed));
  }
}

// Once the console shows its navigation, the parts we need must be there too: the main area, and
// for an admin who may use one of our pages, a "Manage" entry to put its entry after.
let reported = false;
function checkConsoleParts() {
  const realm = navigationRealm();
  const allowed = realm ? permissions.get(realm) : undefined;
  if (reported || !allowed) return;
  const missing = [];
  if (!document.getElementById(CONSOLE.mainContentId)) missing.push(`#${CONSOLE.mainContentId}`);
  if (!manageAnchorItem() && PAGES.some((page) => allowed[page.permission] === true)) {
    missing.push(CONSOLE.manageEntryIds.map((id) => `#${id}`).join(" or "));
  }
  if (missing.length > 0) {
    reported = true;
    document.documentElement.setAttribute(MISSING_ATTRIBUTE, missing.join(", "));
    console.error(
      `Organisation erasure: Keycloak's admin console has no ${missing.join(", ")}; ` +
        `its pages cannot be shown. See org-erasure-console.js, CONSOLE.`,
    );
  }
}

function sync() {
  syncNavigation();
  syncPage();
  checkConsoleParts();
}

new MutationObserver(sync).observe(document.body, { childList: true, subtree: true });
window.addEventListener("hashchange", sync);
sync();
