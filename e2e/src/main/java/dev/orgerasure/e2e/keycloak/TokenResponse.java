package dev.orgerasure.e2e.keycloak;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a token endpoint answered: tokens on 200, an OAuth error otherwise. Tests assert on both.
 */
public record TokenResponse(int status, JsonNode body) {

  public boolean isSuccess() {
    return status == 200;
  }

  public String accessToken() {
    return required("access_token");
  }

  public String refreshToken() {
    return required("refresh_token");
  }

  public String idToken() {
    return required("id_token");
  }

  /** The OAuth error code, e.g. {@code invalid_grant}, or null on success. */
  public String error() {
    return body.path("error").asText(null);
  }

  /** Fails with the error when the request was refused. */
  public TokenResponse requireSuccess() {
    if (!isSuccess()) {
      throw new IllegalStateException("token request refused: HTTP " + status + " " + body);
    }
    return this;
  }

  private String required(String field) {
    requireSuccess();
    JsonNode value = body.get(field);
    if (value == null) {
      throw new IllegalStateException("no " + field + " in " + body);
    }
    return value.asText();
  }
}
