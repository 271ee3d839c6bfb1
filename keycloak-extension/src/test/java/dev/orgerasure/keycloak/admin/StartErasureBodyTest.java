package dev.orgerasure.keycloak.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StartErasureBodyTest {

    private static StartErasureBody read(String body) throws Exception {
        return StartErasureBody.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void confirmationIsReadVerbatim() throws Exception {
        assertEquals(" Acme ", read("{\"confirmation\":\" Acme \"}").confirmation());
    }

    @Test
    void malformedJsonIsRefused() {
        assertThrows(StartErasureBody.MalformedException.class, () -> read("{\"confirmation\":"));
    }

    @Test
    void nonObjectIsRefused() {
        assertThrows(StartErasureBody.MalformedException.class, () -> read("[\"Acme\"]"));
    }

    @Test
    void missingConfirmationIsRefused() {
        assertThrows(StartErasureBody.MalformedException.class, () -> read("{}"));
    }

    @Test
    void nonStringConfirmationIsRefused() {
        assertThrows(StartErasureBody.MalformedException.class, () -> read("{\"confirmation\":42}"));
    }

    @Test
    void unknownFieldIsRefused() {
        assertThrows(StartErasureBody.MalformedException.class, () -> read("{\"confirmation\":\"A\",\"orgId\":\"x\"}"));
    }

    @Test
    void bodyOverTheLimitIsRefused() {
        String big = "{\"confirmation\":\"" + "a".repeat(StartErasureBody.MAX_BYTES) + "\"}";
        assertThrows(StartErasureBody.TooLargeException.class, () -> read(big));
    }
}
