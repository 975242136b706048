package dev.mtqr.mtproto.session;

import dev.mtqr.mtproto.crypto.AuthKey;
import dev.mtqr.mtproto.crypto.MessageCrypto;
import dev.mtqr.mtproto.session.ClientSession.Receipt;
import dev.mtqr.tl.TlIds;
import dev.mtqr.tl.TlSizes;
import dev.mtqr.tl.TlWriter;
import dev.mtqr.tl.api.HelpGetNearestDc;
import dev.mtqr.tl.api.JsonArray;
import dev.mtqr.tl.api.JsonNull;
import dev.mtqr.tl.api.UpdateLoginToken;
import dev.mtqr.tl.api.UpdateShort;
import dev.mtqr.tl.mtproto.BadMsgNotification;
import dev.mtqr.tl.mtproto.BadServerSalt;
import dev.mtqr.tl.mtproto.DestroySessionNone;
import dev.mtqr.tl.mtproto.DestroySessionOk;
import dev.mtqr.tl.mtproto.FutureSalt;
import dev.mtqr.tl.mtproto.FutureSalts;
import dev.mtqr.tl.mtproto.MsgDetailedInfo;
import dev.mtqr.tl.mtproto.MsgNewDetailedInfo;
import dev.mtqr.tl.mtproto.MsgResendReq;
import dev.mtqr.tl.mtproto.MsgsAck;
import dev.mtqr.tl.mtproto.MsgsAllInfo;
import dev.mtqr.tl.mtproto.MsgsStateInfo;
import dev.mtqr.tl.mtproto.MsgsStateReq;
import dev.mtqr.tl.mtproto.NewSessionCreated;
import dev.mtqr.tl.mtproto.Ping;
import dev.mtqr.tl.mtproto.Pong;
import dev.mtqr.tl.mtproto.RpcError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Packets a broken or hostile peer could send a {@link ClientSession}, drawn from one seeded {@link Random}: authentic
 * ones, encrypted with the {@link ScriptedServer}'s key for the session id and salt of the moment, whose bodies are
 * hostile; and forged ones, which must fail decryption. Each comes with the receipt
 * {@link ClientSession#receive} owes it: a forged packet or a body that is not whole 4-byte words is
 * {@code UNDECRYPTABLE}, a packet for the current session or one of the last {@value #RETIRED_KEPT} replaced is
 * {@code ACCEPTED}, any other session's is {@code IGNORED}.
 */
final class HostilePackets {
    /** What a packet holds, and how often it is drawn (per million, roughly). */
    enum Kind {
        RANDOM_BODY(150_000), CONSTRUCTOR_THEN_RANDOM(70_000), SERVICE(80_000), SERVICE_TRUNCATED(100_000),
        SERVICE_BIT_FLIPPED(90_000), HUGE_COUNT(40_000), CONTAINER(40_000), NESTED_CONTAINER(25_000),
        DEEP_TL(10_000), GZIP_DAMAGED(30_000), GZIP_NESTED(2_000), GZIP_BOMB(40), OPEN_CALL_GARBAGE(40_000),
        BAD_PARITY(25_000), FAR_TIME(30_000), RETIRED_SESSION(10_000), WRONG_SESSION(20_000), REPLAY(20_000),
        PADDED(10_000),
        RANDOM_PACKET(60_000), BIT_FLIPPED_PACKET(60_000), TRUNCATED_PACKET(40_000), REFLECTED(10_000),
        WRONG_KEY(10_000), LYING_HEADER(20_000);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    /**
     * One packet: its kind, the message data and session id it was made with (empty and 0 if none) and the receipt it
     * is owed.
     */
    record Hostile(Kind kind, byte[] packet, byte[] body, long sessionId, Receipt owed) {
    }

    /** How many replaced sessions a {@link ClientSession} still takes packets for. */
    static final int RETIRED_KEPT = 4;
    static final int[] GZIP_DEPTHS = {1, 2, 3, 4, 5, 6, 7, 8, 16, 64, 256, 1024, 3000, 6000};
    private static final int[] BAD_MSG_CODES = {16, 17, 18, 19, 20, 32, 33, 34, 35, 48, 64};
    /** Codes that never replace the session, for containers of hundreds of messages. */
    private static final int[] REPAIRED_CODES = {18, 19, 20, 34, 35, 48, 64};
    private static final int[] CONSTRUCTORS = {Bodies.MSG_CONTAINER, Bodies.GZIP_PACKED, Bodies.RPC_RESULT,
        Bodies.RPC_ERROR, TlIds.VECTOR, TlIds.BOOL_TRUE, BadMsgNotification.CONSTRUCTOR_ID,
        BadServerSalt.CONSTRUCTOR_ID, NewSessionCreated.CONSTRUCTOR_ID, MsgsAck.CONSTRUCTOR_ID,
        MsgsStateReq.CONSTRUCTOR_ID, MsgsStateInfo.CONSTRUCTOR_ID, MsgResendReq.CONSTRUCTOR_ID,
        MsgDetailedInfo.CONSTRUCTOR_ID, MsgNewDetailedInfo.CONSTRUCTOR_ID, Pong.CONSTRUCTOR_ID, Ping.CONSTRUCTOR_ID,
        FutureSalts.CONSTRUCTOR_ID, MsgsAllInfo.CONSTRUCTOR_ID, DestroySessionOk.CONSTRUCTOR_ID,
        DestroySessionNone.CONSTRUCTOR_ID, UpdateShort.CONSTRUCTOR_ID, JsonArray.CONSTRUCTOR_ID,
        SessionFixture.NEAREST.constructorId()};
    private static final int IDS_KEPT = 32;
    private static final int SESSIONS_KEPT = 16;
    private static final int REPLAYS_KEPT = 64;

    private final ClientSession session;
    private final ScriptedServer server;
    private final Random random;
    private final AuthKey otherKey;
    private final byte[] keyId;
    private final int[] cumulativeWeights = new int[Kind.values().length];
    private final List<byte[]> gzipNests = new ArrayList<>();
    private final List<byte[]> bombs = new ArrayList<>();
    private final List<Long> openCalls = new ArrayList<>();
    private final List<Long> clientIds = new ArrayList<>();
    /** Session ids seen current, with the count of renewals at which each became current. */
    private final LinkedHashMap<Long, Long> sessions = new LinkedHashMap<>();
    private final List<Hostile> replays = new ArrayList<>();
    private long currentSession;
    private long lastId;

    HostilePackets(SessionFixture fixture, Random random) {
        this.session = fixture.session;
        this.server = fixture.server;
        this.random = random;
        this.otherKey = keyOneBitAway(server.key, random);
        this.keyId = longBytes(server.key.id());
        int sum = 0;
        for (Kind kind : Kind.values()) {
            sum += kind.weight;
            cumulativeWeights[kind.ordinal()] = sum;
        }
        currentSession = session.sessionId();
        sessions.put(currentSession, session.stats().renewals());
        buildGzipNests();
    }

    /** The next packet. */
    Hostile next() {
        Kind kind = pickKind();
        return switch (kind) {
            case RANDOM_BODY -> authentic(kind, randomBytes(length(), random.nextBoolean()));
            case CONSTRUCTOR_THEN_RANDOM -> authentic(kind, concat(intBytes(constructor()), randomBytes(length(),
                    random.nextInt(4) != 0)));
            case SERVICE -> authentic(kind, service());
            case SERVICE_TRUNCATED -> authentic(kind, truncated(serviceOrContainer()));
            case SERVICE_BIT_FLIPPED -> authentic(kind, flipped(serviceOrContainer(), 1 + random.nextInt(3)));
            case HUGE_COUNT -> authentic(kind, hugeCount());
            case CONTAINER -> authentic(kind, container());
            case NESTED_CONTAINER -> authentic(kind, maybeGzip(nestedContainer(1 + random.nextInt(4))));
            case DEEP_TL -> authentic(kind, deepTl());
            case GZIP_DAMAGED -> authentic(kind, damagedGzip());
            case GZIP_NESTED -> authentic(kind, nestedGzip());
            case GZIP_BOMB -> authentic(kind, bomb());
            case OPEN_CALL_GARBAGE -> authentic(kind, answerToOpenCall());
            case BAD_PARITY -> authentic(kind, session.sessionId(), freshId() & ~3L | random.nextInt(2) * 2L,
                    anyBody());
            case FAR_TIME -> authentic(kind, session.sessionId(), farId(), clockBody());
            case RETIRED_SESSION -> authentic(kind, knownSession(), freshId(), anyBody());
            case WRONG_SESSION -> authentic(kind, random.nextLong(), freshId(), anyBody());
            case REPLAY -> replay();
            case PADDED -> padded();
            case RANDOM_PACKET -> randomPacket();
            case BIT_FLIPPED_PACKET -> forged(kind, flipped(seal(session.sessionId(), freshId(), service()), 1));
            case TRUNCATED_PACKET -> truncatedPacket();
            case REFLECTED -> forged(kind, new Envelope(session.salt(), session.sessionId(), freshId(), 1, service())
                    .encrypt(server.key, MessageCrypto.CLIENT, server.random));
            case WRONG_KEY -> wrongKey();
            case LYING_HEADER -> lyingHeader();
        };
    }

    /** Notes what {@link ClientSession#receive} just did to the session id; call after each packet. */
    void received(Hostile packet) {
        long now = session.sessionId();
        if (now != currentSession) {
            currentSession = now;
            sessions.put(now, session.stats().renewals());
            if (sessions.size() > SESSIONS_KEPT) {
                sessions.remove(sessions.keySet().iterator().next());
            }
        }
        if (packet.owed() == Receipt.ACCEPTED && packet.kind() != Kind.REPLAY && random.nextInt(8) == 0) {
            replays.add(packet);
            if (replays.size() > REPLAYS_KEPT) {
                replays.remove(0);
            }
        }
    }

    /** Learns the msg_ids of the calls and other messages in what the session sent. */
    void learn(List<byte[]> sent) {
        for (byte[] packet : sent) {
            Envelope envelope = server.envelope(packet);
            remember(clientIds, envelope.msgId());
            for (InnerMessage message : server.open(packet)) {
                remember(clientIds, message.msgId());
                if (message.constructorId() == HelpGetNearestDc.CONSTRUCTOR_ID) {
                    remember(openCalls, message.msgId());
                }
            }
        }
        openCalls.removeIf(id -> session.calls.get(id) == null);
    }

    // ---- packets

    private Hostile authentic(Kind kind, byte[] body) {
        return authentic(kind, session.sessionId(), freshId(), body);
    }

    private Hostile authentic(Kind kind, long sessionId, long msgId, byte[] body) {
        return new Hostile(kind, seal(sessionId, msgId, body), body, sessionId, owed(sessionId, body));
    }

    private Hostile forged(Kind kind, byte[] packet) {
        return new Hostile(kind, packet, new byte[0], 0, Receipt.UNDECRYPTABLE);
    }

    private Receipt owed(long sessionId, byte[] body) {
        if (body.length % 4 != 0) {
            return Receipt.UNDECRYPTABLE;
        }
        if (sessionId == session.sessionId()) {
            return Receipt.ACCEPTED;
        }
        Long becameCurrent = sessions.get(sessionId);
        return becameCurrent != null && session.stats().renewals() - becameCurrent <= RETIRED_KEPT
                ? Receipt.ACCEPTED : Receipt.IGNORED;
    }

    private byte[] seal(long sessionId, long msgId, byte[] body) {
        long salt = random.nextInt(16) == 0 ? random.nextLong() : session.salt();
        if (random.nextInt(4) == 0) {
            return new Envelope(salt, sessionId, msgId, random.nextInt(), body).encrypt(server.key,
                    MessageCrypto.SERVER, server.random);
        }
        return server.send(sessionId, salt, msgId, body);
    }

    private Hostile replay() {
        if (replays.isEmpty()) {
            return authentic(Kind.REPLAY, service());
        }
        Hostile original = replays.get(random.nextInt(replays.size()));
        return new Hostile(Kind.REPLAY, original.packet(), original.body(), original.sessionId(),
                owed(original.sessionId(), original.body()));
    }

    private Hostile padded() {
        byte[] body = service();
        long sessionId = session.sessionId();
        if (random.nextBoolean()) {
            byte[] packet = seal(sessionId, freshId(), body);
            return new Hostile(Kind.PADDED, concat(packet, randomBytes(1 + random.nextInt(15), false)), body,
                    sessionId, owed(sessionId, body));
        }
        byte[] plain = plaintext(session.salt(), sessionId, freshId(), body.length, body, new byte[0]);
        int padding = 12 + Math.floorMod(-(plain.length + 12), 16);
        int extra = random.nextInt((1024 - padding) / 16 + 1);
        return new Hostile(Kind.PADDED, MessageCrypto.encrypt(server.key, plain, MessageCrypto.SERVER, server.random,
                extra), body, sessionId, owed(sessionId, body));
    }

    private Hostile randomPacket() {
        int length = random.nextInt(10) < 7 ? random.nextInt(120) : random.nextInt(2200);
        byte[] packet = randomBytes(length, false);
        if (length >= 8 && random.nextBoolean()) {
            System.arraycopy(keyId, 0, packet, 0, 8);
        }
        return forged(Kind.RANDOM_PACKET, packet);
    }

    private Hostile truncatedPacket() {
        byte[] packet = seal(session.sessionId(), freshId(), service());
        return forged(Kind.TRUNCATED_PACKET, Arrays.copyOf(packet, random.nextInt(packet.length)));
    }

    private Hostile wrongKey() {
        byte[] packet = new Envelope(session.salt(), session.sessionId(), freshId(), 1, service()).encrypt(otherKey,
                MessageCrypto.SERVER, server.random);
        if (random.nextBoolean()) {
            System.arraycopy(keyId, 0, packet, 0, 8);
        }
        return forged(Kind.WRONG_KEY, packet);
    }

    /**
     * The key with one bit changed in a byte that server-to-client messages use (msg_key from bytes 96..127, the AES
     * key and iv from 8..43 and 48..83); a change elsewhere leaves those messages as they were.
     */
    private static AuthKey keyOneBitAway(AuthKey key, Random random) {
        int[][] used = {{8, 44}, {48, 84}, {96, 128}};
        int[] range = used[random.nextInt(used.length)];
        byte[] other = key.bytes();
        other[range[0] + random.nextInt(range[1] - range[0])] ^= (byte) (1 << random.nextInt(8));
        return new AuthKey(other);
    }

    /** A packet with the right key whose message_data_length or padding breaks the rules. */
    private Hostile lyingHeader() {
        byte[] body = service();
        byte[] tail = new byte[0];
        int plainLength = 32 + body.length;
        int innerLength = plainLength + 12 + Math.floorMod(-(plainLength + 12), 16);
        int claimed = switch (random.nextInt(5)) {
            case 0 -> innerLength - 32 + 4 * (1 + random.nextInt(100));
            case 1 -> random.nextInt() | Integer.MIN_VALUE;
            case 2 -> (body.length & ~3) + 1 + random.nextInt(3);
            case 3 -> {
                tail = randomBytes(1024 + random.nextInt(500), true);
                yield body.length;
            }
            default -> innerLength - 32 - 4 * (1 + random.nextInt(2));
        };
        byte[] plain = plaintext(session.salt(), session.sessionId(), freshId(), claimed, body, tail);
        return new Hostile(Kind.LYING_HEADER, MessageCrypto.encrypt(server.key, plain, MessageCrypto.SERVER,
                server.random), body, session.sessionId(), Receipt.UNDECRYPTABLE);
    }

    private static byte[] plaintext(long salt, long sessionId, long msgId, int dataLength, byte[] body, byte[] tail) {
        byte[] plain = new byte[32 + body.length + tail.length];
        TlWriter w = TlWriter.wrap(plain);
        w.writeLong(salt);
        w.writeLong(sessionId);
        w.writeLong(msgId);
        w.writeInt(1);
        w.writeInt(dataLength);
        System.arraycopy(body, 0, plain, 32, body.length);
        System.arraycopy(tail, 0, plain, 32 + body.length, tail.length);
        return plain;
    }

    // ---- msg_ids and sessions

    /** A server msg_id (1 or 3 mod 4) at the time the session believes is the server's, above the last one. */
    private long freshId() {
        long now = idAt(session.msgIds.serverMillis());
        long ahead = lastId - now; // ids past 2^31 s are negative longs: compare by difference
        lastId = ahead < 0 || ahead > 10L << 32 ? now : lastId + 4;
        return lastId & ~3L | (random.nextInt(4) == 0 ? 3 : 1);
    }

    /** A msg_id far in the past or the future of the session's time, or anywhere. */
    private long farId() {
        long now = idAt(session.msgIds.serverMillis());
        long id = switch (random.nextInt(4)) {
            case 0 -> now - (301L + random.nextInt(100_000) << 32);
            case 1 -> now + (31L + random.nextInt(100_000) << 32);
            case 2 -> now + ((long) random.nextInt() << 32);
            default -> random.nextLong();
        };
        return id & ~3L | (random.nextBoolean() ? 1 : 3);
    }

    /** A msg_id inside the time window but not at its present: up to 29 s ahead or 299 s behind. */
    private long skewedId() {
        long seconds = random.nextBoolean() ? 1 + random.nextInt(29) : -1 - random.nextInt(299);
        return idAt(session.msgIds.serverMillis()) + (seconds << 32) & ~3L | 1;
    }

    private static long idAt(long millis) {
        long seconds = Math.floorDiv(millis, 1000);
        long fraction = (Math.floorMod(millis, 1000L) << 32) / 1000;
        return seconds << 32 | fraction;
    }

    private long knownSession() {
        List<Long> known = new ArrayList<>(sessions.keySet());
        return known.get(random.nextInt(known.size()));
    }

    private long someId() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> pick(openCalls);
            case 3, 4 -> pick(clientIds);
            case 5, 6 -> freshId();
            case 7 -> random.nextBoolean() ? 0 : -1;
            default -> random.nextLong();
        };
    }

    private long openCall() {
        return pick(openCalls);
    }

    private long pick(List<Long> ids) {
        return ids.isEmpty() ? random.nextLong() : ids.get(random.nextInt(ids.size()));
    }

    private List<Long> ids() {
        int count = random.nextInt(8) == 0 ? random.nextInt(300) : random.nextInt(6);
        List<Long> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(someId());
        }
        return ids;
    }

    private static void remember(List<Long> ids, long id) {
        ids.add(id);
        if (ids.size() > IDS_KEPT) {
            ids.remove(0);
        }
    }

    // ---- bodies

    private Kind pickKind() {
        int at = random.nextInt(cumulativeWeights[cumulativeWeights.length - 1]);
        for (Kind kind : Kind.values()) {
            if (at < cumulativeWeights[kind.ordinal()]) {
                return kind;
            }
        }
        throw new IllegalStateException("no kind at " + at);
    }

    private int length() {
        return random.nextInt(10) < 7 ? random.nextInt(257) : random.nextInt(2049);
    }

    private int constructor() {
        return random.nextInt(10) == 0 ? random.nextInt() : CONSTRUCTORS[random.nextInt(CONSTRUCTORS.length)];
    }

    private byte[] anyBody() {
        return switch (random.nextInt(4)) {
            case 0 -> randomBytes(length(), true);
            case 1 -> container();
            default -> service();
        };
    }

    /** A real service message (or an update), with fields that may name open calls, our messages or nothing. */
    private byte[] service() {
        return switch (random.nextInt(17)) {
            case 0 -> Bodies.packRpcResult(someId(), result());
            case 1 -> new BadMsgNotification(someId(), random.nextInt(), badMsgCode()).toByteArray();
            case 2 -> new BadServerSalt(someId(), random.nextInt(), 48, random.nextLong()).toByteArray();
            case 3 -> new NewSessionCreated(someId(), random.nextLong(), random.nextLong()).toByteArray();
            case 4 -> new MsgsAck(ids()).toByteArray();
            case 5 -> new MsgsStateReq(ids()).toByteArray();
            case 6 -> new MsgsStateInfo(someId(), randomBytes(random.nextInt(40), false)).toByteArray();
            case 7 -> new MsgResendReq(ids()).toByteArray();
            case 8 -> new MsgDetailedInfo(someId(), someId(), random.nextInt(), random.nextInt()).toByteArray();
            case 9 -> new MsgNewDetailedInfo(someId(), random.nextInt(), random.nextInt()).toByteArray();
            case 10 -> new Pong(someId(), random.nextLong()).toByteArray();
            case 11 -> new FutureSalts(someId(), random.nextInt(), salts()).toByteArray();
            case 12 -> new MsgsAllInfo(ids(), randomBytes(random.nextInt(40), false)).toByteArray();
            case 13 -> random.nextBoolean() ? new DestroySessionOk(random.nextLong()).toByteArray()
                    : new DestroySessionNone(random.nextLong()).toByteArray();
            case 14 -> random.nextBoolean() ? new UpdateShort(new UpdateLoginToken(), random.nextInt()).toByteArray()
                    : new Ping(random.nextLong()).toByteArray();
            case 15 -> Bodies.packGzip(service());
            default -> Bodies.packRpcResult(openCall(), result());
        };
    }

    private byte[] serviceOrContainer() {
        return random.nextInt(6) == 0 ? container() : service();
    }

    /** A small message that a big container holds many of. */
    private byte[] smallService() {
        return switch (random.nextInt(4)) {
            case 0 -> new MsgsAck(List.of(someId())).toByteArray();
            case 1 -> new Pong(someId(), random.nextLong()).toByteArray();
            case 2 -> new BadMsgNotification(someId(), random.nextInt(), REPAIRED_CODES[random.nextInt(
                    REPAIRED_CODES.length)]).toByteArray();
            default -> randomBytes(4 + random.nextInt(16), true);
        };
    }

    private int badMsgCode() {
        return random.nextInt(12) == 0 ? random.nextInt() : BAD_MSG_CODES[random.nextInt(BAD_MSG_CODES.length)];
    }

    private List<FutureSalt> salts() {
        int count = random.nextInt(8) == 0 ? random.nextInt(100) : random.nextInt(4);
        List<FutureSalt> salts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            salts.add(new FutureSalt(random.nextInt(), random.nextInt(), random.nextLong()));
        }
        return salts;
    }

    /** What an rpc_result may hold: a right answer, an error, or garbage of many shapes. */
    private byte[] result() {
        byte[] nearest = SessionFixture.NEAREST.toByteArray();
        return switch (random.nextInt(10)) {
            case 0 -> nearest;
            case 1 -> new RpcError(random.nextInt(), randomString()).toByteArray();
            case 2 -> truncated(new RpcError(random.nextInt(), randomString()).toByteArray());
            case 3 -> randomBytes(random.nextInt(64), random.nextInt(4) != 0);
            case 4 -> Bodies.packGzip(nearest);
            case 5 -> Bodies.packGzip(randomBytes(random.nextInt(64), false));
            case 6 -> Bodies.packGzip(Bodies.packGzip(nearest));
            case 7 -> new Pong(random.nextLong(), random.nextLong()).toByteArray();
            case 8 -> truncated(nearest);
            default -> concat(intBytes(Bodies.RPC_ERROR), intBytes(random.nextInt()), intBytes(0xFFFFFFFE));
        };
    }

    private String randomString() {
        char[] chars = new char[random.nextInt(40)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) random.nextInt(random.nextBoolean() ? 128 : 0xD800);
        }
        return new String(chars);
    }

    /** {@code body} cut at any length, then as is, padded to whole words, or gzip_packed (which takes any length). */
    private byte[] truncated(byte[] body) {
        byte[] cut = Arrays.copyOf(body, random.nextInt(body.length + 1));
        return switch (random.nextInt(4)) {
            case 0 -> cut;
            case 1 -> Arrays.copyOf(cut, cut.length + 3 & ~3);
            case 2 -> Bodies.packGzip(cut);
            default -> concat(cut, randomBytes(Math.floorMod(-cut.length, 4), false));
        };
    }

    private byte[] flipped(byte[] bytes, int bits) {
        byte[] out = bytes.clone();
        for (int i = 0; i < bits && out.length > 0; i++) {
            int bit = random.nextInt(out.length * 8);
            out[bit / 8] ^= (byte) (1 << bit % 8);
        }
        return out;
    }

    /** Vectors, containers, bytes and strings that claim more than there is. */
    private byte[] hugeCount() {
        int huge = switch (random.nextInt(6)) {
            case 0 -> Integer.MAX_VALUE;
            case 1 -> Integer.MIN_VALUE;
            case 2 -> -1;
            case 3 -> 1 << 24;
            case 4 -> Bodies.MAX_CONTAINER_MESSAGES + 1;
            default -> random.nextInt();
        };
        byte[] tail = randomBytes(random.nextInt(64), true);
        return switch (random.nextInt(12)) {
            case 0 -> concat(intBytes(Bodies.MSG_CONTAINER), intBytes(huge), tail);
            case 1 -> lyingContainer();
            case 2 -> bigContainer(Bodies.MAX_CONTAINER_MESSAGES + 1 + random.nextInt(4));
            case 3 -> concat(intBytes(vectorOwner()), intBytes(TlIds.VECTOR), intBytes(huge), tail);
            case 4 -> concat(intBytes(vectorOwner()), intBytes(random.nextInt()), intBytes(random.nextInt(4)), tail);
            case 5 -> concat(intBytes(FutureSalts.CONSTRUCTOR_ID), longBytes(someId()), intBytes(random.nextInt()),
                    intBytes(huge), tail);
            case 6 -> concat(intBytes(MsgsStateInfo.CONSTRUCTOR_ID), longBytes(someId()), bytesHeader(huge), tail);
            case 7 -> concat(intBytes(Bodies.GZIP_PACKED), bytesHeader(huge), tail);
            case 8 -> Bodies.packRpcResult(openCall(), concat(intBytes(Bodies.RPC_ERROR), intBytes(400),
                    bytesHeader(huge), tail));
            case 9 -> Bodies.packRpcResult(openCall(), concat(intBytes(TlIds.VECTOR), intBytes(huge), tail));
            case 10 -> concat(intBytes(JsonArray.CONSTRUCTOR_ID), intBytes(TlIds.VECTOR), intBytes(huge), tail);
            default -> concat(intBytes(MsgsAllInfo.CONSTRUCTOR_ID), intBytes(TlIds.VECTOR), intBytes(1),
                    longBytes(someId()), bytesHeader(huge), tail);
        };
    }

    private int vectorOwner() {
        int[] owners = {MsgsAck.CONSTRUCTOR_ID, MsgsStateReq.CONSTRUCTOR_ID, MsgResendReq.CONSTRUCTOR_ID,
            MsgsAllInfo.CONSTRUCTOR_ID};
        return owners[random.nextInt(owners.length)];
    }

    /** A TL bytes length header: long form (0xFE and 3 bytes) or a short one, either way past what follows. */
    private byte[] bytesHeader(int claimed) {
        if (random.nextBoolean()) {
            return new byte[] {(byte) 0xFE, (byte) claimed, (byte) (claimed >> 8), (byte) (claimed >> 16)};
        }
        return new byte[] {(byte) (random.nextBoolean() ? 0xFF : 253), 1, 2, 3};
    }

    /** A container whose message lengths are negative, unaligned, or longer than what remains. */
    private byte[] lyingContainer() {
        int count = 1 + random.nextInt(4);
        List<InnerMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(new InnerMessage(freshId(), 1, smallService()));
        }
        byte[] body = Bodies.packContainer(messages);
        int lengthAt = 8 + 12;
        int lie = switch (random.nextInt(4)) {
            case 0 -> -4;
            case 1 -> 2;
            case 2 -> body.length;
            default -> random.nextInt();
        };
        TlWriter.wrap(body, lengthAt, 4).writeInt(lie);
        return body;
    }

    private byte[] bigContainer(int count) {
        List<InnerMessage> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            messages.add(new InnerMessage(innerId(), random.nextInt(), smallService()));
        }
        return Bodies.packContainer(messages);
    }

    /** A container of real service messages (rarely up to the 1020 allowed), some with hostile ids. */
    private byte[] container() {
        if (random.nextInt(50) == 0) {
            return bigContainer(1 + random.nextInt(Bodies.MAX_CONTAINER_MESSAGES));
        }
        int count = 1 + random.nextInt(8);
        List<InnerMessage> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] body = switch (random.nextInt(6)) {
                case 0 -> randomBytes(length(), true);
                case 1 -> truncated(service());
                default -> service();
            };
            messages.add(new InnerMessage(i > 0 && random.nextInt(10) == 0 ? messages.get(i - 1).msgId() : innerId(),
                    random.nextInt(), body));
        }
        return Bodies.packContainer(messages);
    }

    private long innerId() {
        return switch (random.nextInt(20)) {
            case 0 -> freshId() & ~3L;
            case 1 -> farId();
            case 2 -> random.nextLong();
            case 3 -> skewedId();
            default -> freshId();
        };
    }

    /** Containers within containers (and within gzip_packed), {@code depth} levels. */
    private byte[] nestedContainer(int depth) {
        int count = 1 + random.nextInt(4);
        List<InnerMessage> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] body = depth > 0 && random.nextBoolean() ? maybeGzip(nestedContainer(depth - 1)) : service();
            messages.add(new InnerMessage(innerId(), random.nextInt(), body));
        }
        return Bodies.packContainer(messages);
    }

    private byte[] maybeGzip(byte[] body) {
        return random.nextInt(4) == 0 ? Bodies.packGzip(body) : body;
    }

    /** jsonArray inside jsonArray, past the reader's depth limit or within it. */
    private byte[] deepTl() {
        int depth = random.nextInt(10) == 0 ? 1 + random.nextInt(10_000) : 50 + random.nextInt(30);
        byte[] body = new byte[12 * depth + 4];
        TlWriter w = TlWriter.wrap(body);
        for (int i = 0; i < depth; i++) {
            w.writeInt(JsonArray.CONSTRUCTOR_ID);
            w.writeInt(TlIds.VECTOR);
            w.writeInt(1);
        }
        w.writeInt(JsonNull.CONSTRUCTOR_ID);
        return switch (random.nextInt(3)) {
            case 0 -> Bodies.packRpcResult(openCall(), body);
            case 1 -> Bodies.packGzip(body);
            default -> body;
        };
    }

    /** gzip_packed whose data is broken: bit flips, cut short, bad CRC, trailing bytes, not gzip at all. */
    private byte[] damagedGzip() {
        byte[] inner = random.nextInt(4) == 0 ? randomBytes(length(), false) : service();
        byte[] data = gzip(inner, Deflater.DEFAULT_COMPRESSION);
        data = switch (random.nextInt(8)) {
            case 0 -> flipped(data, 1 + random.nextInt(3));
            case 1 -> Arrays.copyOf(data, random.nextInt(data.length));
            case 2 -> {
                byte[] bad = data.clone();
                bad[bad.length - 1 - random.nextInt(8)] ^= 1;
                yield bad;
            }
            case 3 -> concat(data, randomBytes(1 + random.nextInt(32), false));
            case 4 -> new byte[0];
            case 5 -> concat(new byte[] {0x1f, (byte) 0x8b, 8}, randomBytes(random.nextInt(64), false));
            case 6 -> concat(data, gzip(service(), Deflater.DEFAULT_COMPRESSION));
            default -> data;
        };
        byte[] packed = gzipPacked(data);
        return switch (random.nextInt(5)) {
            case 0 -> Bodies.packRpcResult(openCall(), packed);
            case 1 -> Bodies.packContainer(List.of(new InnerMessage(freshId(), 1, packed)));
            default -> packed;
        };
    }

    /** gzip_packed within gzip_packed, up to 6000 levels, each stored (not compressed) so that building is cheap. */
    private void buildGzipNests() {
        byte[] body = new MsgsAck(List.of(1L, 2L, 3L)).toByteArray();
        int next = 0;
        for (int depth = 1; next < GZIP_DEPTHS.length; depth++) {
            body = gzipPacked(gzip(body, Deflater.NO_COMPRESSION));
            if (depth == GZIP_DEPTHS[next]) {
                gzipNests.add(body);
                next++;
            }
        }
    }

    private byte[] nestedGzip() {
        byte[] nest = gzipNests.get(random.nextInt(gzipNests.size()));
        return switch (random.nextInt(4)) {
            case 0 -> Bodies.packRpcResult(openCall(), nest);
            case 1 -> Bodies.packContainer(List.of(new InnerMessage(freshId(), 1, nest)));
            default -> nest;
        };
    }

    /**
     * A few kilobytes that inflate to the 16 MiB limit: past it (refused), or exactly to it as a msgs_ack,
     * msgs_state_req or msg_resend_req of two million ids; also as an answer to an open call and two in a container.
     */
    private byte[] bomb() {
        if (bombs.isEmpty()) {
            bombs.add(gzipPacked(zerosAfter(new byte[0], Bodies.MAX_INFLATED + 4)));
            for (int owner : new int[] {MsgsAck.CONSTRUCTOR_ID, MsgsStateReq.CONSTRUCTOR_ID,
                MsgResendReq.CONSTRUCTOR_ID}) {
                byte[] head = concat(intBytes(owner), intBytes(TlIds.VECTOR),
                        intBytes((Bodies.MAX_INFLATED - 12) / 8));
                bombs.add(gzipPacked(zerosAfter(head, Bodies.MAX_INFLATED)));
            }
        }
        byte[] bomb = bombs.get(random.nextInt(bombs.size()));
        return switch (random.nextInt(4)) {
            case 0 -> Bodies.packRpcResult(openCall(), bombs.get(0));
            case 1 -> Bodies.packContainer(List.of(new InnerMessage(freshId(), 1, bomb),
                    new InnerMessage(freshId(), 1, bombs.get(0))));
            default -> bomb;
        };
    }

    /** An answer (rpc_result, pong or future_salts) naming an open call, holding garbage or worse. */
    private byte[] answerToOpenCall() {
        long call = openCall();
        return switch (random.nextInt(6)) {
            case 0 -> new Pong(call, random.nextLong()).toByteArray();
            case 1 -> new FutureSalts(call, random.nextInt(), salts()).toByteArray();
            default -> Bodies.packRpcResult(call, result());
        };
    }

    /** What a far msg_id carries: often something that moves the session's clock, or an answer to an open call. */
    private byte[] clockBody() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> new BadMsgNotification(someId(), random.nextInt(), 16 + random.nextInt(2))
                    .toByteArray();
            case 4, 5 -> Bodies.packRpcResult(openCall(), result());
            case 6 -> new Pong(openCall(), random.nextLong()).toByteArray();
            default -> anyBody();
        };
    }

    // ---- bytes

    private byte[] randomBytes(int length, boolean wholeWords) {
        byte[] out = new byte[wholeWords ? length & ~3 : length];
        random.nextBytes(out);
        return out;
    }

    private static byte[] intBytes(int value) {
        byte[] out = new byte[4];
        TlWriter.wrap(out).writeInt(value);
        return out;
    }

    private static byte[] longBytes(long value) {
        byte[] out = new byte[8];
        TlWriter.wrap(out).writeLong(value);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] gzipPacked(byte[] gzipData) {
        byte[] out = new byte[4 + TlSizes.bytes(gzipData.length)];
        TlWriter w = TlWriter.wrap(out);
        w.writeInt(Bodies.GZIP_PACKED);
        w.writeBytes(gzipData);
        return out;
    }

    private static byte[] gzip(byte[] data, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 64);
        try (OutputStream gzip = gzipStream(out, level)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new IllegalStateException("gzip into memory failed", e);
        }
        return out.toByteArray();
    }

    /** gzip data of {@code head} followed by zeros up to {@code total} bytes. */
    private static byte[] zerosAfter(byte[] head, int total) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(total / 512);
        byte[] zeros = new byte[1 << 16];
        try (OutputStream gzip = gzipStream(out, Deflater.BEST_COMPRESSION)) {
            gzip.write(head);
            for (int left = total - head.length; left > 0; left -= zeros.length) {
                gzip.write(zeros, 0, Math.min(left, zeros.length));
            }
        } catch (IOException e) {
            throw new IllegalStateException("gzip into memory failed", e);
        }
        return out.toByteArray();
    }

    private static DeflaterOutputStream gzipStream(OutputStream out, int level) throws IOException {
        return new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(level);
            }
        };
    }

    /** {@code body} as hex, cut after {@code max} bytes, to name a failing input. */
    static String hex(byte[] body, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(body.length, max); i++) {
            out.append(String.format("%02x", body[i]));
        }
        return body.length > max ? out + "… (" + body.length + " bytes)" : out.toString();
    }
}
