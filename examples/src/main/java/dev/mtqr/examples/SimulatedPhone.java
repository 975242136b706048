package dev.mtqr.examples;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.qrlogin.LoginUrl;
import dev.mtqr.qrlogin.QrAcceptor;
import dev.mtqr.qrlogin.QrRenderer;
import dev.mtqr.testkit.TestPhones;
import dev.mtqr.tl.api.AuthorizationType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
        TestPhones.logInNow(client, phone, password);
    }

    /** Decodes the code from its PNG rendering and accepts it. */
    AuthorizationType scan(String qrText) throws Exception {
        String decoded = decode(new QrRenderer().png(qrText, 4));
        return QrAcceptor.accept(client, LoginUrl.parse(decoded)).get(20, TimeUnit.SECONDS);
    }

    /** What a camera would read from the code's PNG image. */
    static String decode(byte[] png) throws IOException, com.google.zxing.ReaderException {
        var image = ImageIO.read(new ByteArrayInputStream(png));
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
    }
}
