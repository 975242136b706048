package dev.mtqr.mtproto.store;

import dev.mtqr.mtproto.crypto.AuthKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The bytes of a session file, version 1 (see {@link FileSessionStore} for the layout). Decoding is strict:
 * every length is checked before it is used, the checksum must match, DC entries must be in ascending order and
 * nothing may follow, so {@code encode(decode(b))} gives back {@code b}.
 */
final class SessionFileFormat {
    static final byte[] MAGIC = {'M', 'T', 'Q', 'S'};
    static final int VERSION = 1;
    /** Magic, version, body length. */
    static final int HEADER_BYTES = MAGIC.length + 2 + 4;
    static final int CHECKSUM_BYTES = 4;
    static final int MAX_DCS = 1024;
    private static final int FIXED_BODY_BYTES = 4 + 8 + 4;
    private static final int MAX_ENTRY_BYTES = 4 + AuthKey.BYTES + 8 + 4 + 2 + DcSession.MAX_HOST_LENGTH + 2;
    /** The largest file a valid session can produce; anything longer is rejected before it is read. */
    static final int MAX_FILE_BYTES = HEADER_BYTES + FIXED_BODY_BYTES + MAX_DCS * MAX_ENTRY_BYTES + CHECKSUM_BYTES;

    private SessionFileFormat() {
    }

    static byte[] encode(SessionData data) {
        if (data.dcs().size() > MAX_DCS) {
            throw new SessionStoreException(
                    "a session file holds at most " + MAX_DCS + " DCs, got " + data.dcs().size());
        }
        int bodyLength = FIXED_BODY_BYTES;
        for (DcSession dc : data.dcs().values()) {
            bodyLength += 4 + AuthKey.BYTES + 8 + 4 + 2 + (dc.host() == null ? 0 : dc.host().length()) + 2;
        }
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + bodyLength + CHECKSUM_BYTES);
        out.put(MAGIC).putShort((short) VERSION).putInt(bodyLength);
        out.putInt(data.mainDc()).putLong(data.userId()).putInt(data.dcs().size());
        for (DcSession dc : data.dcs().values()) {
            byte[] key = dc.authKey().bytes();
            out.putInt(dc.dcId()).put(key).putLong(dc.serverSalt()).putInt(dc.serverTimeOffset());
            Arrays.fill(key, (byte) 0);
            byte[] host = dc.host() == null ? new byte[0] : dc.host().getBytes(StandardCharsets.US_ASCII);
            out.putShort((short) host.length).put(host).putShort((short) dc.port());
        }
        out.putInt(checksum(out.array(), out.position()));
        return out.array();
    }

    /**
     * The session in {@code bytes}; {@code source} names where they came from in error messages.
     *
     * @throws SessionStoreException saying what is wrong (never the bytes) if they are not a valid session
     */
    static SessionData decode(byte[] bytes, Object source) {
        int length = bytes.length;
        if (!Arrays.equals(bytes, 0, Math.min(length, MAGIC.length), MAGIC, 0, Math.min(length, MAGIC.length))) {
            throw error(source, "not an mtqr session file (bad magic)");
        }
        if (length < HEADER_BYTES) {
            throw error(source, "truncated: " + length + " bytes, shorter than the " + HEADER_BYTES + "-byte header");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.position(MAGIC.length);
        int version = Short.toUnsignedInt(in.getShort());
        if (version != VERSION) {
            throw error(source, "unsupported version " + version + " (this build reads version " + VERSION + ")");
        }
        int bodyLength = in.getInt();
        int following = length - HEADER_BYTES - CHECKSUM_BYTES;
        if (bodyLength < 0 || bodyLength > following) {
            throw error(source, "truncated: the header announces " + Integer.toUnsignedString(bodyLength)
                    + " bytes of data and a " + CHECKSUM_BYTES + "-byte checksum, " + (length - HEADER_BYTES)
                    + " bytes follow");
        }
        if (bodyLength < following) {
            throw error(source, (following - bodyLength) + " unexpected bytes after the checksum");
        }
        int checksumAt = HEADER_BYTES + bodyLength;
        if (ByteBuffer.wrap(bytes, checksumAt, CHECKSUM_BYTES).getInt() != checksum(bytes, checksumAt)) {
            throw error(source, "checksum mismatch: the file is corrupted");
        }
        in.limit(checksumAt);
        return decodeBody(in, source);
    }

    private static SessionData decodeBody(ByteBuffer in, Object source) {
        need(in, FIXED_BODY_BYTES, "the main DC, user id and DC count", source);
        int mainDc = in.getInt();
        long userId = in.getLong();
        int count = in.getInt();
        if (count < 0 || count > MAX_DCS) {
            throw error(source, "DC count " + Integer.toUnsignedString(count) + " is out of range 0.." + MAX_DCS);
        }
        TreeMap<Integer, DcSession> dcs = new TreeMap<>();
        int previousDc = 0;
        for (int entry = 1; entry <= count; entry++) {
            String what = "DC entry " + entry + " of " + count;
            need(in, 4 + AuthKey.BYTES + 8 + 4 + 2, what, source);
            int dcId = in.getInt();
            byte[] key = new byte[AuthKey.BYTES];
            in.get(key);
            long salt = in.getLong();
            int timeOffset = in.getInt();
            int hostLength = Short.toUnsignedInt(in.getShort());
            need(in, hostLength + 2, what + " (host and port)", source);
            byte[] hostBytes = new byte[hostLength];
            in.get(hostBytes);
            int port = Short.toUnsignedInt(in.getShort());
            DcSession dc;
            try {
                String host = hostLength == 0 ? null : new String(hostBytes, StandardCharsets.ISO_8859_1);
                dc = new DcSession(dcId, new AuthKey(key), salt, timeOffset, host, port);
            } catch (IllegalArgumentException e) {
                throw error(source, what + " is invalid: " + e.getMessage());
            } finally {
                Arrays.fill(key, (byte) 0);
            }
            if (dcId <= previousDc) {
                throw error(source, what + ": DC " + dcId + " is not after DC " + previousDc
                        + " (entries are kept in ascending order, once each)");
            }
            dcs.put(dcId, dc);
            previousDc = dcId;
        }
        if (in.hasRemaining()) {
            throw error(source, in.remaining() + " unexpected bytes after the last DC entry");
        }
        try {
            return new SessionData(mainDc, userId, dcs);
        } catch (IllegalArgumentException e) {
            throw error(source, "invalid session: " + e.getMessage());
        }
    }

    private static void need(ByteBuffer in, int bytes, String what, Object source) {
        if (in.remaining() < bytes) {
            throw error(source, "truncated: " + what + " needs " + bytes + " bytes, " + in.remaining() + " remain");
        }
    }

    private static int checksum(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    private static SessionStoreException error(Object source, String problem) {
        return new SessionStoreException(source + ": " + problem);
    }
}
