package dev.mtqr.qrlogin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class QrRendererTest {

    private final QrRenderer renderer = new QrRenderer();

    /** Login URLs for tokens of 1, 16, 32 (Telegram's usual size) and 64 bytes, seeded for repeatability. */
    static Stream<String> loginUrls() {
        Random random = new Random(20240601L);
        return IntStream.of(1, 16, 32, 64).mapToObj(n -> {
            byte[] token = new byte[n];
            random.nextBytes(token);
            return LoginUrl.of(token).url();
        });
    }

    @ParameterizedTest
    @MethodSource("loginUrls")
    void pngDecodesToTheUrl(String url) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(renderer.png(url, 4)));
        assertEquals(url, QrDecoding.decode(image));
    }

    @ParameterizedTest
    @MethodSource("loginUrls")
    void pngIncludesTheQuietZoneAtTheGivenScale(String url) throws Exception {
        int scale = 3;
        QrSymbol symbol = QrSymbol.encode(url);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(renderer.png(url, scale)));
        assertEquals(symbol.size() * scale, image.getWidth());
        assertEquals(symbol.size() * scale, image.getHeight());
        for (int i = 0; i < QrSymbol.QUIET_ZONE * scale; i++) {
            for (int j = 0; j < image.getWidth(); j++) {
                assertEquals(0xFFFFFF, image.getRGB(i, j) & 0xFFFFFF, "quiet zone at " + i + "," + j);
                assertEquals(0xFFFFFF, image.getRGB(j, i) & 0xFFFFFF, "quiet zone at " + j + "," + i);
            }
        }
        // The top-left finder pattern starts right inside the quiet zone.
        int corner = QrSymbol.QUIET_ZONE * scale;
        assertEquals(0x000000, image.getRGB(corner, corner) & 0xFFFFFF);
    }

    @Test
    void pngRefusesABadScale() {
        assertThrows(IllegalArgumentException.class, () -> renderer.png("tg://login?token=AQ", 0));
        assertThrows(IllegalArgumentException.class, () -> renderer.png("tg://login?token=AQ", 1_000));
    }

    @ParameterizedTest
    @MethodSource("loginUrls")
    void svgIsWellFormedAndDecodesToTheUrl(String url) throws Exception {
        String svg = renderer.svg(url);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());

        int size = QrSymbol.encode(url).size();
        assertEquals("0 0 " + size + " " + size, root.getAttribute("viewBox"));
        boolean[][] dark = new boolean[size][size];
        NodeList groups = root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        assertEquals(1, groups.getLength());
        Element group = (Element) groups.item(0);
        assertEquals("#000000", group.getAttribute("fill"));
        NodeList rects = group.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
        assertTrue(rects.getLength() > 0);
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            int x = Integer.parseInt(rect.getAttribute("x"));
            int y = Integer.parseInt(rect.getAttribute("y"));
            int w = Integer.parseInt(rect.getAttribute("width"));
            int h = Integer.parseInt(rect.getAttribute("height"));
            for (int dy = 0; dy < h; dy++) {
                for (int dx = 0; dx < w; dx++) {
                    assertFalse(dark[y + dy][x + dx], "overlapping rects at " + (x + dx) + "," + (y + dy));
                    dark[y + dy][x + dx] = true;
                }
            }
        }
        assertQuietZoneIsLight(dark);
        assertEquals(url, QrDecoding.decode(QrDecoding.image(dark, 4)));
    }

    @ParameterizedTest
    @MethodSource("loginUrls")
    void terminalDecodesToTheUrl(String url) throws Exception {
        assertTerminalDecodes(url, renderer.terminal(url), false);
    }

    @ParameterizedTest
    @MethodSource("loginUrls")
    void invertedTerminalDecodesToTheUrl(String url) throws Exception {
        assertTerminalDecodes(url, renderer.terminal(url, true), true);
    }

    @Test
    void terminalDefaultDrawsDarkModulesInTheForeground() {
        String url = "tg://login?token=AQID";
        assertEquals(renderer.terminal(url, false), renderer.terminal(url));
        assertNotEquals(renderer.terminal(url, true), renderer.terminal(url));
        String firstLine = renderer.terminal(url).lines().findFirst().orElseThrow();
        assertTrue(firstLine.isBlank(), "the quiet zone is background by default");
        String invertedFirstLine = renderer.terminal(url, true).lines().findFirst().orElseThrow();
        assertTrue(invertedFirstLine.chars().allMatch(c -> c == '█'), "the quiet zone is foreground inverted");
    }

    @Test
    void refusesTextTooLongForAQrCode() {
        String text = "x".repeat(3_000);
        assertThrows(IllegalArgumentException.class, () -> renderer.svg(text));
    }

    @Test
    void encodesAThirtyTwoByteTokenAsVersionFour() {
        String url = LoginUrl.of(new byte[32]).url();
        assertEquals(60, url.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(4, QrSymbol.encode(url).version());
        assertEquals(33 + 2 * QrSymbol.QUIET_ZONE, QrSymbol.encode(url).size());
    }

    /** Maps each character back to its two modules (upper, lower) and decodes them with ZXing. */
    private static void assertTerminalDecodes(String url, String text, boolean invert) throws Exception {
        int size = QrSymbol.encode(url).size();
        assertTrue(text.endsWith("\n"));
        String[] lines = text.split("\n");
        assertEquals((size + 1) / 2, lines.length);
        boolean[][] dark = new boolean[lines.length * 2][size];
        for (int row = 0; row < lines.length; row++) {
            String line = lines[row];
            assertEquals(size, line.length(), "line " + row);
            for (int x = 0; x < size; x++) {
                char c = line.charAt(x);
                boolean top;
                boolean bottom;
                switch (c) {
                    case '█' -> { top = true; bottom = true; }
                    case '▀' -> { top = true; bottom = false; }
                    case '▄' -> { top = false; bottom = true; }
                    case ' ' -> { top = false; bottom = false; }
                    default -> throw new AssertionError("unexpected character U+" + Integer.toHexString(c));
                }
                dark[2 * row][x] = top != invert;
                dark[2 * row + 1][x] = bottom != invert;
            }
        }
        boolean[][] square = new boolean[size][];
        System.arraycopy(dark, 0, square, 0, size);
        for (int x = 0; x < size; x++) {
            assertFalse(dark[dark.length - 1][x], "the padding half row is light");
        }
        assertQuietZoneIsLight(square);
        assertEquals(url, QrDecoding.decode(QrDecoding.image(square, 4)));
    }

    private static void assertQuietZoneIsLight(boolean[][] dark) {
        int size = dark.length;
        for (int i = 0; i < QrSymbol.QUIET_ZONE; i++) {
            for (int j = 0; j < size; j++) {
                assertFalse(dark[i][j] || dark[size - 1 - i][j] || dark[j][i] || dark[j][size - 1 - i],
                        "quiet zone module dark near " + i + "," + j);
            }
        }
    }
}
