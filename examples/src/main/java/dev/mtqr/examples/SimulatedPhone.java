package dev.mtqr.examples;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.crypto.Srp;
import dev.mtqr.mtproto.crypto.SrpAnswer;
import dev.mtqr.mtproto.rpc.SessionPasswordNeededException;
import dev.mtqr.qrlogin.LoginUrl;
import dev.mtqr.qrlogin.QrAcceptor;
import dev.mtqr.qrlogin.QrRenderer;
import dev.mtqr.tl.api.AccountGetPassword;
import dev.mtqr.tl.api.AccountPassword;
import dev.mtqr.tl.api.AuthCheckPassword;
import dev.mtqr.tl.api.AuthSendCode;
import dev.mtqr.tl.api.AuthSentCode;
import dev.mtqr.tl.api.AuthSignIn;
import dev.mtqr.tl.api.AuthorizationType;
import dev.mtqr.tl.api.CodeSettings;
import dev.mtqr.tl.api.InputCheckPasswordSRP;
import dev.mtqr.tl.api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * The demo's phone: logged in by phone number on the test server (test-DC convention: the code is the account's
 * DC five times), it "scans" a QR code by decoding the rendered PNG, as a camera would, and accepts it.
 */
final class SimulatedPhone {
    private final MtprotoClient client;

    SimulatedPhone(MtprotoClient client) {
        this.client = client;
    }

    /** Logs the phone in as {@code phone}, answering 2FA with {@code password}. */
    void logIn(String phone, String password) throws Exception {
        AuthSentCode sent = (AuthSentCode) client.invoke(new AuthSendCode(phone, 4, "demo",
                new CodeSettings(false, false, false, false, false, false, null, null, null))).get(20, TimeUnit.SECONDS);
        String code = String.valueOf(phone.charAt(5)).repeat(5);
        try {
            client.invoke(new AuthSignIn(phone, sent.phoneCodeHash(), code, null)).get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof SessionPasswordNeededException)) {
                throw e;
            }
            AccountPassword state = (AccountPassword) client.invoke(new AccountGetPassword()).get(20, TimeUnit.SECONDS);
            var algo = (PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow) state.currentAlgo();
            SrpAnswer answer = Srp.answer(password.getBytes(StandardCharsets.UTF_8), algo.salt1(), algo.salt2(),
                    algo.g(), algo.p(), state.srpB(), RandomSource.secure());
            client.invoke(new AuthCheckPassword(new InputCheckPasswordSRP(state.srpId(), answer.a(), answer.m1())))
                    .get(20, TimeUnit.SECONDS);
        }
    }

    /** Decodes the code from its PNG rendering and accepts it. */
    AuthorizationType scan(String qrText) throws Exception {
        String decoded = decode(new QrRenderer().png(qrText, 4));
        return QrAcceptor.accept(client, LoginUrl.parse(decoded)).get(20, TimeUnit.SECONDS);
    }

    private static String decode(byte[] png) throws IOException, com.google.zxing.ReaderException {
        var image = ImageIO.read(new ByteArrayInputStream(png));
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
    }
}
