package dev.mtqr.mtproto.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mtqr.mtproto.client.TelegramServers;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.mtproto.SchemaRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The client state machine reproduces a recorded exchange byte for byte from the same random bytes. */
class GrammersFlowTest {
    private static final HexFormat HEX = HexFormat.of();

    private static TlObject decode(String hex) {
        TlReader in = TlReader.of(HEX.parseHex(hex), SchemaRegistry.INSTANCE);
        TlObject value = in.readObject();
        in.expectEnd();
        return value;
    }

    @Test
    void reproducesEveryRequestTheKeyAndTheSalt() {
        StreamRandom random = new StreamRandom(GrammersFlowVector.STEP1_RANDOM, GrammersFlowVector.STEP2_RANDOM,
                GrammersFlowVector.STEP3_RANDOM);
        ClientOptions options = new ClientOptions(TelegramServers.test().keys(), 2,
                ClientOptions.InnerData.LEGACY, 0);
        Clock clock = Clock.fixed(Instant.ofEpochSecond(GrammersFlowVector.NOW), ZoneOffset.UTC);
        ClientHandshake client = new ClientHandshake(options, random, clock);

        assertEquals(GrammersFlowVector.STEP1_REQUEST, HEX.formatHex(client.start().toByteArray()));
        ClientStep step2 = client.onAnswer(decode(GrammersFlowVector.STEP1_RESPONSE));
        assertEquals(GrammersFlowVector.STEP2_REQUEST,
                HEX.formatHex(assertInstanceOf(ClientStep.Send.class, step2).request().toByteArray()));
        ClientStep step3 = client.onAnswer(decode(GrammersFlowVector.STEP2_RESPONSE));
        assertEquals(GrammersFlowVector.STEP3_REQUEST,
                HEX.formatHex(assertInstanceOf(ClientStep.Send.class, step3).request().toByteArray()));
        ClientStep done = client.onAnswer(decode(GrammersFlowVector.STEP3_RESPONSE));

        HandshakeResult result = assertInstanceOf(ClientStep.Done.class, done).result();
        assertEquals(GrammersFlowVector.EXPECTED_AUTH_KEY, HEX.formatHex(result.authKey().bytes()));
        assertEquals(GrammersFlowVector.FIRST_SALT, result.serverSalt());
        assertEquals(0, result.serverTimeOffset());
        // The recording drew 16 padding bytes for client_DH_inner_data and used the 12 it needed.
        assertEquals(4, random.remaining(), "the random bytes were used in the recorded order");
        assertEquals(result, client.result().orElseThrow());
    }
}
