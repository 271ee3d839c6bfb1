// The page's texts come from this theme's message bundles, through the endpoint the console itself
// uses for its own, so translations are added as messages_<locale>.properties files.

const PROBE_KEY = "orgErasureTitle";

export async function loadMessages(environment) {
  const language = (navigator.language || "en").split("-")[0];
  let messages = await fetchBundle(environment, language);
  if (!messages.has(PROBE_KEY) && language !== "en") {
    messages = await fetchBundle(environment, "en");
  }
  return (key, ...args) =>
    (messages.get(key) ?? key).replace(/\{(\d+)\}/g, (placeholder, index) => String(args[index] ?? placeholder));
}

async function fetchBundle(environment, locale) {
  const url = `${environment.serverBaseUrl}/resources/${encodeURIComponent(environment.realm)}/admin/${locale}?theme=org-erasure`;
  const response = await fetch(url);
  if (!response.ok) {
    return new Map();
  }
  return new Map((await response.json()).map(({ key, value }) => [key, value]));
}
