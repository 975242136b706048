package dev.mtqr.tl.mtproto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mtqr.tl.Int128;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.TlRegistry;
import dev.mtqr.tl.api.AuthImportLoginToken;
import dev.mtqr.tl.api.AuthLoginToken;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The key-exchange sample of core.telegram.org/mtproto/samples-auth_key, as copied into
 * {@code shared/data/tl_serialization_and_crc32.txt} §2c and §2d.
 */
class KeyExchangeVectorsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String NONCE = "3e0549828cca27e966b301a48fece2fc";
    private static final String RES_PQ = "632416053e0549828cca27e966b301a48fece2fca5cf4d33f4a11ea877ba4aa5739073300817ed4894"
            + "1a08f98100000015c4b51c01000000216be86c022bb4c3";

    @Test
    void decodesTheResPqOfTheSample() {
        TlReader in = TlReader.of(HEX.parseHex(RES_PQ), SchemaRegistry.INSTANCE);
        ResPQ resPq = assertInstanceOf(ResPQ.class, ResPQType.read(in));
        in.expectEnd();
        assertEquals(Int128.of(HEX.parseHex(NONCE)), resPq.nonce());
        assertEquals(Int128.of(HEX.parseHex("a5cf4d33f4a11ea877ba4aa573907330")), resPq.serverNonce());
        assertArrayEquals(HEX.parseHex("17ed48941a08f981"), resPq.pq());
        assertEquals(List.of(0xc3b42b026ce86b21L), resPq.serverPublicKeyFingerprints());
        assertEquals(RES_PQ, HEX.formatHex(resPq.toByteArray()));
    }

    @Test
    void encodesTheReqPqOfTheSample() {
        ReqPq reqPq = new ReqPq(Int128.of(HEX.parseHex(NONCE)));
        assertEquals("78974660" + NONCE, HEX.formatHex(reqPq.toByteArray()));
        assertEquals(reqPq, TlReader.of(reqPq.toByteArray(), SchemaRegistry.INSTANCE).readMethod());
        assertEquals(ResPQ.CONSTRUCTOR_ID, 0x05162463);
    }

    @Test
    void rpcResultCarriesAnApiValueThroughTheCombinedRegistry() {
        byte[] token = HEX.parseHex("0102030405060708090a0b0c0d0e0f10");
        RpcResult result = new RpcResult(0x51e57ac42770964aL, new AuthLoginToken(1700000000, token));
        byte[] bytes = result.toByteArray();
        assertEquals("016d5cf34a967027c47ae551" + "80199f6200f15365100102030405060708090a0b0c0d0e0f10000000",
                HEX.formatHex(bytes));
        TlReader in = TlReader.of(bytes, TlRegistry.of(SchemaRegistry.INSTANCE, dev.mtqr.tl.api.SchemaRegistry.INSTANCE));
        assertEquals(result, RpcResultType.read(in));
        in.expectEnd();
    }

    @Test
    void aMessageContainerHoldsBareMessagesWithBoxedBodies() {
        TlObject body = new AuthImportLoginToken(HEX.parseHex("0102"));
        MsgContainer container = new MsgContainer(List.of(new Message(4L, 1, body.serializedSize(), body),
                new Message(8L, 3, 4, new MsgsAck(List.of(4L)))));
        TlReader in = TlReader.of(container.toByteArray(),
                TlRegistry.of(SchemaRegistry.INSTANCE, dev.mtqr.tl.api.SchemaRegistry.INSTANCE));
        assertEquals(container, in.readObject());
        in.expectEnd();
        assertEquals("dcf8f17302000000" + "0400000000000000" + "01000000" + "08000000" + "e45cac9502010200",
                HEX.formatHex(container.toByteArray()).substring(0, 64));
    }
}
