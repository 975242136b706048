package dev.mtqr.testkit.rpc;

import dev.mtqr.tl.api.InitConnection;

/**
 * What a client said about itself in {@code initConnection} (core.telegram.org/method/initConnection).
 *
 * @param apiId          the application's api_id
 * @param deviceModel    the device model
 * @param systemVersion  the operating system version
 * @param appVersion     the application version
 * @param systemLangCode the system language code
 * @param langPack       the language pack name
 * @param langCode       the language code
 */
public record ClientInfo(int apiId, String deviceModel, String systemVersion, String appVersion,
        String systemLangCode, String langPack, String langCode) {

    /** The fields of {@code request}. */
    public static ClientInfo of(InitConnection<?> request) {
        return new ClientInfo(request.apiId(), request.deviceModel(), request.systemVersion(), request.appVersion(),
                request.systemLangCode(), request.langPack(), request.langCode());
    }
}
