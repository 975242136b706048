package dev.mtqr.mtproto.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.crypto.SecurityCheckException.Check;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The client's DH step against the grammers auth-key flow (grammers-mtproto/src/authentication.rs,
 * emulate_successful_auth_key_gen_flow @ fa7692e4), where b is step3_random[0:256].
 */
class DhExchangeTest {
    private static final HexFormat HEX = HexFormat.of();

    static final String G_A = "2d0c5610744873379d3daca04af98b9c27ccbfbb5041cfeb13fa0290aed64b12"
            + "de2e154709a175875eeeb6c8595c1d6baa712f674cea5dd408e41ec54fb23940"
            + "525b5e57716ed34e0aafe04fcfbf8493dac6d189fd63470954b9b49aee866145"
            + "016bf2697eb457717a757b10e88e299117b68e8a861184922ebb15e878b74aed"
            + "801bc7f9c87a6c91c95c66237bd49f3b63b2ce8cf7b72997d7e917e36edf71ce"
            + "74560473a8b1b340c131c599eb5ecad7d7c1eb382987193534f710af24ee829b"
            + "768d427bfc42a3955f0963591251691f51d3a40f320d7165db39bec7875c9433"
            + "9fbc3f6c41c4a424856af563fa7cce13d901908bef256d6f0840727ddf44f684";

    /** step3_random[0:256]; the remaining 16 bytes pad client_DH_inner_data. */
    static final String B = "8fc3605a4604cbb5461fdeff439c761150083cdd502550558e92c730d46c9caf"
            + "0b1b2d64d2c264942c50d98694fff604fdd2bd87f2cafb719bc55e65a1f60b08"
            + "809660a650721c40d56fc9c792df1d463aad1718c6924b7bdffbe395f14633d3"
            + "3fc38ce47c18a1561b83a5c66d29f9e292637127471c3baab0028ae42796b689"
            + "e53a7f9ab5f0ee6d3fb658d847c1abca509fc4ed0d45edbb1c946488910d8d78"
            + "fa0767255b57a7c3898da8d26625bde40c5a0e80b581408ecd95a17d396dc757"
            + "4a8ed3cbc4c085197ffaad29c18e577eb292aa8b98caa92efd6f9536049b5a7d"
            + "efc861e270eca90c55b9585405cb96f3e6ea754850b09e7a59ba5fd92d357982";

    static final String G_B = "8f152348d6b2fee8d08ed809075d23782305950d6610af1cca8d90ffbc136e2a"
            + "648d8500f2d3c3d8b36e9949428fbc534eb788888d76b0bd57920695dcd5fd72"
            + "842346c39b83c4e28a31d9ea9925c83310254b5a8e3dadfb1fcff33c93b919b8"
            + "2da39f3ba8abbdbdbdd9026112ac5117f60f7f9d5dca4f6edd45946dd53deef6"
            + "0acdc1172428751a380103ded1d2a18a0d8b8ced819ab814b0e827c5ed942c0d"
            + "29595f51c7ae88d2be54e15005f5137406c2f737ccb3514326e561963d6972dd"
            + "991b151e15408ebc9cd7ba92b4cc0eaa7adc4a7fd4a4f2fb4d3bd29977a7147d"
            + "b3b351b0790ee27530926e30f90c097b732c2f9f817d8d10e8988b8ee05a0f84";

    static final String AUTH_KEY = "7582e48ad36cd6eef7944ac9bd7027de9ee3202543b68850ac01e1221350f717"
            + "4e6c3771c9d86b3075f777539c23d053e9da9a1510d49e8fa0ad76a016ce28bf"
            + "e3543dde69959bc682dab762b95a36629a8438e65baa53cc79b551c23d555c76"
            + "75a36f4ece90882ece497d28a903409b780a8a80516cb0f8534fee3a67530beb"
            + "2b1929626e07c2a052c4870b18b0a626606ca05cb13668a65aee3fa32cbebf1b"
            + "3a56532138cb22c017cac44a292021902eea9b9f906c6be19c9203c7bb3ebc5f"
            + "1b2044d0a90cb008f7248c3ae4449e0895b6090abb04c24131c2948bd27d879e"
            + "cb934e50a46671f987653385ab388e4fa1ddd4c95743111e08bf11fef1f8f739";

    private static final BigInteger P = DhChecksTest.DH_PRIME;

    @Test
    void reproducesTheGrammersFlow() {
        ReplayRandom random = new ReplayRandom(HEX.parseHex(B));
        DhExchange dh = DhExchange.clientSide(P, 3, new BigInteger(G_A, 16), random);
        assertEquals(List.of(256), random.requests());
        assertEquals(G_B, HEX.formatHex(dh.gBBytes()));
        assertEquals(AUTH_KEY, HEX.formatHex(dh.authKey().bytes()));
    }

    @Property(tries = 8)
    void clientAndServerAgreeOnTheAuthKey(@ForAll long seed) {
        Random seeded = new Random(seed);
        RandomSource random = seeded::nextBytes;
        DhKeyPair server = DhKeyPair.generate(P, 3, random);
        DhExchange client = DhExchange.clientSide(P, 3, server.publicValue(), random);
        assertArrayEquals(server.sharedSecret(client.gB(), P, "g_b"), client.authKey().bytes());
    }

    @Test
    void rejectsGAOutOfRangeBeforeDrawingB() {
        SecurityCheckException e = assertThrows(SecurityCheckException.class,
                () -> DhExchange.clientSide(P, 3, BigInteger.TWO, ReplayRandom.forbidden()));
        assertEquals(Check.DH_RANGE, e.check());
        assertTrue(e.getMessage().contains("g_a"));
    }

    @Test
    void rejectsABadPrimeOrGeneratorBeforeDrawingB() {
        BigInteger gA = new BigInteger(G_A, 16);
        assertEquals(Check.DH_PRIME, assertThrows(SecurityCheckException.class,
                () -> DhExchange.clientSide(P.subtract(BigInteger.TWO), 3, gA, ReplayRandom.forbidden())).check());
        assertEquals(Check.DH_GENERATOR, assertThrows(SecurityCheckException.class,
                () -> DhExchange.clientSide(P, 2, gA, ReplayRandom.forbidden())).check());
    }
}
