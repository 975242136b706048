package dev.mtqr.benchmarks;

import dev.mtqr.tl.TlMethod;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.TlWriter;
import dev.mtqr.tl.api.AuthAuthorization;
import dev.mtqr.tl.api.AuthAuthorizationType;
import dev.mtqr.tl.api.AuthExportLoginToken;
import dev.mtqr.tl.api.SchemaRegistry;
import dev.mtqr.tl.api.User;
import dev.mtqr.tl.api.UserProfilePhoto;
import dev.mtqr.tl.api.UserStatusOnline;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding and decoding of the two values at either end of a QR login: the {@code auth.exportLoginToken} request
 * a client sends, and the {@code auth.authorization} (with a filled {@code user}) it finally receives.
 *
 * <p>Run with {@code java -jar benchmarks/target/benchmarks.jar TlCodecBenchmark -prof gc}; see README.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TlCodecBenchmark {
    private AuthAuthorization authorization;
    private AuthExportLoginToken exportLoginToken;
    private byte[] authorizationBytes;
    private byte[] exportLoginTokenBytes;
    /** Reused by the {@code *IntoBuffer} benchmarks; large enough for either value. */
    private byte[] buffer;

    @Setup
    public void setUp() {
        authorization = new AuthAuthorization(null, null, null, user());
        exportLoginToken = new AuthExportLoginToken(2040, "b18441a1ff607e10a989891a5462e627",
                List.of(5_000_000_001L, 5_000_000_002L));
        authorizationBytes = authorization.toByteArray();
        exportLoginTokenBytes = exportLoginToken.toByteArray();
        buffer = new byte[Math.max(authorizationBytes.length, exportLoginTokenBytes.length)];

        requireRoundTrip(authorization, AuthAuthorizationType.read(TlReader.of(authorizationBytes)));
        requireRoundTrip(exportLoginToken, TlReader.of(exportLoginTokenBytes, SchemaRegistry.INSTANCE).readMethod());
    }

    @Benchmark
    public byte[] encodeAuthorization() {
        return authorization.toByteArray();
    }

    @Benchmark
    public int encodeAuthorizationIntoBuffer() {
        TlWriter out = TlWriter.wrap(buffer);
        authorization.write(out);
        return out.position();
    }

    @Benchmark
    public AuthAuthorizationType decodeAuthorization() {
        return AuthAuthorizationType.read(TlReader.of(authorizationBytes));
    }

    @Benchmark
    public byte[] encodeExportLoginToken() {
        return exportLoginToken.toByteArray();
    }

    @Benchmark
    public int encodeExportLoginTokenIntoBuffer() {
        TlWriter out = TlWriter.wrap(buffer);
        exportLoginToken.write(out);
        return out.position();
    }

    /** A function has no boxed type of its own: it is read by id through the registry, as a peer reads a request. */
    @Benchmark
    public TlMethod<?> decodeExportLoginToken() {
        return TlReader.of(exportLoginTokenBytes, SchemaRegistry.INSTANCE).readMethod();
    }

    /** A user as {@code auth.authorization} carries it after a QR login: self, premium, with photo and status. */
    private static User user() {
        byte[] strippedThumb = new byte[160];
        for (int i = 0; i < strippedThumb.length; i++) {
            strippedThumb[i] = (byte) (i * 31 + 7);
        }
        strippedThumb[0] = 1; // stripped thumbnails start with a version byte
        return new User(
                true, false, false, false, // self, contact, mutualContact, deleted
                false, false, false, false, // botChatHistory, botNochats, verified, min
                false, false, false, false, false, // botInlineGeo, support, scam, applyMinPhoto, fake
                false, true, false, false, // botAttachMenu, premium, attachMenuEnabled, botCanEdit
                false, false, false, // closeFriend, storiesHidden, storiesUnavailable
                false, false, false, // contactRequirePremium, botBusiness, botHasMainApp
                false, false, false, // botForumView, botForumCanManageTopics, botCanManageBots
                false, false, // botGuestchat, botGuard
                777_000_123L, // id
                -4_611_686_018_427_387_903L, // accessHash
                "Alice", "Liddell", "alice_liddell", "447700900123",
                new UserProfilePhoto(false, false, 5_123_456_789_012_345_678L, strippedThumb, 4),
                new UserStatusOnline(1_735_689_600),
                null, null, null, // botInfoVersion, restrictionReason, botInlinePlaceholder
                "en", // langCode
                null, null, null, null, null, // emojiStatus, usernames, storiesMaxId, color, profileColor
                null, null, null, null); // botActiveUsers, botVerificationIcon, sendPaidMessagesStars, linkedCommunityId
    }

    private static void requireRoundTrip(TlObject expected, TlObject decoded) {
        if (!expected.equals(decoded)) {
            throw new IllegalStateException(expected.tlName() + " did not survive encode/decode: " + decoded);
        }
    }
}
