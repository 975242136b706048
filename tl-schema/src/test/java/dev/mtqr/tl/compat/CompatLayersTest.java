package dev.mtqr.tl.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mtqr.tl.TlDecodeException;
import dev.mtqr.tl.TlReader;
import org.junit.jupiter.api.Test;

/** The older layers GramJS (198) and Telethon 1.25 (144) speak, against {@code shared/data/compat_layer_table.md}. */
class CompatLayersTest {

    @Test
    void declaresTheirLayers() {
        assertEquals(228, dev.mtqr.tl.api.SchemaRegistry.LAYER);
        assertEquals(198, dev.mtqr.tl.compat.layer198.SchemaRegistry.LAYER);
        assertEquals(144, dev.mtqr.tl.compat.layer144.SchemaRegistry.LAYER);
    }

    @Test
    void layer144UsesItsOwnConstructorIds() {
        assertEquals(0x3ff6ecb0, dev.mtqr.tl.compat.layer144.User.CONSTRUCTOR_ID);
        assertEquals(0x33fb7bb8, dev.mtqr.tl.compat.layer144.AuthAuthorization.CONSTRUCTOR_ID);
        assertEquals(0xbcd51581, dev.mtqr.tl.compat.layer144.AuthSignIn.CONSTRUCTOR_ID);
        assertEquals(0x185b184f, dev.mtqr.tl.compat.layer144.AccountPassword.CONSTRUCTOR_ID);
        assertEquals(0x330b4067, dev.mtqr.tl.compat.layer144.Config.CONSTRUCTOR_ID);
        assertEquals(0xe26f42f1, dev.mtqr.tl.compat.layer144.UserStatusRecently.CONSTRUCTOR_ID);
        assertEquals(0x8a6469c2, dev.mtqr.tl.compat.layer144.CodeSettings.CONSTRUCTOR_ID);
    }

    @Test
    void layer198UsesItsOwnConstructorIds() {
        assertEquals(0x4b46c37e, dev.mtqr.tl.compat.layer198.User.CONSTRUCTOR_ID);
        assertEquals(0x2ea2c0d4, dev.mtqr.tl.compat.layer198.AuthAuthorization.CONSTRUCTOR_ID);
        assertEquals(0x8d52a951, dev.mtqr.tl.compat.layer198.AuthSignIn.CONSTRUCTOR_ID);
        assertEquals(0xcc1a241e, dev.mtqr.tl.compat.layer198.Config.CONSTRUCTOR_ID);
        assertNotEquals(dev.mtqr.tl.api.User.CONSTRUCTOR_ID, dev.mtqr.tl.compat.layer198.User.CONSTRUCTOR_ID);
    }

    @Test
    void sharedConstructorsKeepTheirIds() {
        assertEquals(0x629f1980, dev.mtqr.tl.compat.layer144.AuthLoginToken.CONSTRUCTOR_ID);
        assertEquals(0x068e9916, dev.mtqr.tl.compat.layer198.AuthLoginTokenMigrateTo.CONSTRUCTOR_ID);
        assertEquals(0xb7e085fe, dev.mtqr.tl.compat.layer144.AuthExportLoginToken.CONSTRUCTOR_ID);
    }

    @Test
    void eachLayerDecodesOnlyItsOwnUser() {
        byte[] user144 = new dev.mtqr.tl.compat.layer144.UserEmpty(5).toByteArray();
        assertEquals(new dev.mtqr.tl.compat.layer144.UserEmpty(5),
                dev.mtqr.tl.compat.layer144.UserType.read(TlReader.of(user144)));
        byte[] user228 = new dev.mtqr.tl.api.User(false, false, false, false, false, false, false, false, false,
                false, false, false, false, false, false, false, false, false, false, false, false, false, false, false,
                false, false, false, false, 5L, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null).toByteArray();
        assertThrows(TlDecodeException.class, () -> dev.mtqr.tl.compat.layer144.UserType.read(TlReader.of(user228)));
        assertThrows(TlDecodeException.class, () -> dev.mtqr.tl.compat.layer198.UserType.read(TlReader.of(user228)));
        assertEquals(5L, ((dev.mtqr.tl.api.User) dev.mtqr.tl.api.UserType.read(TlReader.of(user228))).id());
    }
}
