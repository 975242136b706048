package dev.mtqr.qrlogin;

import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.tl.api.AuthAcceptLoginToken;
import dev.mtqr.tl.api.AuthorizationType;
import java.util.concurrent.CompletableFuture;

/**
 * The scanning side of QR login (core.telegram.org/api/qr-login): a logged-in device accepts the token of a code
 * it scanned with {@code auth.acceptLoginToken}. The future fails with the typed errors of
 * {@link dev.mtqr.mtproto.rpc.RpcException#of}: {@code AuthTokenExpiredException},
 * {@code AuthTokenInvalidException}, {@code AuthTokenAlreadyAcceptedException}.
 */
public final class QrAcceptor {
    private QrAcceptor() {
    }

    /** Accepts {@code url} (a {@code tg://login?token=…} string) on {@code client}'s main DC. */
    public static CompletableFuture<AuthorizationType> accept(MtprotoClient client, String url) {
        return accept(client, LoginUrl.parse(url));
    }

    /** Accepts {@code url} on {@code client}'s main DC; the answer describes the new device's session. */
    public static CompletableFuture<AuthorizationType> accept(MtprotoClient client, LoginUrl url) {
        return client.invoke(new AuthAcceptLoginToken(url.token()));
    }
}
