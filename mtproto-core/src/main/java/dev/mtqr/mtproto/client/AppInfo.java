package dev.mtqr.mtproto.client;

/**
 * What {@code initConnection} tells the server about the application (core.telegram.org/method/initConnection).
 *
 * @param apiId          the application's api_id from my.telegram.org
 * @param deviceModel    for example "PC 64bit"
 * @param systemVersion  for example "Linux"
 * @param appVersion     the application's version
 * @param systemLangCode the system's language code
 * @param langPack       the language pack ("" for none)
 * @param langCode       the application's language code
 */
public record AppInfo(int apiId, String deviceModel, String systemVersion, String appVersion, String systemLangCode,
        String langPack, String langCode) {
    /** Sensible values for {@code apiId}: this machine's OS and "en". */
    public static AppInfo of(int apiId) {
        return new AppInfo(apiId, "mtqr " + System.getProperty("os.arch", "unknown"),
                System.getProperty("os.name", "unknown"), "0.1.0", "en", "", "en");
    }
}
