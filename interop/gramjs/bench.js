#!/usr/bin/env node
// Round trips with GramJS against one DC of the mtqr testkit, for the benchmarks module's RoundTripHarness:
// help.getNearestDc with MTQR_IN_FLIGHT calls in flight (MTQR_CALLS of them, after a warm-up), then
// MTQR_SEQUENTIAL calls one at a time. Prints {"perSecond":…,"p50Micros":…,"p99Micros":…} and exits 0.
// The connection settings come from the environment described in client.js.
"use strict";

const { Api, env, newClient, run } = require("./client");

const calls = Number(env("MTQR_CALLS", "20000"));
const sequential = Number(env("MTQR_SEQUENTIAL", "2000"));
const inFlight = Number(env("MTQR_IN_FLIGHT", "64"));

async function pipelined(client, count) {
    let started = 0;
    async function worker() {
        while (started < count) {
            started++;
            await client.invoke(new Api.help.GetNearestDc());
        }
    }
    await Promise.all(Array.from({ length: inFlight }, worker));
}

async function main() {
    const client = newClient();
    if (!(await client.connect())) {
        throw new Error("GramJS could not connect");
    }
    await pipelined(client, Math.min(calls, 5000));
    const start = process.hrtime.bigint();
    await pipelined(client, calls);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const latencies = [];
    for (let i = 0; i < sequential; i++) {
        const t = process.hrtime.bigint();
        await client.invoke(new Api.help.GetNearestDc());
        latencies.push(Number(process.hrtime.bigint() - t) / 1e3);
    }
    latencies.sort((a, b) => a - b);
    return {
        perSecond: calls / seconds,
        p50Micros: latencies[Math.floor(sequential / 2)],
        p99Micros: latencies[Math.floor(sequential * 99 / 100)],
    };
}

run(main);
