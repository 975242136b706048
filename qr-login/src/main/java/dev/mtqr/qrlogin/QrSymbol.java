package dev.mtqr.qrlogin;

import io.nayuki.qrcodegen.DataTooLongException;
import io.nayuki.qrcodegen.QrCode;
import io.nayuki.qrcodegen.QrSegment;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A QR symbol with its quiet zone, as a square of modules that {@link QrRenderer} draws.
 *
 * <p>Encoded at error-correction level M (about 15% of the codewords recoverable), never boosted, so the
 * symbol for a given text is fixed; a login URL for Telegram's 32-byte token is 60 bytes and fits version 4
 * (33×33 modules). The quiet zone is the 4 light modules on every side that ISO/IEC 18004 asks for.
 */
public final class QrSymbol {

    private static final Logger log = LoggerFactory.getLogger(QrSymbol.class);

    /** Light modules around the symbol on every side. */
    public static final int QUIET_ZONE = 4;

    private final QrCode code;

    private QrSymbol(QrCode code) {
        this.code = code;
    }

    /**
     * Encodes text at level M.
     *
     * @throws IllegalArgumentException when the text does not fit in a version-40 symbol
     */
    public static QrSymbol encode(String text) {
        Objects.requireNonNull(text, "text");
        QrCode code;
        try {
            code = QrCode.encodeSegments(QrSegment.makeSegments(text), QrCode.Ecc.MEDIUM,
                    QrCode.MIN_VERSION, QrCode.MAX_VERSION, -1, false);
        } catch (DataTooLongException e) {
            throw new IllegalArgumentException("text of " + text.length() + " characters does not fit in a QR code", e);
        }
        // The text may be a login URL, which is a credential: log its shape only.
        log.debug("encoded {} characters as QR version {}-M, {}x{} modules, mask {}",
                text.length(), code.version, code.size, code.size, code.mask);
        return new QrSymbol(code);
    }

    /** The QR version, 1 to 40. */
    public int version() {
        return code.version;
    }

    /** Modules on a side, quiet zone included. */
    public int size() {
        return code.size + 2 * QUIET_ZONE;
    }

    /** Whether the module at column x, row y (0 at the outer edge of the quiet zone) is dark. */
    public boolean isDark(int x, int y) {
        return code.getModule(x - QUIET_ZONE, y - QUIET_ZONE);
    }
}
