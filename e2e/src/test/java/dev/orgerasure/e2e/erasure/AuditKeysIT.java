package dev.orgerasure.e2e.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import dev.orgerasure.audit.checkpoint.AuditKeyStore;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.harness.WholeSystem;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The audit keys are the cluster's: one keystore in Keycloak's database that every node signs with
 * and publishes (docs/audit.md, "Keys and rotation"). A key another node adds is served and trusted
 * by this one at once, without a restart.
 */
@WholeSystemTest
class AuditKeysIT {

  private static final char[] PASSWORD = WholeSystem.AUDIT_KEYSTORE_PASSWORD.toCharArray();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SystemUnderTest sut;

  AuditKeysIT(SystemUnderTest sut) {
    this.sut = sut;
  }

  @Test
  void theServedKeysAreThoseOfTheKeystoreInKeycloaksDatabase() throws Exception {
    Keystore stored = stored();
    AuditKeyStore keys = AuditKeyStore.load(stored.pkcs12(), PASSWORD, "audit-1");

    assertEquals(JSON.readTree(keys.jwksJson()), JSON.readTree(servedKeys()));
  }

  /**
   * Another node configured with a new alias adds its key to the shared keystore as it starts; this
   * node then serves it, and accepts a receipt link that node signed with it (the receipt is not
   * found, 404, rather than the link refused, 403).
   */
  @Test
  void aKeyAnotherNodeAddsIsServedAndTrustedHereWithoutARestart() throws Exception {
    Keystore before = stored();
    String alias = "audit-node-b-" + UUID.randomUUID().toString().substring(0, 8);
    byte[] rotated = AuditKeyStore.generate(before.pkcs12(), PASSWORD, alias);
    AuditKeyStore nodeB = AuditKeyStore.load(rotated, PASSWORD, alias);
    String unknownErasure = UUID.randomUUID().toString();
    try {
      replace(before.version(), rotated);

      assertTrue(keyIds(servedKeys()).contains(alias), servedKeys());
      assertEquals(
          404,
          receipt(receiptLinkToken(nodeB, unknownErasure)).statusCode(),
          "a link signed by the other node's key is accepted");
    } finally {
      replace(before.version() + 1, before.pkcs12());
    }
    assertEquals(
        403,
        receipt(receiptLinkToken(nodeB, unknownErasure)).statusCode(),
        "the key removed again is no longer trusted");
  }

  private record Keystore(int version, byte[] pkcs12) {}

  private Keystore stored() throws SQLException {
    try (Connection db = sut.system().keycloakDatabase();
        PreparedStatement select =
            db.prepareStatement(
                "SELECT version, pkcs12 FROM org_erasure_audit_keystore WHERE id = 'audit'");
        ResultSet row = select.executeQuery()) {
      row.next();
      return new Keystore(row.getInt(1), Base64.getDecoder().decode(row.getString(2)));
    }
  }

  /** As a node writes the keystore: the next version, only over the one it read. */
  private void replace(int readVersion, byte[] pkcs12) throws SQLException {
    try (Connection db = sut.system().keycloakDatabase();
        PreparedStatement update =
            db.prepareStatement(
                "UPDATE org_erasure_audit_keystore SET pkcs12 = ?, version = version + 1"
                    + " WHERE id = 'audit' AND version = ?")) {
      update.setString(1, Base64.getEncoder().encodeToString(pkcs12));
      update.setInt(2, readVersion);
      assertEquals(1, update.executeUpdate(), "the keystore was not changed meanwhile");
    }
  }

  /** A receipt link's token as a node signs it (docs/audit.md, "Receipts"). */
  private static String receiptLinkToken(AuditKeyStore node, String erasureId) throws Exception {
    JWSObject token =
        new JWSObject(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new JOSEObjectType("erasure-receipt-link+jws"))
                .keyID(node.activeKey().keyId())
                .build(),
            new Payload(Map.of("erasureId", erasureId)));
    token.sign(new ECDSASigner(node.activeKey().privateKey()));
    return token.serialize();
  }

  private HttpResponse<String> receipt(String token) throws Exception {
    return get(
        "/realms/master/org-erasure/receipt?token="
            + URLEncoder.encode(token, StandardCharsets.UTF_8));
  }

  private String servedKeys() throws Exception {
    HttpResponse<String> response = get("/realms/master/org-erasure/audit-keys");
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  private static TreeSet<String> keyIds(String jwks) throws Exception {
    TreeSet<String> ids = new TreeSet<>();
    for (JsonNode key : JSON.readTree(jwks).path("keys")) {
      ids.add(key.path("kid").asText());
    }
    return ids;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(sut.system().keycloakUrl().resolve(URI.create(path)))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
