// The extension's admin API, /admin/realms/{realm}/org-erasure, called with the console session's token.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export class ErasureApi {
  #environment;
  #session;

  constructor(environment, session) {
    this.#environment = environment;
    this.#session = session;
  }

  permissions(realm) {
    return this.#request("GET", realm, "permissions");
  }

  organizations(realm) {
    return this.#request("GET", realm, "organizations?max=500");
  }

  appData(realm, organizationId) {
    return this.#request("GET", realm, `organizations/${encodeURIComponent(organizationId)}/app-data`);
  }

  membersPreview(realm, organizationId) {
    return this.#request("GET", realm, `organizations/${encodeURIComponent(organizationId)}/members-preview`);
  }

  startErasure(realm, organizationId, confirmation, gracePeriodSeconds) {
    const body = gracePeriodSeconds === undefined ? { confirmation } : { confirmation, gracePeriodSeconds };
    return this.#request("POST", realm, `organizations/${encodeURIComponent(organizationId)}/erasures`, body);
  }

  erasures(realm) {
    return this.#request("GET", realm, "erasures");
  }

  erasure(realm, erasureId) {
    return this.#request("GET", realm, `erasures/${encodeURIComponent(erasureId)}`);
  }

  retryFailedFiles(realm, erasureId) {
    return this.#request("POST", realm, `erasures/${encodeURIComponent(erasureId)}/failed-files/retry`);
  }

  purge(realm, erasureId) {
    return this.#request("GET", realm, `erasures/${encodeURIComponent(erasureId)}/purge`);
  }

  async #request(method, realm, path, body) {
    const headers = { Authorization: `Bearer ${await this.#session.accessToken()}`, Accept: "application/json" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    const response = await fetch(
      `${this.#environment.adminBaseUrl}/admin/realms/${encodeURIComponent(realm)}/org-erasure/${path}`,
      { method, headers, body: body === undefined ? undefined : JSON.stringify(body) },
    );
    if (!response.ok) {
      throw new ApiError(response.status, await serverMessage(response));
    }
    return response.json();
  }
}

// Keycloak's error bodies carry errorMessage (admin API) or error_description / error (OAuth).
async function serverMessage(response) {
  const text = await response.text();
  try {
    const body = JSON.parse(text);
    return body.errorMessage ?? body.error_description ?? body.error ?? `${response.status} ${response.statusText}`;
  } catch {
    return text || `${response.status} ${response.statusText}`;
  }
}
