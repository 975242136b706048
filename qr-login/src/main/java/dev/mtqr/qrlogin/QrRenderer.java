package dev.mtqr.qrlogin;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Draws text, typically a {@link LoginUrl#url()}, as a QR code for a terminal, a PNG or an SVG. Each picture
 * includes the 4-module quiet zone; the symbol is encoded by {@link QrSymbol#encode(String)} at level M.
 *
 * <pre>{@code
 * QrRenderer qr = new QrRenderer();
 * log.info("Scan with Telegram:\n{}", qr.terminal(loginUrl.url()));
 * Files.write(Path.of("login.png"), qr.png(loginUrl.url(), 8));
 * }</pre>
 */
public final class QrRenderer {

    private static final int MAX_PNG_SIDE = 1 << 14;

    /** Same as {@link #terminal(String, boolean) terminal(text, false)}. */
    public String terminal(String text) {
        return terminal(text, false);
    }

    /**
     * The code as lines of Unicode half blocks ({@code ▀ ▄ █} and space), two module rows per line, one module
     * column per character; every line ends with {@code '\n'}. The odd last module row is paired with a light one.
     *
     * <p>With {@code invert == false} the dark modules are drawn in the terminal's foreground colour and the
     * light ones left as background: right on a light background. On a dark background (light foreground) that
     * shows a negative, which not every scanner reads; pass {@code invert == true} there to draw the light
     * modules, quiet zone included, in the foreground instead, so the code shows dark-on-light either way.
     */
    public String terminal(String text, boolean invert) {
        QrSymbol symbol = QrSymbol.encode(text);
        int size = symbol.size();
        StringBuilder out = new StringBuilder((size + 1) * (size + 1) / 2);
        for (int y = 0; y < size; y += 2) {
            for (int x = 0; x < size; x++) {
                boolean top = symbol.isDark(x, y) != invert;
                boolean bottom = (y + 1 < size && symbol.isDark(x, y + 1)) != invert;
                out.append(top ? (bottom ? '█' : '▀') : (bottom ? '▄' : ' '));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * The code as a 1-bit PNG, black on white, each module {@code scale}×{@code scale} pixels.
     *
     * @throws IllegalArgumentException when scale is below 1 or the image would exceed 16384 pixels a side
     */
    public byte[] png(String text, int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1, got " + scale);
        }
        QrSymbol symbol = QrSymbol.encode(text);
        int modules = symbol.size();
        if ((long) modules * scale > MAX_PNG_SIDE) {
            throw new IllegalArgumentException(
                    modules + " modules at scale " + scale + " exceed " + MAX_PNG_SIDE + " pixels a side");
        }
        int side = modules * scale;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        for (int py = 0; py < side; py++) {
            for (int px = 0; px < side; px++) {
                image.setRGB(px, py, symbol.isDark(px / scale, py / scale) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JDK's ImageIO");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The code as a standalone SVG 1.1 document: a white background and, in a black group, one
     * {@code <rect>} per horizontal run of dark modules, in module units (the viewBox is the module count
     * with the quiet zone), with {@code shape-rendering="crispEdges"}.
     */
    public String svg(String text) {
        QrSymbol symbol = QrSymbol.encode(text);
        int size = symbol.size();
        StringBuilder out = new StringBuilder(64 * size);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 ")
                .append(size).append(' ').append(size).append("\" width=\"").append(size * 8)
                .append("\" height=\"").append(size * 8).append("\" shape-rendering=\"crispEdges\">\n")
                .append("<rect x=\"0\" y=\"0\" width=\"").append(size).append("\" height=\"").append(size)
                .append("\" fill=\"#ffffff\"/>\n")
                .append("<g fill=\"#000000\">\n");
        for (int y = 0; y < size; y++) {
            int x = 0;
            while (x < size) {
                if (!symbol.isDark(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < size && symbol.isDark(x, y)) {
                    x++;
                }
                out.append("<rect x=\"").append(start).append("\" y=\"").append(y)
                        .append("\" width=\"").append(x - start).append("\" height=\"1\"/>\n");
            }
        }
        return out.append("</g>\n</svg>\n").toString();
    }
}
