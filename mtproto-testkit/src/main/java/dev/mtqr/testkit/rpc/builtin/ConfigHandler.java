package dev.mtqr.testkit.rpc.builtin;

import dev.mtqr.testkit.layer.RecordAssembler;
import dev.mtqr.testkit.rpc.DcEndpoint;
import dev.mtqr.testkit.rpc.RpcContext;
import dev.mtqr.testkit.rpc.RpcHandler;
import dev.mtqr.tl.api.Config;
import dev.mtqr.tl.api.ConfigType;
import dev.mtqr.tl.api.DcOption;
import dev.mtqr.tl.api.DcOptionType;
import dev.mtqr.tl.api.HelpGetConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code help.getConfig} (core.telegram.org/method/help.getConfig): {@code this_dc} is the DC asked, the
 * {@code dc_options} are the cluster's DCs with their real host and port, valid for an hour; the limits are
 * Telegram's usual values.
 */
public final class ConfigHandler implements RpcHandler<HelpGetConfig, ConfigType> {
    /** How long a client may keep the config, in seconds. */
    public static final int EXPIRES_IN = 3600;

    @Override
    public ConfigType handle(HelpGetConfig request, RpcContext context) {
        List<DcEndpoint> dcs = context.cluster().dcs();
        List<DcOptionType> options = dcs.stream()
                .map(dc -> (DcOptionType) new DcOption(false, false, false, false, false, false, dc.id(), dc.host(),
                        dc.port(), null))
                .toList();
        int now = context.unixTime();
        Map<String, Object> values = new HashMap<>();
        values.put("date", now);
        values.put("expires", now + EXPIRES_IN);
        values.put("testMode", false);
        values.put("thisDc", context.dcId());
        values.put("dcOptions", options);
        values.put("dcTxtDomainName", "localhost");
        values.put("chatSizeMax", 200);
        values.put("megagroupSizeMax", 200_000);
        values.put("forwardedCountMax", 100);
        values.put("onlineUpdatePeriodMs", 210_000);
        values.put("offlineBlurTimeoutMs", 5_000);
        values.put("offlineIdleTimeoutMs", 30_000);
        values.put("onlineCloudTimeoutMs", 300_000);
        values.put("notifyCloudDelayMs", 30_000);
        values.put("notifyDefaultDelayMs", 1_500);
        values.put("pushChatPeriodMs", 60_000);
        values.put("pushChatLimit", 2);
        values.put("editTimeLimit", 172_800);
        values.put("revokeTimeLimit", Integer.MAX_VALUE);
        values.put("revokePmTimeLimit", Integer.MAX_VALUE);
        values.put("ratingEDecay", 2_419_200);
        values.put("stickersRecentLimit", 200);
        values.put("channelsReadMediaPeriod", 604_800);
        values.put("callReceiveTimeoutMs", 20_000);
        values.put("callRingTimeoutMs", 90_000);
        values.put("callConnectTimeoutMs", 30_000);
        values.put("callPacketTimeoutMs", 10_000);
        values.put("meUrlPrefix", "https://t.me/");
        values.put("captionLengthMax", 1024);
        values.put("messageLengthMax", 4096);
        values.put("webfileDcId", dcs.isEmpty() ? context.dcId() : dcs.get(0).id());
        return RecordAssembler.build(Config.class, values);
    }
}
