package dev.mtqr.qrlogin;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.util.Map;

/** Reads pictures back with ZXing, an encoder independent of the one under test. */
final class QrDecoding {

    private QrDecoding() {}

    static String decode(BufferedImage image) throws Exception {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    /** Draws a module matrix (true = dark) black on white, each module scale×scale pixels. */
    static BufferedImage image(boolean[][] dark, int scale) {
        int rows = dark.length;
        int cols = dark[0].length;
        BufferedImage image = new BufferedImage(cols * scale, rows * scale, BufferedImage.TYPE_INT_RGB);
        for (int py = 0; py < rows * scale; py++) {
            for (int px = 0; px < cols * scale; px++) {
                image.setRGB(px, py, dark[py / scale][px / scale] ? 0x000000 : 0xFFFFFF);
            }
        }
        return image;
    }
}
