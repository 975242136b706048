package dev.mtqr.mtproto.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The typed errors callers branch on, picked from the rpc_error's code and message (never from text later). */
class RpcExceptionTest {
    @ParameterizedTest
    @CsvSource({"PHONE_MIGRATE_2,PHONE,2,true", "NETWORK_MIGRATE_3,NETWORK,3,true", "USER_MIGRATE_4,USER,4,true",
        "FILE_MIGRATE_5,FILE,5,false", "STATS_MIGRATE_1,STATS,1,false"})
    void saysWhichMigrationAndWhetherTheAccountMoved(String message, MigrateException.Kind kind, int dc,
            boolean moves) {
        MigrateException migrate = assertInstanceOf(MigrateException.class, RpcException.of(303, message));
        assertEquals(kind, migrate.kind());
        assertEquals(dc, migrate.dc());
        assertEquals(moves, migrate.kind().movesMainDc());
    }

    @Test
    void aMigrateMessageWithAnotherCodeIsNoMigration() {
        assertFalse(RpcException.of(400, "USER_MIGRATE_2") instanceof MigrateException);
    }

    @Test
    void readsFloodWaits() {
        FloodWaitException flood = assertInstanceOf(FloodWaitException.class, RpcException.of(420, "FLOOD_WAIT_17"));
        assertEquals(17, flood.seconds());
        assertTrue(RpcException.of(420, "FLOOD_PREMIUM_WAIT_3") instanceof FloodWaitException);
    }
}
