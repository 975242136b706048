package dev.mtqr.testkit.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.tl.api.Config;
import dev.mtqr.tl.api.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordAssemblerTest {
    @Test
    void absentComponentsAreEmpty() {
        User user = RecordAssembler.build(User.class, Map.of("id", 1L));
        assertEquals(1, user.id());
        assertFalse(user.self());
        assertNull(user.firstName(), "an optional string stays null");
        assertNull(user.accessHash());
    }

    @Test
    void requiredReferencesTheRecordRefusesAsNullAreFilled() {
        Config config = RecordAssembler.build(Config.class, Map.of("thisDc", 2));
        assertEquals("", config.dcTxtDomainName());
        assertEquals(List.of(), config.dcOptions());
        assertEquals(2, config.thisDc());
        assertTrue(config.toByteArray().length > 0);
    }

    @Test
    void anUnknownComponentIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecordAssembler.build(User.class, Map.of("nickname", "x")));
        assertTrue(e.getMessage().contains("nickname"));
    }
}
