package dev.mtqr.testkit.layer;

import dev.mtqr.tl.TlRegistry;

/**
 * The API schemas the test server can speak: the current one (layer 228, {@code dev.mtqr.tl.api}) and the older
 * layers whose changed constructors live in {@code dev.mtqr.tl.compat.*}. A client that declares a layer with
 * {@code invokeWithLayer} is answered with the newest schema at or below it (layer 144 and below get 144).
 */
public enum ApiLayer {
    /** Telethon 1.25 speaks layer 144. */
    LAYER_144(144, "dev.mtqr.tl.compat.layer144", dev.mtqr.tl.compat.layer144.SchemaRegistry.INSTANCE),
    /** GramJS 2.26 speaks layer 198. */
    LAYER_198(198, "dev.mtqr.tl.compat.layer198", dev.mtqr.tl.compat.layer198.SchemaRegistry.INSTANCE),
    /** The schema this project is generated from. */
    LATEST(dev.mtqr.tl.api.SchemaRegistry.LAYER, "dev.mtqr.tl.api", dev.mtqr.tl.api.SchemaRegistry.INSTANCE);

    private final int layer;
    private final String packageName;
    private final TlRegistry registry;

    ApiLayer(int layer, String packageName, TlRegistry registry) {
        this.layer = layer;
        this.packageName = packageName;
        this.registry = registry;
    }

    /** The layer number this schema describes. */
    public int layer() {
        return layer;
    }

    /** The Java package of its generated records. */
    public String packageName() {
        return packageName;
    }

    /** The registry that decodes its constructors and functions. */
    public TlRegistry registry() {
        return registry;
    }

    /** The schema to answer a client that declared {@code declared}; 0 (nothing declared yet) means the latest. */
    public static ApiLayer of(int declared) {
        if (declared <= 0 || declared >= LATEST.layer) {
            return LATEST;
        }
        return declared >= LAYER_198.layer ? LAYER_198 : LAYER_144;
    }
}
