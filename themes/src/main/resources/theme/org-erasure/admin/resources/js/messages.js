// Texts come from the org-erasure theme's message bundles of one theme type (admin, account),
// through the endpoint the consoles use for their own, so translations are added as
// messages_<locale>.properties files. probeKey is a key of ours that every bundle has.

export async function loadMessages(environment, themeType, probeKey) {
  const language = (navigator.language || "en").split("-")[0];
  let messages = await fetchBundle(environment, themeType, language);
  if (!messages.has(probeKey) && language !== "en") {
    messages = await fetchBundle(environment, themeType, "en");
  }
  return (key, ...args) =>
    (messages.get(key) ?? key).replace(/\{(\d+)\}/g, (placeholder, index) => String(args[index] ?? placeholder));
}

async function fetchBundle(environment, themeType, locale) {
  const url =
    `${environment.serverBaseUrl}/resources/${encodeURIComponent(environment.realm)}/${themeType}/${locale}` +
    `?theme=org-erasure`;
  const response = await fetch(url);
  if (!response.ok) {
    return new Map();
  }
  return new Map((await response.json()).map(({ key, value }) => [key, value]));
}
