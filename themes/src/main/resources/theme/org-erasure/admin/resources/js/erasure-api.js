// The extension's admin API, /admin/realms/{realm}/org-erasure, called with the console session's token
// (and Keycloak's own users API, to find a user by username).

// Organisations per page: what the server answers at most, and one batched count per page.
export const PAGE_SIZE = 1000;

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

  tenantModel(realm) {
    return this.#request("GET", realm, "tenant-model");
  }

  // A page of organisations.
  organizations(realm, first = 0) {
    return this.#request("GET", realm, `organizations?first=${first}&max=${PAGE_SIZE}`);
  }

  // The application data of the same page, in one call to the erasure-service.
  appDataPage(realm, first = 0) {
    return this.#request("GET", realm, `organizations/app-data?first=${first}&max=${PAGE_SIZE}`);
  }

  appData(realm, organizationId) {
    return this.#request("GET", realm, `organizations/${encodeURIComponent(organizationId)}/app-data`);
  }

  membersPreview(realm, organizationId) {
    return this.#request("GET", realm, `organizations/${encodeURIComponent(organizationId)}/members-preview`);
  }

  selfServiceErasers(realm, organizationId) {
    return this.#request("GET", realm, `organizations/${encodeURIComponent(organizationId)}/self-service-erasers`);
  }

  allowSelfServiceEraser(realm, organizationId, userId) {
    return this.#send(
      "PUT",
      realm,
      `org-erasure/organizations/${encodeURIComponent(organizationId)}/` +
        `self-service-erasers/${encodeURIComponent(userId)}`,
    );
  }

  withdrawSelfServiceEraser(realm, organizationId, userId) {
    return this.#send(
      "DELETE",
      realm,
      `org-erasure/organizations/${encodeURIComponent(organizationId)}/` +
        `self-service-erasers/${encodeURIComponent(userId)}`,
    );
  }

  // The user of exactly this username, through Keycloak's own users API; undefined when there is none.
  async userByUsername(realm, username) {
    const response = await this.#fetch("GET", realm, `users?exact=true&username=${encodeURIComponent(username)}`);
    return (await response.json())[0];
  }

  startErasure(realm, organizationId, confirmation, gracePeriodSeconds, memberPolicy) {
    const body =
      gracePeriodSeconds === undefined
        ? { confirmation, memberPolicy }
        : { confirmation, gracePeriodSeconds, memberPolicy };
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

  retryHandOver(realm, erasureId) {
    return this.#request("POST", realm, `erasures/${encodeURIComponent(erasureId)}/retry`);
  }

  cancel(realm, erasureId) {
    return this.#request("POST", realm, `erasures/${encodeURIComponent(erasureId)}/cancel`);
  }

  purge(realm, erasureId) {
    return this.#request("GET", realm, `erasures/${encodeURIComponent(erasureId)}/purge`);
  }

  // filters: organization, from, to, status, erasure; blank ones are left out.
  auditStatuses(realm) {
    return this.#request("GET", realm, "audit/statuses");
  }

  auditRecords(realm, filters, after, max) {
    return this.#request("GET", realm, `audit/records?${auditQuery({ ...filters, after, max })}`);
  }

  verifyAudit(realm) {
    return this.#request("POST", realm, "audit/verify");
  }

  // format: jsonl or csv.
  auditExport(realm, format, filters) {
    return this.#download(realm, `audit/export?${auditQuery({ ...filters, format })}`);
  }

  receipt(realm, erasureId) {
    return this.#download(realm, `audit/erasures/${encodeURIComponent(erasureId)}/receipt`);
  }

  async #request(method, realm, path, body) {
    return (await this.#fetch(method, realm, `org-erasure/${path}`, body)).json();
  }

  // A call answered with no body (204).
  async #send(method, realm, path) {
    await this.#fetch(method, realm, path);
  }

  // A file the server names in its Content-Disposition, as { blob, filename }.
  async #download(realm, path) {
    const response = await this.#fetch("GET", realm, `org-erasure/${path}`, undefined, "*/*");
    const disposition = response.headers.get("Content-Disposition") ?? "";
    const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? path.split(/[/?]/).pop();
    return { blob: await response.blob(), filename };
  }

  async #fetch(method, realm, path, body, accept = "application/json") {
    const headers = { Authorization: `Bearer ${await this.#session.accessToken()}`, Accept: accept };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    const response = await fetch(
      `${this.#environment.adminBaseUrl}/admin/realms/${encodeURIComponent(realm)}/${path}`,
      { method, headers, body: body === undefined ? undefined : JSON.stringify(body) },
    );
    if (!response.ok) {
      throw new ApiError(response.status, await serverMessage(response));
    }
    return response;
  }
}

function auditQuery(parameters) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && String(value).trim() !== "") {
      query.set(name, String(value).trim());
    }
  }
  return query;
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
