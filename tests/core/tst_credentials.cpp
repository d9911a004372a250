#include "core/Clock.h"
#include "core/CredentialCodec.h"
#include "core/CredentialVerifier.h"
#include "core/MemoryTrustStore.h"
#include "core/SigningKey.h"

#include <QRandomGenerator>
#include <QTest>
#include <QUuid>

#include <limits>

using namespace gymgate;

Q_DECLARE_METATYPE(gymgate::AccessReason)
Q_DECLARE_METATYPE(gymgate::CredentialType)

namespace gymgate {
// Lets QCOMPARE print "credential.expired" instead of nothing.
char *toString(AccessReason reason)
{
    return qstrdup(accessReasonCode(reason));
}
} // namespace gymgate

namespace {

constexpr qint64 T0 = 1'700'000'000'000; // whole seconds, so expiry edges are exact
constexpr qint64 Day = 24LL * 3600 * 1000;
const QString MemberId = QStringLiteral("3f2b8c1e-6a4d-4b7e-9c0a-1d2e3f405162");
const QString CardId = QStringLiteral("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
constexpr auto B64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

SigningKey makeKey(const QString &keyId)
{
    auto key = SigningKey::generate(keyId);
    if (!key)
        qFatal("cannot generate a key: %s", qPrintable(key.error().toString()));
    return *key;
}

// A verifier, an issuer and a trust store holding the issuer's public key.
struct Fixture {
    ManualClock clock {T0};
    SigningKey key = makeKey(QStringLiteral("k1"));
    MemoryTrustStore trust;
    CredentialVerifier verifier {trust, clock};
    CredentialIssuer issuer {key, clock};

    Fixture() { trust.addKey(key.keyId(), key.publicKey()); }

    QByteArray card(qint64 validityMs = 0) const
    {
        return issuer.issueCardCode(MemberId, CardId, validityMs)->toLatin1();
    }
    QByteArray token(qint64 validityMs = 60'000) const { return issuer.issueToken(MemberId, validityMs)->toLatin1(); }
};

// Signs any payload bytes, so tests can build codes a correct issuer never would.
QByteArray signRaw(const QByteArray &payload, const SigningKey &key)
{
    const QByteArray signedText = "GG1." + key.keyId().toLatin1() + '.' + payload.toBase64(B64);
    return signedText + '.' + key.sign(signedText).toBase64(B64);
}

QByteArray rawPayload(char type, const QByteArray &member, const QByteArray &card, quint32 issuedS, quint32 expiresS)
{
    QByteArray out;
    out += type;
    out += member;
    out += card;
    for (const quint32 v : {issuedS, expiresS}) {
        for (int shift = 24; shift >= 0; shift -= 8)
            out += static_cast<char>((v >> shift) & 0xFF);
    }
    out += QByteArray::fromHex("0102030405060708");
    return out;
}

QByteArray memberBytes()
{
    return QUuid::fromString(MemberId).toRfc4122();
}

// The code with one part replaced; parts are GG1, kid, payload, signature.
QByteArray withPart(const QByteArray &code, int index, const QByteArray &part)
{
    QList<QByteArray> parts = code.split('.');
    parts[index] = part;
    return parts.join('.');
}

AccessReason reasonOf(const CredentialCheck &check)
{
    return check ? AccessReason::Granted : check.error();
}

} // namespace

class TestCredentials : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void issuedPayloadMatchesParsed();
    void garbage_data();
    void garbage();
    void randomBytesNeverVerify();
    void everyTruncationIsDenied_data();
    void everyTruncationIsDenied();
    void oversize_data();
    void oversize();
    void everyTamperedCharacterIsDenied_data();
    void everyTamperedCharacterIsDenied();
    void wrongKeyUnderSameKid();
    void unknownKid();
    void revokedKey();
    void timeWindow_data();
    void timeWindow();
    void tokenShape_data();
    void tokenShape();
    void revokedCredential_data();
    void revokedCredential();
    void replayedToken();
    void cardCodesAreNotSingleUse();
    void verifyDoesNotConsumeNonce();
    void legacyCodes_data();
    void legacyCodes();
    void surroundingWhitespace_data();
    void surroundingWhitespace();
    void issuerRejectsBadInput_data();
    void issuerRejectsBadInput();
    void keyIds_data();
    void keyIds();
    void secretKeyRoundTrip();
    void secretKeyDamaged();
};

void TestCredentials::roundTrip_data()
{
    QTest::addColumn<CredentialType>("type");
    QTest::addColumn<QString>("cardId");
    QTest::addColumn<qint64>("nowMs");
    QTest::addColumn<qint64>("validityMs");
    QTest::addColumn<qint64>("expectedExpiresAtMs");

    QTest::newRow("card, no card id, no expiry") << CredentialType::Card << QString() << T0 << 0LL << 0LL;
    QTest::newRow("card with card id") << CredentialType::Card << CardId << T0 << 0LL << 0LL;
    QTest::newRow("card valid one year") << CredentialType::Card << CardId << T0 << 365 * Day << T0 + 365 * Day;
    QTest::newRow("card, braced card id")
        << CredentialType::Card << QStringLiteral("{") + CardId + QStringLiteral("}") << T0 << 0LL << 0LL;
    QTest::newRow("token 60 s") << CredentialType::Token << QString() << T0 << 60'000LL << T0 + 60'000;
    QTest::newRow("token 10 s") << CredentialType::Token << QString() << T0 << 10'000LL << T0 + 10'000;
    QTest::newRow("token, clock mid-second")
        << CredentialType::Token << QString() << T0 + 789 << 60'000LL << T0 + 60'000;
}

void TestCredentials::roundTrip()
{
    QFETCH(CredentialType, type);
    QFETCH(QString, cardId);
    QFETCH(qint64, nowMs);
    QFETCH(qint64, validityMs);
    QFETCH(qint64, expectedExpiresAtMs);

    Fixture f;
    f.clock.setNowMs(nowMs);
    const auto issued = f.issuer.issue(type, MemberId, cardId, validityMs);
    QVERIFY2(issued, qPrintable(issued ? QString() : issued.error().toString()));
    QVERIFY(issued->first.startsWith(QStringLiteral("GG1.k1.")));
    QVERIFY(issued->first.size() <= CredentialCodec::MaxCodeLength);

    const CredentialCheck check = f.verifier.verify(issued->first.toLatin1());
    QVERIFY2(check, accessReasonCode(reasonOf(check)));
    QCOMPARE(check->type, type);
    QCOMPARE(check->keyId, QStringLiteral("k1"));
    QCOMPARE(check->payload.type, type);
    QCOMPARE(check->payload.memberId, MemberId);
    QCOMPARE(check->payload.cardId, cardId.isEmpty() ? QString() : CardId);
    QCOMPARE(check->payload.issuedAtMs, T0);
    QCOMPARE(check->payload.expiresAtMs, expectedExpiresAtMs);
    QCOMPARE(check->payload.nonce.size(), 8);
    QCOMPARE(check->credentialId, credentialIdFromNonce(check->payload.nonce));
    QCOMPARE(check->credentialId.size(), 16);
    QCOMPARE(check->credentialId, check->credentialId.toLower());
    QVERIFY(!check->weak);
    QVERIFY(check->legacyCode.isEmpty());
}

void TestCredentials::issuedPayloadMatchesParsed()
{
    Fixture f;
    const auto issued = f.issuer.issue(CredentialType::Card, MemberId, CardId, Day);
    QVERIFY(issued);
    const auto parsed = CredentialCodec::parse(issued->first.toLatin1());
    QVERIFY(parsed);
    QCOMPARE(parsed->keyId, QStringLiteral("k1"));
    QCOMPARE(parsed->payload.memberId, issued->second.memberId);
    QCOMPARE(parsed->payload.cardId, issued->second.cardId);
    QCOMPARE(parsed->payload.issuedAtMs, issued->second.issuedAtMs);
    QCOMPARE(parsed->payload.expiresAtMs, issued->second.expiresAtMs);
    QCOMPARE(parsed->payload.nonce, issued->second.nonce);
    QCOMPARE(parsed->signature.size(), SigningKey::SignatureBytes);
    QCOMPARE(parsed->signedText, issued->first.toLatin1().first(issued->first.lastIndexOf(u'.')));

    const auto second = f.issuer.issue(CredentialType::Card, MemberId, CardId, Day);
    QVERIFY(second);
    QVERIFY2(second->second.nonce != issued->second.nonce, "every code gets a fresh random nonce");
}

void TestCredentials::garbage_data()
{
    QTest::addColumn<QByteArray>("input");

    const Fixture f;
    const QByteArray valid = f.card();
    const QList<QByteArray> parts = valid.split('.');
    const SigningKey &key = f.key;

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("spaces") << QByteArray("     ");
    QTest::newRow("CR LF") << QByteArray("\r\n");
    QTest::newRow("tabs and newlines") << QByteArray("\t\n\t\n");
    QTest::newRow("chinese text") << QStringLiteral("会员码一二三四").toUtf8();
    QTest::newRow("latin-1 letters") << QByteArray("M\xe9mbre1234");
    QTest::newRow("cyrillic M lookalike") << QStringLiteral("М1000000001").toUtf8();
    QTest::newRow("GG1.") << QByteArray("GG1.");
    QTest::newRow("GG1...") << QByteArray("GG1...");
    QTest::newRow("GG1.k1..") << QByteArray("GG1.k1..");
    QTest::newRow("three parts") << parts.first(3).join('.');
    QTest::newRow("five parts") << valid + ".AAAA";
    QTest::newRow("trailing dot") << valid + '.';
    QTest::newRow("empty kid") << withPart(valid, 1, {});
    QTest::newRow("empty payload") << withPart(valid, 2, {});
    QTest::newRow("empty signature") << withPart(valid, 3, {});
    QTest::newRow("GG2 prefix") << withPart(valid, 0, "GG2");
    QTest::newRow("lower-case prefix") << withPart(valid, 0, "gg1");
    QTest::newRow("kid too long") << withPart(valid, 1, QByteArray(17, 'k'));
    QTest::newRow("kid with a space") << withPart(valid, 1, "k 1");
    QTest::newRow("kid non-ascii") << withPart(valid, 1, "k\xc3\xa9");
    QTest::newRow("padding on payload") << withPart(valid, 2, parts[2] + "==");
    QTest::newRow("padding on signature") << withPart(valid, 3, parts[3] + "==");
    QTest::newRow("standard base64 plus") << withPart(valid, 2, '+' + parts[2].sliced(1));
    QTest::newRow("standard base64 slash") << withPart(valid, 3, '/' + parts[3].sliced(1));
    QTest::newRow("bang in payload") << withPart(valid, 2, parts[2].first(10) + '!' + parts[2].sliced(11));
    QTest::newRow("space in signature") << withPart(valid, 3, parts[3].first(10) + ' ' + parts[3].sliced(11));
    QTest::newRow("NUL in payload") << withPart(valid, 2, parts[2].first(10) + '\0' + parts[2].sliced(11));
    QTest::newRow("high byte in signature") << withPart(valid, 3, parts[3].first(10) + '\xff' + parts[3].sliced(11));
    QTest::newRow("payload 4 chars short") << withPart(valid, 2, parts[2].first(parts[2].size() - 4));
    QTest::newRow("payload 4 chars long") << withPart(valid, 2, parts[2] + "AAAA");
    QTest::newRow("signature 4 chars short") << withPart(valid, 3, parts[3].first(parts[3].size() - 4));
    QTest::newRow("signature 1 char long") << withPart(valid, 3, parts[3] + 'A');
    QTest::newRow("signed, type X") << signRaw(rawPayload('X', memberBytes(), QByteArray(16, 0), 1, 0), key);
    QTest::newRow("signed, type lower-case c") << signRaw(rawPayload('c', memberBytes(), QByteArray(16, 0), 1, 0), key);
    QTest::newRow("signed, null member") << signRaw(rawPayload('C', QByteArray(16, 0), QByteArray(16, 0), 1, 0), key);
    QTest::newRow("signed, 48-byte payload")
        << signRaw(rawPayload('C', memberBytes(), QByteArray(16, 0), 1, 0).chopped(1), key);
    QTest::newRow("signed, 50-byte payload")
        << signRaw(rawPayload('C', memberBytes(), QByteArray(16, 0), 1, 0) + 'x', key);
    QTest::newRow("legacy-like but too short") << QByteArray("M10");
    QTest::newRow("legacy-like but starts with digit") << QByteArray("1000000001");
    QTest::newRow("legacy-like with underscore") << QByteArray("M100_0001");
}

void TestCredentials::garbage()
{
    QFETCH(QByteArray, input);
    for (const bool legacyAllowed : {false, true}) {
        Fixture f;
        f.verifier.setPolicy(CredentialPolicy {.legacyCodesAllowed = legacyAllowed});
        QCOMPARE(reasonOf(f.verifier.verify(input)), AccessReason::CredentialMalformed);
    }
    QVERIFY(!CredentialCodec::parse(input));
}

void TestCredentials::randomBytesNeverVerify()
{
    Fixture f;
    f.verifier.setPolicy(CredentialPolicy {.legacyCodesAllowed = true});
    QRandomGenerator random(20240601); // fixed seed: a failure must be reproducible
    for (int round = 0; round < 2000; ++round) {
        QByteArray input(random.bounded(33, 700), Qt::Uninitialized);
        for (char &c : input)
            c = static_cast<char>(random.bounded(256));
        if (round % 2)
            input.prepend("GG1.k1."); // reach the deeper parser paths too
        const CredentialCheck check = f.verifier.verify(input);
        QVERIFY2(!check, input.toHex().constData());
        QCOMPARE(check.error(), AccessReason::CredentialMalformed);
    }
}

void TestCredentials::everyTruncationIsDenied_data()
{
    QTest::addColumn<bool>("token");
    QTest::newRow("card code") << false;
    QTest::newRow("token") << true;
}

void TestCredentials::everyTruncationIsDenied()
{
    QFETCH(bool, token);
    Fixture f;
    f.verifier.setPolicy(CredentialPolicy {.legacyCodesAllowed = true});
    const QByteArray code = token ? f.token() : f.card();
    QVERIFY(f.verifier.verify(code));
    for (qsizetype length = 0; length < code.size(); ++length) {
        const CredentialCheck check = f.verifier.verify(code.first(length));
        QVERIFY2(!check, qPrintable(QStringLiteral("prefix of length %1 was granted").arg(length)));
        QCOMPARE(check.error(), AccessReason::CredentialMalformed);
    }
}

void TestCredentials::oversize_data()
{
    QTest::addColumn<QByteArray>("input");
    const Fixture f;
    const QByteArray valid = f.card();
    QTest::newRow("513 letters") << QByteArray(513, 'A');
    QTest::newRow("valid code padded to 513 with spaces inside") << valid + ' ' + QByteArray(512 - valid.size(), 'A');
    QTest::newRow("kid padded to 513") << withPart(valid, 1, QByteArray(513 - valid.size() + 2, 'k'));
    QTest::newRow("1 MiB") << QByteArray(1 << 20, 'A');
    QTest::newRow("1 MiB of dots") << QByteArray(1 << 20, '.');
    QTest::newRow("1 MiB after GG1.") << "GG1." + QByteArray(1 << 20, 'A');
}

void TestCredentials::oversize()
{
    QFETCH(QByteArray, input);
    QVERIFY(input.size() > CredentialCodec::MaxCodeLength);
    Fixture f;
    f.verifier.setPolicy(CredentialPolicy {.legacyCodesAllowed = true});
    QCOMPARE(reasonOf(f.verifier.verify(input)), AccessReason::CredentialMalformed);
    const auto parsed = CredentialCodec::parse(input);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error(), AccessReason::CredentialMalformed);
}

void TestCredentials::everyTamperedCharacterIsDenied_data()
{
    everyTruncationIsDenied_data();
}

void TestCredentials::everyTamperedCharacterIsDenied()
{
    QFETCH(bool, token);
    Fixture f;
    const QByteArray code = token ? f.token() : f.card();
    const qsizetype payloadStart = code.indexOf('.', 4) + 1;
    for (qsizetype i = payloadStart; i < code.size(); ++i) {
        if (code[i] == '.')
            continue;
        // Every other alphabet character at this position, including those that differ only in
        // the spare low bits of the last character.
        for (const char c : QByteArrayView("AQgw_-9zB")) {
            if (c == code[i])
                continue;
            QByteArray tampered = code;
            tampered[i] = c;
            const AccessReason reason = reasonOf(f.verifier.verify(tampered));
            QVERIFY2(reason == AccessReason::CredentialBadSignature || reason == AccessReason::CredentialMalformed,
                qPrintable(QStringLiteral("position %1 -> %2: %3")
                               .arg(i)
                               .arg(QLatin1Char(c))
                               .arg(QLatin1String(accessReasonCode(reason)))));
        }
    }
}

void TestCredentials::wrongKeyUnderSameKid()
{
    Fixture f;
    const SigningKey impostor = makeKey(QStringLiteral("k1"));
    const CredentialIssuer forger(impostor, f.clock);
    const auto forged = forger.issueCardCode(MemberId, CardId);
    QVERIFY(forged);
    QCOMPARE(reasonOf(f.verifier.verify(forged->toLatin1())), AccessReason::CredentialBadSignature);
}

void TestCredentials::unknownKid()
{
    Fixture f;
    const SigningKey other = makeKey(QStringLiteral("desk-7"));
    const auto code = CredentialIssuer(other, f.clock).issueToken(MemberId);
    QVERIFY(code);
    QCOMPARE(reasonOf(f.verifier.verify(code->toLatin1())), AccessReason::CredentialUnknownKey);
}

void TestCredentials::revokedKey()
{
    Fixture f;
    const QByteArray code = f.card();
    f.trust.revokeKey(QStringLiteral("k1"));
    QCOMPARE(reasonOf(f.verifier.verify(code)), AccessReason::CredentialKeyRevoked);
}

void TestCredentials::timeWindow_data()
{
    QTest::addColumn<bool>("token");
    QTest::addColumn<qint64>("validityMs");
    QTest::addColumn<qint64>("offsetMs"); // scan time relative to issue time
    QTest::addColumn<AccessReason>("expected");

    constexpr qint64 Skew = 120'000;
    QTest::newRow("card, at issue") << false << Day << 0LL << AccessReason::Granted;
    QTest::newRow("card, at expiry") << false << Day << Day << AccessReason::Granted;
    QTest::newRow("card, at expiry + skew") << false << Day << Day + Skew << AccessReason::Granted;
    QTest::newRow("card, 1 ms after expiry + skew")
        << false << Day << Day + Skew + 1 << AccessReason::CredentialExpired;
    QTest::newRow("card, 1 s after expiry + skew")
        << false << Day << Day + Skew + 1000 << AccessReason::CredentialExpired;
    QTest::newRow("card, a year late") << false << Day << 365 * Day << AccessReason::CredentialExpired;
    QTest::newRow("card without expiry, ten years on") << false << 0LL << 3650 * Day << AccessReason::Granted;
    QTest::newRow("token, at issue") << true << 60'000LL << 0LL << AccessReason::Granted;
    QTest::newRow("token, at expiry + skew") << true << 60'000LL << 60'000 + Skew << AccessReason::Granted;
    QTest::newRow("token, 1 s after expiry + skew")
        << true << 60'000LL << 61'000 + Skew << AccessReason::CredentialExpired;
    QTest::newRow("token, an hour late") << true << 60'000LL << 3'600'000LL << AccessReason::CredentialExpired;
    QTest::newRow("issued skew ahead of the kiosk") << true << 60'000LL << -Skew << AccessReason::Granted;
    QTest::newRow("issued 1 s beyond skew ahead")
        << true << 60'000LL << -Skew - 1000 << AccessReason::CredentialNotYetValid;
    QTest::newRow("card issued a day ahead") << false << 0LL << -Day << AccessReason::CredentialNotYetValid;
}

void TestCredentials::timeWindow()
{
    QFETCH(bool, token);
    QFETCH(qint64, validityMs);
    QFETCH(qint64, offsetMs);
    QFETCH(AccessReason, expected);

    Fixture f;
    const QByteArray code = token ? f.token(validityMs) : f.card(validityMs);
    f.clock.setNowMs(T0 + offsetMs);
    QCOMPARE(reasonOf(f.verifier.verify(code)), expected);
}

void TestCredentials::tokenShape_data()
{
    QTest::addColumn<qint64>("expiresAtMs"); // relative to issue time; 0 = no expiry
    QTest::addColumn<AccessReason>("expected");
    QTest::newRow("token without expiry") << 0LL << AccessReason::CredentialMalformed;
    QTest::newRow("token valid 60 s") << 60'000LL << AccessReason::Granted;
    QTest::newRow("token valid 61 s") << 61'000LL << AccessReason::CredentialMalformed;
    QTest::newRow("token valid one day") << Day << AccessReason::CredentialMalformed;
}

void TestCredentials::tokenShape()
{
    QFETCH(qint64, expiresAtMs);
    QFETCH(AccessReason, expected);
    Fixture f;
    CredentialPayload payload;
    payload.type = CredentialType::Token;
    payload.memberId = MemberId;
    payload.issuedAtMs = T0;
    payload.expiresAtMs = expiresAtMs == 0 ? 0 : T0 + expiresAtMs;
    payload.nonce = QByteArray::fromHex("a1b2c3d4e5f60718");
    const auto code = CredentialCodec::encode(payload, f.key);
    QVERIFY(code);
    QCOMPARE(reasonOf(f.verifier.verify(code->toLatin1())), expected);
}

void TestCredentials::revokedCredential_data()
{
    everyTruncationIsDenied_data();
}

void TestCredentials::revokedCredential()
{
    QFETCH(bool, token);
    Fixture f;
    const QByteArray code = token ? f.token() : f.card();
    const auto check = f.verifier.verify(code);
    QVERIFY(check);
    f.trust.revokeCredential(check->credentialId);
    QCOMPARE(reasonOf(f.verifier.verify(code)), AccessReason::CredentialRevoked);
    f.trust.revokeCredential(QStringLiteral("0000000000000000"));
    QCOMPARE(reasonOf(f.verifier.verify(f.card())), AccessReason::Granted);
}

void TestCredentials::replayedToken()
{
    Fixture f;
    const QByteArray code = f.token();
    const auto first = f.verifier.verify(code);
    QVERIFY(first);
    f.trust.markNonceUsed(first->credentialId); // what the entry ledger does on a grant
    QCOMPARE(reasonOf(f.verifier.verify(code)), AccessReason::CredentialReplayed);
    QCOMPARE(reasonOf(f.verifier.verify(f.token())), AccessReason::Granted);
}

void TestCredentials::cardCodesAreNotSingleUse()
{
    Fixture f;
    const QByteArray code = f.card();
    const auto first = f.verifier.verify(code);
    QVERIFY(first);
    f.trust.markNonceUsed(first->credentialId);
    QCOMPARE(reasonOf(f.verifier.verify(code)), AccessReason::Granted);
}

void TestCredentials::verifyDoesNotConsumeNonce()
{
    Fixture f;
    const QByteArray code = f.token();
    const auto first = f.verifier.verify(code);
    QVERIFY(first);
    QVERIFY(!f.trust.isNonceUsed(first->credentialId));
    QCOMPARE(reasonOf(f.verifier.verify(code)), AccessReason::Granted);
}

void TestCredentials::legacyCodes_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<AccessReason>("expected");
    QTest::addColumn<QString>("code");

    QTest::newRow("member no, allowed") << QByteArray("M1000000001") << true << AccessReason::Granted
                                        << QStringLiteral("M1000000001");
    QTest::newRow("member no, disabled") << QByteArray("M1000000001") << false << AccessReason::CredentialLegacyDisabled
                                         << QString();
    QTest::newRow("card no, allowed") << QByteArray("C1000000001") << true << AccessReason::Granted
                                      << QStringLiteral("C1000000001");
    QTest::newRow("card no, disabled") << QByteArray("C1000000001") << false << AccessReason::CredentialLegacyDisabled
                                       << QString();
    QTest::newRow("with hyphen and CR LF")
        << QByteArray("SH-M-000123\r\n") << true << AccessReason::Granted << QStringLiteral("SH-M-000123");
    QTest::newRow("4 chars, shortest") << QByteArray("M100") << true << AccessReason::Granted << QStringLiteral("M100");
    QTest::newRow("32 chars, longest") << QByteArray("M" + QByteArray(31, '7')) << true << AccessReason::Granted
                                       << QString(QStringLiteral("M") + QString(31, u'7'));
    QTest::newRow("33 chars") << QByteArray("M" + QByteArray(32, '7')) << true << AccessReason::CredentialMalformed
                              << QString();
    QTest::newRow("GG1 without dot is legacy")
        << QByteArray("GG1ABC") << true << AccessReason::Granted << QStringLiteral("GG1ABC");
    QTest::newRow("GG1 with dot never is")
        << QByteArray("GG1.ABC") << true << AccessReason::CredentialMalformed << QString();
    QTest::newRow("inner space") << QByteArray("M100 0001") << true << AccessReason::CredentialMalformed << QString();
}

void TestCredentials::legacyCodes()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, allowed);
    QFETCH(AccessReason, expected);
    QFETCH(QString, code);

    Fixture f;
    f.verifier.setPolicy(CredentialPolicy {.legacyCodesAllowed = allowed});
    const CredentialCheck check = f.verifier.verify(input);
    QCOMPARE(reasonOf(check), expected);
    if (check) {
        QCOMPARE(check->type, CredentialType::Legacy);
        QCOMPARE(check->legacyCode, code);
        QCOMPARE(check->credentialId, code);
        QVERIFY(check->weak);
        QVERIFY(check->payload.memberId.isEmpty());
    }
}

void TestCredentials::surroundingWhitespace_data()
{
    QTest::addColumn<QByteArray>("prefix");
    QTest::addColumn<QByteArray>("suffix");
    QTest::newRow("CR LF") << QByteArray() << QByteArray("\r\n");
    QTest::newRow("LF") << QByteArray() << QByteArray("\n");
    QTest::newRow("CR") << QByteArray() << QByteArray("\r");
    QTest::newRow("space and tab") << QByteArray() << QByteArray(" \t");
    QTest::newRow("leading space") << QByteArray(" ") << QByteArray();
    QTest::newRow("both") << QByteArray("\n ") << QByteArray(" \r\n");
}

void TestCredentials::surroundingWhitespace()
{
    QFETCH(QByteArray, prefix);
    QFETCH(QByteArray, suffix);
    Fixture f;
    const QByteArray code = f.token();
    const auto plain = f.verifier.verify(code);
    const auto padded = f.verifier.verify(QByteArray(prefix + code + suffix));
    QVERIFY(plain);
    QVERIFY(padded);
    QCOMPARE(padded->credentialId, plain->credentialId);
}

void TestCredentials::issuerRejectsBadInput_data()
{
    QTest::addColumn<CredentialType>("type");
    QTest::addColumn<QString>("memberId");
    QTest::addColumn<QString>("cardId");
    QTest::addColumn<qint64>("validityMs");
    QTest::addColumn<QString>("field");

    QTest::newRow("member not a uuid") << CredentialType::Card << QStringLiteral("M1000000001") << QString() << 0LL
                                       << QStringLiteral("memberId");
    QTest::newRow("null member uuid") << CredentialType::Card << QUuid().toString(QUuid::WithoutBraces) << QString()
                                      << 0LL << QStringLiteral("memberId");
    QTest::newRow("empty member") << CredentialType::Token << QString() << QString() << 60'000LL
                                  << QStringLiteral("memberId");
    QTest::newRow("card not a uuid") << CredentialType::Card << MemberId << QStringLiteral("C1000000001") << 0LL
                                     << QStringLiteral("cardId");
    QTest::newRow("token without expiry")
        << CredentialType::Token << MemberId << QString() << 0LL << QStringLiteral("validityMs");
    QTest::newRow("negative validity") << CredentialType::Card << MemberId << QString() << -1LL
                                       << QStringLiteral("validityMs");
    QTest::newRow("sub-second validity") << CredentialType::Card << MemberId << QString() << 999LL
                                         << QStringLiteral("validityMs");
    QTest::newRow("absurd validity") << CredentialType::Card << MemberId << QString()
                                     << std::numeric_limits<qint64>::max() << QStringLiteral("validityMs");
    QTest::newRow("legacy type") << CredentialType::Legacy << MemberId << QString() << 0LL << QStringLiteral("type");
    QTest::newRow("invalid type") << CredentialType::Invalid << MemberId << QString() << 0LL << QStringLiteral("type");
}

void TestCredentials::issuerRejectsBadInput()
{
    QFETCH(CredentialType, type);
    QFETCH(QString, memberId);
    QFETCH(QString, cardId);
    QFETCH(qint64, validityMs);
    QFETCH(QString, field);

    Fixture f;
    const auto issued = f.issuer.issue(type, memberId, cardId, validityMs);
    QVERIFY(!issued);
    QCOMPARE(issued.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(issued.error().field, field);
    QVERIFY(!issued.error().message.isEmpty());
}

void TestCredentials::keyIds_data()
{
    QTest::addColumn<QString>("keyId");
    QTest::addColumn<bool>("valid");
    QTest::newRow("k1") << QStringLiteral("k1") << true;
    QTest::newRow("hub-2024_a") << QStringLiteral("hub-2024_a") << true;
    QTest::newRow("16 chars") << QString(16, u'a') << true;
    QTest::newRow("17 chars") << QString(17, u'a') << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("dot") << QStringLiteral("k.1") << false;
    QTest::newRow("space") << QStringLiteral("k 1") << false;
    QTest::newRow("non-ascii") << QStringLiteral("kë") << false;
}

void TestCredentials::keyIds()
{
    QFETCH(QString, keyId);
    QFETCH(bool, valid);
    QCOMPARE(SigningKey::isValidKeyId(keyId), valid);
    const auto key = SigningKey::generate(keyId);
    QCOMPARE(key.has_value(), valid);
    if (!valid)
        QCOMPARE(key.error().code, ErrorCode::InvalidArgument);
}

void TestCredentials::secretKeyRoundTrip()
{
    const SigningKey original = makeKey(QStringLiteral("desk-1"));
    QCOMPARE(original.publicKey().size(), SigningKey::PublicKeyBytes);
    QCOMPARE(original.secretKey().size(), SigningKey::SecretKeyBytes);
    const auto restored = SigningKey::fromSecretKey(QStringLiteral("desk-1"), original.secretKey());
    QVERIFY(restored);
    QCOMPARE(restored->publicKey(), original.publicKey());
    const QByteArray message = "GG1.desk-1.payload";
    const QByteArray signature = restored->sign(message);
    QCOMPARE(signature.size(), SigningKey::SignatureBytes);
    QVERIFY(SigningKey::verify(message, signature, original.publicKey()));
    QVERIFY(!SigningKey::verify("GG1.desk-1.payloaD", signature, original.publicKey()));
    QVERIFY(!SigningKey::verify(message, signature.chopped(1), original.publicKey()));
    QVERIFY(!SigningKey::verify(message, signature, original.publicKey().chopped(1)));
    QVERIFY(!SigningKey::verify(message, signature, makeKey(QStringLiteral("x")).publicKey()));
}

void TestCredentials::secretKeyDamaged()
{
    const SigningKey key = makeKey(QStringLiteral("desk-1"));
    QByteArray stitched = key.secretKey();
    stitched.replace(32, 32, makeKey(QStringLiteral("desk-2")).publicKey()); // seed of one, public half of another
    const auto fromStitched = SigningKey::fromSecretKey(QStringLiteral("desk-1"), stitched);
    QVERIFY(!fromStitched);
    QCOMPARE(fromStitched.error().code, ErrorCode::Crypto);
    QVERIFY(!SigningKey::fromSecretKey(QStringLiteral("desk-1"), key.secretKey().chopped(1)));
    QVERIFY(!SigningKey::fromSecretKey(QStringLiteral("bad kid"), key.secretKey()));
}

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
