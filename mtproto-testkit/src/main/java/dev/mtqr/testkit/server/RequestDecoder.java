package dev.mtqr.testkit.server;

import dev.mtqr.testkit.layer.ApiLayer;
import dev.mtqr.testkit.layer.LayerConverter;
import dev.mtqr.testkit.rpc.RpcErrors;
import dev.mtqr.tl.TlDecodeException;
import dev.mtqr.tl.TlMethod;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.TlRegistry;
import dev.mtqr.tl.api.InvokeWithLayer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an API request in the layer its sender speaks: that layer's schema first (so that constructors nested in a
 * request, such as layer 144's {@code codeSettings#8a6469c2} inside {@code auth.sendCode}, are read as that layer
 * wrote them), then the latest; the layer comes from an {@code invokeWithLayer} at the front of the request, else
 * from the key. The request is returned as latest-layer records. An unknown function becomes {@link UnknownMethod}.
 */
final class RequestDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(RequestDecoder.class);

    private RequestDecoder() {
    }

    /**
     * The request in {@code body}.
     *
     * @throws dev.mtqr.mtproto.rpc.RpcException {@code INPUT_FETCH_ERROR} if it does not decode, or
     *                                           {@code INPUT_METHOD_INVALID_…} if it is a constructor, not a function
     */
    static TlMethod<?> decode(byte[] body, int keyLayer) {
        ApiLayer layer = ApiLayer.of(declaredLayer(body, keyLayer));
        TlRegistry registry = layer == ApiLayer.LATEST
                ? TlRegistry.of(ApiLayer.LATEST.registry(), UnknownMethod.REGISTRY)
                : TlRegistry.of(layer.registry(), ApiLayer.LATEST.registry(), UnknownMethod.REGISTRY);
        TlObject request;
        try {
            request = TlReader.of(body, registry).readObject();
        } catch (TlDecodeException e) {
            LOG.info("a request that does not decode: {}", e.getMessage());
            throw RpcErrors.fetchError();
        }
        if (!(request instanceof TlMethod<?>)) {
            throw RpcErrors.methodInvalid(request.constructorId());
        }
        return layer == ApiLayer.LATEST ? (TlMethod<?>) request : (TlMethod<?>) LayerConverter.toLatest(request);
    }

    private static int declaredLayer(byte[] body, int keyLayer) {
        if (body.length >= 8) {
            ByteBuffer buffer = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
            if (buffer.getInt(0) == InvokeWithLayer.CONSTRUCTOR_ID) {
                return buffer.getInt(4);
            }
        }
        return keyLayer;
    }
}
