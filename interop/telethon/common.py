# Shared by qr_login.py and accept.py: reads the environment, injects the testkit's RSA key into Telethon 1.25
# (Debian's python3-telethon) and makes a TelegramClient on a MemorySession pinned to one DC of the testkit.
# Other DCs come from help.getConfig (Telethon honours their addresses and ports). Results are printed as one JSON
# line on stdout; errors go to stderr with exit code 1 (failed), 2 (bad environment) or 3 (timed out).
#
# Environment:
#   MTQR_DC_ID        the DC to start on (required)
#   MTQR_HOST         its host (default 127.0.0.1)
#   MTQR_PORT         its port (required)
#   MTQR_RSA_PEM      the server key as PKCS#1 PEM (required)
#   MTQR_API_ID       api_id (default 4)
#   MTQR_API_HASH     api_hash (default "hash")
#   MTQR_TIMEOUT_MS   hard limit for the whole run (default 60000)
import asyncio
import json
import logging
import os
import sys

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_TIMEOUT = 3

NAME = os.path.basename(sys.argv[0])


def fail(code, message):
    sys.stderr.write(f"{NAME}: {message}\n")
    sys.stderr.flush()
    os._exit(code)


def env(name, fallback=None):
    value = os.environ.get(name, "")
    if value == "":
        if fallback is None:
            fail(EXIT_USAGE, f"{name} is not set")
        return fallback
    return value


try:
    import telethon
    from telethon import TelegramClient, functions, types
    from telethon.crypto import rsa
    from telethon.sessions import MemorySession
except ImportError as e:
    fail(EXIT_USAGE, f"cannot import telethon (apt-get install python3-telethon): {e}")

logging.basicConfig(level=getattr(logging, env("MTQR_TELETHON_LOG", "WARNING").upper()), stream=sys.stderr)

DC_ID = int(env("MTQR_DC_ID"))
HOST = env("MTQR_HOST", "127.0.0.1")
PORT = int(env("MTQR_PORT"))
API_ID = int(env("MTQR_API_ID", "4"))
API_HASH = env("MTQR_API_HASH", "hash")
TIMEOUT = int(env("MTQR_TIMEOUT_MS", "60000")) / 1000.0

# Telethon 1.25: add_key(pub, *, old) with pub a PKCS#1 PEM; old=False keys are used with the SHA1-padded scheme.
rsa.add_key(env("MTQR_RSA_PEM"), old=False)


def new_client():
    session = MemorySession()
    session.set_dc(DC_ID, HOST, PORT)
    return TelegramClient(session, API_ID, API_HASH, connection_retries=1, retry_delay=1, request_retries=2,
                          timeout=10, auto_reconnect=False, device_model="mtqr-interop", system_version="test",
                          app_version=telethon.__version__, receive_updates=True)


def emit(obj):
    sys.stdout.write(json.dumps(obj, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def run(main):
    async def guarded():
        return await asyncio.wait_for(main(), timeout=TIMEOUT)

    try:
        result = asyncio.run(guarded())
    except asyncio.TimeoutError:
        fail(EXIT_TIMEOUT, f"timed out after {TIMEOUT} s")
    except SystemExit:
        raise
    except BaseException as e:  # noqa: BLE001 - any failure ends the run with its trace
        import traceback
        traceback.print_exc()
        fail(EXIT_FAILED, f"{type(e).__name__}: {e}")
    emit(result)
    sys.stdout.flush()
    os._exit(0)
