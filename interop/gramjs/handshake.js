#!/usr/bin/env node
// Drives GramJS (the `telegram` package, pinned in package.json) through the auth-key exchange and
// invokeWithLayer(initConnection(help.getConfig)) against one DC of the mtqr testkit, then prints one JSON line:
//   {"this_dc":2,"dc_options":3,"layer":198,"transport":"full","auth_key_id":"-123…","gramjs":"2.26.22"}
// and exits 0. The environment is described in client.js.
"use strict";

const { telegram, Api, dcId, host, port, transport, newClient, run } = require("./client");

async function main() {
    const client = newClient();
    // connect() makes the key, then awaits invokeWithLayer(LAYER, initConnection(help.getConfig)).
    if (!(await client.connect())) {
        throw new Error(`GramJS could not connect to DC ${dcId} at ${host}:${port} over ${transport}`);
    }
    // The same request again, explicitly, to see its answer (connect() drops it).
    const config = await client.invoke(new Api.InvokeWithLayer({
        layer: telegram.layer,
        query: new Api.InitConnection({
            apiId: 1,
            deviceModel: "mtqr-interop",
            systemVersion: process.version,
            appVersion: telegram.version,
            systemLangCode: "en",
            langPack: "",
            langCode: "en",
            query: new Api.help.GetConfig(),
        }),
    }));
    if (!(config instanceof Api.Config)) {
        throw new Error(`help.getConfig answered ${config && config.className}`);
    }
    const keyId = client.session.getAuthKey().keyId;
    return {
        this_dc: config.thisDc,
        dc_options: config.dcOptions.length,
        layer: telegram.layer,
        transport,
        auth_key_id: BigInt.asIntN(64, BigInt(keyId.toString())).toString(),
        gramjs: telegram.version,
    };
}

run(main);
