// Access tokens of the console's own client and SSO session, for the erasure page's calls.
//
// The console keeps its tokens private to its bundle, so the page asks Keycloak for its own: an
// authorization-code flow with PKCE and prompt=none in a hidden same-origin iframe. No second
// sign-in happens and the token belongs to the same user session (same sid, same authentication
// time), which is what the server checks before it lets an erasure start.

import { pkcePair, randomText } from "./pkce.js";

const RENEW_BEFORE_EXPIRY_MS = 15_000;
const SILENT_TIMEOUT_MS = 15_000;

export class SessionEndedError extends Error {}

export class ConsoleSession {
  #environment;
  #token;
  #pending;

  constructor(environment) {
    this.#environment = environment;
  }

  async accessToken() {
    if (this.#token && this.#token.expiresAt - RENEW_BEFORE_EXPIRY_MS > Date.now()) {
      return this.#token.accessToken;
    }
    this.#pending ??= this.#renew().finally(() => {
      this.#pending = undefined;
    });
    return (await this.#pending).accessToken;
  }

  async #renew() {
    const refreshed = this.#token?.refreshToken ? await this.#refresh().catch(() => undefined) : undefined;
    this.#token = refreshed ?? (await this.#authorizeSilently());
    return this.#token;
  }

  #endpoint(name) {
    const { authServerUrl, realm } = this.#environment;
    return `${authServerUrl}/realms/${encodeURIComponent(realm)}/protocol/openid-connect/${name}`;
  }

  // A path under the console's registered redirect URI pattern that Keycloak answers cheaply
  // (404), so the iframe never boots a second console.
  #redirectUri() {
    return new URL(`${this.#environment.consoleBaseUrl}org-erasure-session`, window.location.origin).href;
  }

  async #authorizeSilently() {
    const { verifier, challenge } = await pkcePair();
    const state = randomText(16);
    const query = new URLSearchParams({
      client_id: this.#environment.clientId,
      redirect_uri: this.#redirectUri(),
      response_type: "code",
      response_mode: "fragment",
      scope: "openid",
      prompt: "none",
      state,
      code_challenge: challenge,
      code_challenge_method: "S256",
    });
    const answer = await loadInHiddenFrame(`${this.#endpoint("auth")}?${query}`, this.#redirectUri());
    if (answer.get("state") !== state) {
      throw new SessionEndedError("The console session could not be confirmed; sign in again.");
    }
    if (answer.has("error")) {
      throw new SessionEndedError(answer.get("error_description") ?? "Your console session has ended; sign in again.");
    }
    return this.#tokenRequest({
      grant_type: "authorization_code",
      code: answer.get("code"),
      redirect_uri: this.#redirectUri(),
      code_verifier: verifier,
    });
  }

  #refresh() {
    return this.#tokenRequest({ grant_type: "refresh_token", refresh_token: this.#token.refreshToken });
  }

  async #tokenRequest(form) {
    const response = await fetch(this.#endpoint("token"), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client_id: this.#environment.clientId, ...form }),
    });
    const body = await response.json();
    if (!response.ok) {
      throw new SessionEndedError(body.error_description ?? "Your console session has ended; sign in again.");
    }
    return {
      accessToken: body.access_token,
      refreshToken: body.refresh_token,
      expiresAt: Date.now() + body.expires_in * 1000,
    };
  }
}

function loadInHiddenFrame(url, redirectUri) {
  return new Promise((resolve, reject) => {
    const frame = document.createElement("iframe");
    frame.hidden = true;
    frame.title = "org-erasure-session";
    const timeout = setTimeout(
      () => finish(() => reject(new SessionEndedError("Keycloak did not answer in time; reload the page."))),
      SILENT_TIMEOUT_MS,
    );
    const finish = (settle) => {
      clearTimeout(timeout);
      frame.remove();
      settle();
    };
    frame.addEventListener("load", () => {
      const location = frame.contentWindow?.location;
      if (location && location.href.startsWith(redirectUri)) {
        finish(() => resolve(new URLSearchParams(location.hash.substring(1))));
      }
    });
    frame.src = url;
    document.body.append(frame);
  });
}
