// Adds "Delete organisation" to Keycloak's account console for the organisations' admins. The
// entry starts the org-erasure required action as an application-initiated action (kc_action),
// as the console's own "Delete account" does: Keycloak re-authenticates the user when their
// sign-in is older than the action's max age, then shows the themed confirmation page.
//
// Modules shared with the admin console page live in the admin theme's resources; all org-erasure
// themes ship in one jar, and Keycloak serves every theme's resources under /resources/{version}/.
import { loadMessages } from "../../../admin/org-erasure/js/messages.js";
import { pkcePair, randomText } from "../../../admin/org-erasure/js/pkce.js";

const NAV_ITEM_ID = "nav-item-delete-organisation";
const environment = JSON.parse(document.getElementById("environment").textContent);
const realmPath = `${environment.serverBaseUrl}/realms/${encodeURIComponent(environment.realm)}`;

async function administeredOrganizations() {
  const response = await fetch(`${realmPath}/org-erasure/self-service/organizations`, { credentials: "same-origin" });
  return response.ok ? response.json() : [];
}

async function startErasureAction(event) {
  event.preventDefault();
  const { challenge } = await pkcePair();
  const query = new URLSearchParams({
    client_id: environment.clientId,
    redirect_uri: environment.baseUrl,
    response_type: "code",
    scope: "openid",
    kc_action: "org-erasure",
    state: randomText(16),
    code_challenge: challenge,
    code_challenge_method: "S256",
  });
  window.location.assign(`${realmPath}/protocol/openid-connect/auth?${query}`);
}

// Kept last in the console's list: React re-renders its own entries around foreign ones.
function addNavigationEntry(label) {
  const list = document.querySelector("nav.pf-v5-c-nav ul.pf-v5-c-nav__list");
  if (!list) return;
  const existing = document.getElementById(NAV_ITEM_ID)?.closest("li");
  if (existing) {
    if (existing !== list.lastElementChild) list.append(existing);
    return;
  }
  const link = Object.assign(document.createElement("a"), {
    id: NAV_ITEM_ID,
    className: "pf-v5-c-nav__link",
    href: "#",
    textContent: label,
  });
  link.dataset.testid = NAV_ITEM_ID;
  link.addEventListener("click", startErasureAction);
  const item = Object.assign(document.createElement("li"), { className: "pf-v5-c-nav__item" });
  item.append(link);
  list.append(item);
}

// The decision is written on <html> (offered / not-offered), so that tests and support can see it.
const offered = (await administeredOrganizations()).length > 0;
if (offered) {
  const t = await loadMessages(environment, "account", "orgErasureDeleteOrganisation");
  const label = t("orgErasureDeleteOrganisation");
  new MutationObserver(() => addNavigationEntry(label)).observe(document.body, { childList: true, subtree: true });
  addNavigationEntry(label);
}
document.documentElement.dataset.orgErasureSelfService = offered ? "offered" : "not-offered";
