package dev.orgerasure.e2e.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.Member;
import java.util.Base64;
import org.junit.jupiter.api.Test;

@WholeSystemTest
class LoginIT {

  private final SystemUnderTest sut;

  LoginIT(SystemUnderTest sut) {
    this.sut = sut;
  }

  @Test
  void realmAdminLogsIntoTheAdminConsoleThroughTheLoginForm() throws Exception {
    TokenResponse tokens = sut.adminConsoleLogin(sut.demo().realmAdmin()).requireSuccess();
    JsonNode idToken = claims(tokens.idToken());
    assertEquals(AdminConsoleLogin.CONSOLE_CLIENT, idToken.path("azp").asText());
    assertTrue(idToken.has("auth_time"));
    assertTrue(!tokens.refreshToken().isEmpty());
  }

  @Test
  void memberGetsAnOfflineTokenWhenAskingForOfflineAccess() throws Exception {
    Member member = sut.demo().orgs().get(2).learners().get(0);
    TokenResponse tokens = sut.memberLogin(member, true).requireSuccess();
    assertEquals("Offline", claims(tokens.refreshToken()).path("typ").asText());
  }

  @Test
  void memberRefreshesTheirTokens() {
    Member member = sut.demo().orgs().get(2).learners().get(1);
    TokenResponse login = sut.memberLogin(member, false).requireSuccess();
    assertTrue(sut.memberRefresh(login.refreshToken()).isSuccess());
  }

  @Test
  void wrongPasswordIsRefusedWithInvalidGrant() {
    Member member = sut.demo().orgs().get(2).learners().get(2);
    Member wrong =
        new Member(member.id(), member.username(), "wrong", member.firstName(), member.lastName());
    assertEquals("invalid_grant", sut.memberLogin(wrong, false).error());
  }

  private static JsonNode claims(String jwt) throws Exception {
    return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
  }
}
