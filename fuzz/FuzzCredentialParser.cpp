// libFuzzer harness for the scanned-code path: CredentialCodec::parse and CredentialVerifier::verify
// must never crash, hang or trip a sanitizer, whatever a scanner delivers (DESIGN §5).
#include "core/Clock.h"
#include "core/CredentialCodec.h"
#include "core/CredentialVerifier.h"
#include "core/MemoryTrustStore.h"
#include "core/SigningKey.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace gymgate;

namespace {

// 2023-11-14T22:13:20Z; the seed corpus is issued at this time.
constexpr qint64 NowMs = 1'700'000'000'000;

struct Harness {
    ManualClock clock {NowMs};
    SigningKey key = makeKey();
    MemoryTrustStore trust;
    CredentialVerifier verifier {trust, clock, CredentialPolicy {.legacyCodesAllowed = true}};

    Harness() { trust.addKey(key.keyId(), key.publicKey()); }

    static SigningKey makeKey()
    {
        auto key = SigningKey::generate(QStringLiteral("k1"));
        if (!key) {
            std::fputs("cannot generate a signing key\n", stderr);
            std::abort();
        }
        return *key;
    }
};

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "invariant violated: %s\n", what);
        std::abort();
    }
}

// A forged signature never verifies, so the fuzzer alone would stop at the signature check.
// Re-signing whatever parsed with the trusted key carries the fuzzed payload through the time,
// shape, revocation and replay checks as well.
void verifyResigned(const Harness &harness, const CredentialPayload &payload)
{
    auto resigned = CredentialCodec::encode(payload, harness.key);
    check(resigned.has_value(), "a parsed payload re-encodes");
    const CredentialCheck result = harness.verifier.verify(resigned->toLatin1());
    if (result) {
        check(result->payload.memberId == payload.memberId && result->payload.cardId == payload.cardId
                && result->payload.nonce == payload.nonce && result->payload.issuedAtMs == payload.issuedAtMs
                && result->payload.expiresAtMs == payload.expiresAtMs,
            "a verified code keeps its fields");
        return;
    }
    const AccessReason reason = result.error();
    check(reason == AccessReason::CredentialNotYetValid || reason == AccessReason::CredentialExpired
            || reason == AccessReason::CredentialMalformed,
        "a validly signed code fails only on time or token shape");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const Harness harness;
    const QByteArrayView input(data, static_cast<qsizetype>(size));

    const auto parsed = CredentialCodec::parse(input);
    if (parsed) {
        check(input.size() <= CredentialCodec::MaxCodeLength, "oversize input parsed");
        check(parsed->signature.size() == SigningKey::SignatureBytes, "signature size");
        check(SigningKey::isValidKeyId(parsed->keyId), "key id");
        check(parsed->payload.nonce.size() == 8, "nonce size");
        verifyResigned(harness, parsed->payload);
    }

    const CredentialCheck result = harness.verifier.verify(input);
    if (result && result->type != CredentialType::Legacy)
        check(parsed.has_value() || input.trimmed().size() != input.size(), "granted without a clean parse");
    if (result && result->type == CredentialType::Legacy)
        check(result->weak && !result->legacyCode.isEmpty(), "legacy codes are weak");
    return 0;
}
