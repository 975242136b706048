package dev.mtqr.testkit.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.api.EmojiStatus;
import dev.mtqr.tl.api.RecentStory;
import dev.mtqr.tl.api.User;
import dev.mtqr.tl.api.UserStatusRecently;
import dev.mtqr.tl.api.Username;
import dev.mtqr.tl.mtproto.Pong;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayerConverterTest {
    private static final User USER = RecordAssembler.build(User.class, Map.of("self", true, "id", 42L,
            "firstName", "Ada", "status", new UserStatusRecently(true), "emojiStatus", new EmojiStatus(7L, null),
            "usernames", List.of(new Username(true, true, "ada")), "storiesMaxId", new RecentStory(false, 3)));

    @Test
    void theLatestLayerIsLeftAlone() {
        assertSame(USER, LayerConverter.toLayer(USER, ApiLayer.LATEST));
    }

    @Test
    void aLayer198UserKeepsWhatLayer198HasAndDropsWhatDoesNotFit() {
        var user = assertInstanceOf(dev.mtqr.tl.compat.layer198.User.class,
                LayerConverter.toLayer(USER, ApiLayer.LAYER_198));
        assertEquals(0x4b46c37e, user.constructorId());
        assertEquals(42, user.id());
        assertTrue(user.self());
        assertEquals("Ada", user.firstName());
        assertInstanceOf(dev.mtqr.tl.compat.layer198.UserStatusRecently.class, user.status());
        assertEquals(1, user.usernames().size());
        assertNull(user.storiesMaxId(), "an int at 198, a RecentStory at 228: it does not fit");
    }

    @Test
    void aLayer144UserLosesTheFieldsLayer144DoesNotHave() {
        var user = assertInstanceOf(dev.mtqr.tl.compat.layer144.User.class,
                LayerConverter.toLayer(USER, ApiLayer.LAYER_144));
        assertEquals(0x3ff6ecb0, user.constructorId());
        assertEquals("Ada", user.firstName());
        var status = assertInstanceOf(dev.mtqr.tl.compat.layer144.UserStatusRecently.class, user.status());
        assertEquals(0xe26f42f1, status.constructorId());
    }

    @Test
    void theConvertedObjectSerializesAsItsLayerDecodesIt() {
        Object user = LayerConverter.toLayer(USER, ApiLayer.LAYER_144);
        byte[] bytes = ((dev.mtqr.tl.TlObject) user).toByteArray();
        assertEquals(user, TlReader.of(bytes, dev.mtqr.tl.compat.layer144.SchemaRegistry.INSTANCE).readObject());
    }

    @Test
    void listsAreConvertedElementByElement() {
        Object converted = LayerConverter.toLayer(List.of(USER, USER), ApiLayer.LAYER_144);
        List<?> list = assertInstanceOf(List.class, converted);
        assertEquals(2, list.size());
        list.forEach(user -> assertInstanceOf(dev.mtqr.tl.compat.layer144.User.class, user));
    }

    @Test
    void anOlderRequestBecomesALatestRecord() {
        Object latest = LayerConverter.toLatest(new dev.mtqr.tl.compat.layer144.AuthSignIn("1", "h", "2"));
        assertEquals(new dev.mtqr.tl.api.AuthSignIn("1", "h", "2", null), latest);
    }

    @Test
    void valuesOutsideTheApiPassUnchanged() {
        Pong pong = new Pong(1, 2);
        assertSame(pong, LayerConverter.toLayer(pong, ApiLayer.LAYER_144));
        assertEquals("text", LayerConverter.toLayer("text", ApiLayer.LAYER_144));
        assertFalse(LayerConverter.toLayer(Boolean.FALSE, ApiLayer.LAYER_198) instanceof dev.mtqr.tl.TlObject);
    }
}
