package dev.mtqr.mtproto.crypto;

import static dev.mtqr.mtproto.crypto.SrpVectorsTest.GO;
import static dev.mtqr.mtproto.crypto.SrpVectorsTest.GR1;
import static dev.mtqr.mtproto.crypto.SrpVectorsTest.GR2;
import static dev.mtqr.mtproto.crypto.SrpVectorsTest.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mtqr.mtproto.crypto.SecurityCheckException.Check;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checked client path of core.telegram.org/api/srp. */
class SrpTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final BigInteger P = DhChecks.TELEGRAM_PRIME;

    private static SrpAnswer answerGr2(byte[] p, int g, byte[] srpB, RandomSource random) {
        return Srp.answer(bytes(GR2.password()), bytes(GR2.salt1()), bytes(GR2.salt2()), g, p, srpB, random);
    }

    private static Check refusal(byte[] p, int g, byte[] srpB) {
        return assertThrows(SecurityCheckException.class,
                () -> answerGr2(p, g, srpB, ReplayRandom.forbidden())).check();
    }

    private static byte[] pad(BigInteger value) {
        return BigIntegers.toFixed(value, 256);
    }

    @Test
    void drawsTheSecretAsOne256ByteCall() {
        ReplayRandom random = new ReplayRandom(bytes(GR2.a()));
        SrpAnswer answer = answerGr2(bytes(GR2.p()), GR2.g(), bytes(GR2.srpB()), random);
        assertEquals(List.of(256), random.requests());
        assertEquals(GR2.expectedA(), HEX.formatHex(answer.a()));
        assertEquals(GR2.expectedM1(), HEX.formatHex(answer.m1()));
    }

    @Test
    void drawsAgainWhenAIsOutOfRange() {
        ReplayRandom random = new ReplayRandom(bytes(GO.a()), bytes(GR2.a()));
        SrpAnswer answer = answerGr2(bytes(GR2.p()), GR2.g(), bytes(GR2.srpB()), random);
        assertEquals(List.of(256, 256), random.requests());
        assertEquals(GR2.expectedA(), HEX.formatHex(answer.a()));
        assertEquals(GR2.expectedM1(), HEX.formatHex(answer.m1()));
    }

    @Test
    void refusesTheToyPrime() {
        assertEquals(Check.DH_PRIME, refusal(bytes(GR1.p()), 3, bytes(GR1.srpB())));
    }

    @Test
    void refusesAGeneratorFailingItsRule() {
        assertEquals(Check.DH_GENERATOR, refusal(pad(P), 2, bytes(GR2.srpB())));
    }

    @Test
    void refusesSrpBThatIsZeroOrNotBelowP() {
        assertEquals(Check.SRP, refusal(pad(P), 3, new byte[256]));
        assertEquals(Check.SRP, refusal(pad(P), 3, pad(P)));
        assertEquals(Check.SRP, refusal(pad(P), 3, pad(P.add(BigInteger.ONE))));
        assertEquals(Check.SRP, refusal(pad(P), 3, new BigInteger(1, pad(P)).shiftLeft(8).toByteArray()));
    }

    @Test
    void refusesSrpBOutsideTheDhRange() {
        BigInteger margin = BigInteger.ONE.shiftLeft(2048 - 64);
        assertEquals(Check.DH_RANGE, refusal(pad(P), 3, pad(BigInteger.ONE)));
        assertEquals(Check.DH_RANGE, refusal(pad(P), 3, pad(margin)));
        assertEquals(Check.DH_RANGE, refusal(pad(P), 3, pad(P.subtract(margin))));
    }

    @Test
    void newPasswordHashRefusesTheToyPrime() {
        assertEquals(Check.DH_PRIME, assertThrows(SecurityCheckException.class,
                () -> Srp.newPasswordHash(bytes("07"), bytes("01"), bytes("02"), 3, bytes(GR1.p()))).check());
    }

    @Test
    void newSalt1AppendsOne32ByteDraw() {
        byte[] extra = new byte[32];
        extra[0] = 1;
        extra[31] = 2;
        ReplayRandom random = new ReplayRandom(extra);
        assertEquals("aabb" + HEX.formatHex(extra), HEX.formatHex(Srp.newSalt1(bytes("aabb"), random)));
        assertEquals(List.of(32), random.requests());
    }

    @Test
    void answerToStringShowsLengthsOnly() {
        SrpAnswer answer = new SrpAnswer(bytes(GR2.expectedA()), bytes(GR2.expectedM1()));
        assertEquals("SrpAnswer[a=256 bytes, m1=32 bytes]", answer.toString());
        assertEquals(answer, new SrpAnswer(bytes(GR2.expectedA()), bytes(GR2.expectedM1())));
    }
}
