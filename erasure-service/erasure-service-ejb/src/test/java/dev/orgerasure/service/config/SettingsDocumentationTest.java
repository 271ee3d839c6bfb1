package dev.orgerasure.service.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.contract.ServiceApi;
import dev.orgerasure.service.secrets.DefaultSecrets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The settings tables of ear/README.md list exactly the application's MicroProfile Config
 * properties and the server's variables, under their environment variable names and with the same
 * defaults; server.xml never sets a value that would hide the environment.
 */
class SettingsDocumentationTest {

  private static final Path EAR = Path.of(System.getProperty("erasure.ear-dir", "../../ear"));
  private static final Pattern ROW = Pattern.compile("^\\| `([A-Z0-9_]+)` \\| ([^|]*) \\|");

  @Test
  void applicationTableListsEveryPropertyWithItsDefault() throws Exception {
    Map<String, String> expected = new LinkedHashMap<>();
    properties().forEach((key, value) -> expected.put(environmentName(key), value));

    assertEquals(expected, readmeTable("Application settings"));
  }

  @Test
  void serverTableListsEveryServerVariableWithItsDefault() throws Exception {
    Map<String, String> properties = properties();
    Map<String, String> expected = new LinkedHashMap<>();
    serverVariables()
        .forEach(
            (name, defaultValue) -> {
              if (!properties.containsKey(name)) {
                expected.put(environmentName(name), defaultValue);
              }
            });

    assertEquals(expected, readmeTable("Server settings"));
  }

  /** The client ids and the audience default to the contract's, which Keycloak's settings use. */
  @Test
  void clientDefaultsAreTheContracts() throws Exception {
    Map<String, String> properties = properties();
    assertEquals(ServiceApi.SERVICE_CLIENT, properties.get("erasure.keycloak.client-id"));
    assertEquals(
        ServiceApi.DISPATCHER_CLIENT, properties.get("erasure.keycloak.dispatcher-client"));
    assertEquals(ServiceApi.AUDIENCE, properties.get("erasure.jwt.audience"));
  }

  /**
   * mpJwt reads the Keycloak URL and realm, the data source its schema, under the application's
   * names; one default for both.
   */
  @Test
  void sharedVariablesHaveThePropertiesDefaults() throws Exception {
    Map<String, String> properties = properties();
    Map<String, String> variables = serverVariables();
    for (String shared :
        List.of(
            "erasure.keycloak.url",
            "erasure.keycloak.realm",
            "erasure.keycloak.issuer",
            "erasure.keycloak.jwks-url",
            "erasure.db.schema")) {
      assertTrue(variables.containsKey(shared), shared + " is a server.xml variable");
      assertEquals(properties.get(shared), variables.get(shared), shared);
    }
  }

  /** mpJwt takes the issuer and the keys from the shared settings, not addresses of its own. */
  @Test
  void mpJwtReadsTheSharedIssuerAndKeys() throws Exception {
    Element mpJwt =
        (Element)
            DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(EAR.resolve("src/main/liberty/config/server.xml").toFile())
                .getElementsByTagName("mpJwt")
                .item(0);
    assertEquals("${erasure.keycloak.issuer}", mpJwt.getAttribute("issuer"));
    assertEquals("${erasure.keycloak.jwks-url}", mpJwt.getAttribute("jwksUri"));
  }

  /** The default secrets the service refuses are the defaults server.xml gives. */
  @Test
  void theRefusedDefaultSecretsAreServerXmls() throws Exception {
    Map<String, String> variables = serverVariables();
    for (DefaultSecrets.Secret secret : DefaultSecrets.Secret.values()) {
      assertEquals(secret.defaultValue(), variables.get(secret.setting()), secret.setting());
      assertEquals(environmentName(secret.setting()), secret.variable());
    }
    assertEquals(environmentName(DefaultSecrets.ALLOW_SETTING), DefaultSecrets.ALLOW_VARIABLE);
    assertEquals("false", properties().get(DefaultSecrets.ALLOW_SETTING));
  }

  static Map<String, String> properties() throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        SettingsDocumentationTest.class.getResourceAsStream(
            "/META-INF/microprofile-config.properties")) {
      assertNotNull(in, "microprofile-config.properties on the class path");
      properties.load(in);
    }
    Map<String, String> result = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(key -> result.put(key, properties.getProperty(key)));
    return result;
  }

  /** The erasure.* variables of server.xml and their defaults. */
  private static Map<String, String> serverVariables() throws Exception {
    Document serverXml =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(EAR.resolve("src/main/liberty/config/server.xml").toFile());
    assertEquals(
        0,
        serverXml.getElementsByTagName("appProperties").getLength(),
        "appProperties (ordinal 600) would hide the environment");
    Map<String, String> result = new LinkedHashMap<>();
    NodeList variables = serverXml.getElementsByTagName("variable");
    for (int i = 0; i < variables.getLength(); i++) {
      Element variable = (Element) variables.item(i);
      String name = variable.getAttribute("name");
      // A value (ordinal 500 in MicroProfile Config, and above the environment in server.xml)
      // would hide the environment variable.
      assertFalse(variable.hasAttribute("value"), name + " has a value instead of a defaultValue");
      assertTrue(name.startsWith("erasure."), name + " is not named erasure.*");
      result.put(name, variable.getAttribute("defaultValue"));
    }
    return result;
  }

  /** The rows (environment variable, default) of the table after the line starting with title. */
  private static Map<String, String> readmeTable(String title) throws IOException {
    List<String> lines = Files.readAllLines(EAR.resolve("README.md"));
    int at = 0;
    while (at < lines.size() && !lines.get(at).startsWith(title)) {
      at++;
    }
    assertTrue(at < lines.size(), "ear/README.md has a table \"" + title + "\"");
    while (at < lines.size() && !lines.get(at).startsWith("|")) {
      at++;
    }
    Map<String, String> rows = new LinkedHashMap<>();
    for (; at < lines.size() && lines.get(at).startsWith("|"); at++) {
      Matcher row = ROW.matcher(lines.get(at));
      if (row.find()) {
        rows.put(row.group(1), defaultCell(row.group(2).trim()));
      }
    }
    return rows;
  }

  private static String defaultCell(String cell) {
    if (cell.equals("none")) {
      return "";
    }
    assertTrue(cell.startsWith("`") && cell.endsWith("`"), "default in backticks: " + cell);
    return cell.substring(1, cell.length() - 1);
  }

  /** MicroProfile Config's environment source: non-alphanumerics become '_', then upper case. */
  static String environmentName(String name) {
    return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }
}
