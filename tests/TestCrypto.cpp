#include "Crypto.h"
#include "SecureBytes.h"

#include <QJsonObject>
#include <QTest>
#include <functional>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

SecureBytes secureHex(const QByteArray& hex)
{
    QByteArray raw = QByteArray::fromHex(hex);
    return SecureBytes::takeFrom(raw);
}

SecureBytes secure(const QByteArray& raw)
{
    return SecureBytes(raw.constData(), std::size_t(raw.size()));
}

KdfParameters fastParameters()
{
    KdfParameters params;
    params.n = 1024;
    params.salt = QByteArray(16, 's');
    return params;
}

// Restores an environment variable when the test leaves, however it leaves.
class EnvGuard
{
public:
    explicit EnvGuard(const char* name)
        : m_name(name)
        , m_wasSet(qEnvironmentVariableIsSet(name))
        , m_value(qgetenv(name))
    {}
    ~EnvGuard()
    {
        if (m_wasSet)
            qputenv(m_name, m_value);
        else
            qunsetenv(m_name);
    }
    EnvGuard(const EnvGuard&) = delete;
    EnvGuard& operator=(const EnvGuard&) = delete;

private:
    const char* m_name;
    bool m_wasSet;
    QByteArray m_value;
};

} // namespace

class TestCrypto : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sha256_data();
    void sha256();
    void hmacSha256_data();
    void hmacSha256();
    void hkdfKnownAnswer();
    void hkdfSeparatesInfo();
    void scryptKnownAnswer_data();
    void scryptKnownAnswer();
    void equalConstantTime_data();
    void equalConstantTime();
    void randomBytes();

    void sealRoundTrip_data();
    void sealRoundTrip();
    void openRejectsWrongKey();
    void openRejectsWrongAad();
    void openRejectsTruncated_data();
    void openRejectsTruncated();
    void openRejectsEveryBitFlip();
    void openRejectsBadKeySize();
    void noncesDiffer();
    void gcmKeyTurnsBetweenSealingAndOpening();
    void openKey();

    void kdfFresh();
    void kdfJsonRoundTrip();
    void kdfFromJson_data();
    void kdfFromJson();
    void kdfDerive();
    void kdfDeriveRejects_data();
    void kdfDeriveRejects();
    void kdfDeriveProductionCost();

    void secureBytesConstruction();
    void secureBytesCopy();
    void secureBytesMove();
    void secureBytesClear();
    void secureBytesEquality_data();
    void secureBytesEquality();
    void secureBytesTakeFrom();
    void secureBytesFromUtf8();
};

void TestCrypto::sha256_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("digest");
    QTest::newRow("abc") << "abc"_ba
                         << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_ba;
    QTest::newRow("empty") << QByteArray()
                           << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_ba;
    QTest::newRow("448 bits")
        << "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"_ba
        << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"_ba;
}

void TestCrypto::sha256()
{
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, digest);
    QCOMPARE(Crypto::sha256(data).toHex(), digest);
}

void TestCrypto::hmacSha256_data()
{
    // RFC 4231, test cases 1 and 2.
    QTest::addColumn<QByteArray>("keyHex");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("mac");
    QTest::newRow("RFC 4231 #1")
        << QByteArray(20, '\x0b').toHex() << "Hi There"_ba
        << "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"_ba;
    QTest::newRow("RFC 4231 #2")
        << "Jefe"_ba.toHex() << "what do ya want for nothing?"_ba
        << "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"_ba;
}

void TestCrypto::hmacSha256()
{
    QFETCH(QByteArray, keyHex);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, mac);
    QCOMPARE(Crypto::hmacSha256(secureHex(keyHex), data).toHex(), mac);
}

void TestCrypto::hkdfKnownAnswer()
{
    // RFC 5869, test case 3: SHA-256 with empty salt and info, the only case our API can state.
    const SecureBytes ikm = secure(QByteArray(22, '\x0b'));
    const SecureBytes okm = Crypto::hkdf(ikm, {}, 42);
    QCOMPARE(okm.view().toByteArray().toHex(),
             "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
             "9d201395faa4b61a96c8"_ba);
}

void TestCrypto::hkdfSeparatesInfo()
{
    const SecureBytes master = Crypto::randomKey();
    const SecureBytes a = Crypto::hkdf(master, "records"_ba);
    const SecureBytes b = Crypto::hkdf(master, "index"_ba);
    QCOMPARE(a.size(), std::size_t(Crypto::KeySize));
    QVERIFY(a == Crypto::hkdf(master, "records"_ba));
    QVERIFY(!(a == b));
}

void TestCrypto::scryptKnownAnswer_data()
{
    // RFC 7914 section 12. The vectors are 64 bytes long; derive() yields 32, which are their
    // prefix because scrypt ends with PBKDF2, whose output blocks do not depend on its length.
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("salt");
    QTest::addColumn<quint64>("n");
    QTest::addColumn<quint32>("r");
    QTest::addColumn<quint32>("p");
    QTest::addColumn<QByteArray>("prefix");
    QTest::newRow("password/NaCl")
        << "password"_ba
        << "NaCl"_ba << quint64(1024) << quint32(8) << quint32(16)
        << "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"_ba;
    QTest::newRow("pleaseletmein/SodiumChloride")
        << "pleaseletmein"_ba
        << "SodiumChloride"_ba << quint64(16384) << quint32(8) << quint32(1)
        << "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"_ba;
}

void TestCrypto::scryptKnownAnswer()
{
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, salt);
    QFETCH(quint64, n);
    QFETCH(quint32, r);
    QFETCH(quint32, p);
    QFETCH(QByteArray, prefix);
    const KdfParameters params{n, r, p, salt};
    SecureBytes key;
    QString error;
    QVERIFY2(params.derive(secure(password), &key, &error), qPrintable(error));
    QCOMPARE(key.view().toByteArray().toHex(), prefix);
}

void TestCrypto::equalConstantTime_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    QTest::newRow("same") << "mac-value"_ba
                          << "mac-value"_ba << true;
    QTest::newRow("last byte differs") << "mac-value"_ba
                                       << "mac-valuf"_ba << false;
    QTest::newRow("first byte differs") << "mac-value"_ba
                                        << "nac-value"_ba << false;
    QTest::newRow("prefix") << "mac-value"_ba
                            << "mac-val"_ba << false;
    QTest::newRow("one empty") << QByteArray() << "x"_ba << false;
}

void TestCrypto::equalConstantTime()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(Crypto::equalConstantTime(a, b), equal);
    QCOMPARE(Crypto::equalConstantTime(b, a), equal);
}

void TestCrypto::randomBytes()
{
    QCOMPARE(Crypto::randomBytes(0).size(), 0);
    const QByteArray a = Crypto::randomBytes(32);
    QCOMPARE(a.size(), 32);
    QVERIFY(a != Crypto::randomBytes(32));
    const SecureBytes key = Crypto::randomKey();
    QCOMPARE(key.size(), std::size_t(Crypto::KeySize));
    QVERIFY(!(key == Crypto::randomKey()));
}

void TestCrypto::sealRoundTrip_data()
{
    QTest::addColumn<qsizetype>("size");
    for (const qsizetype size : {0, 1, 15, 16, 17, 1000, 1 << 20})
        QTest::addRow("%lld bytes", static_cast<long long>(size)) << size;
}

void TestCrypto::sealRoundTrip()
{
    QFETCH(qsizetype, size);
    const SecureBytes key = Crypto::randomKey();
    const QByteArray plaintext = Crypto::randomBytes(std::size_t(size));
    const QByteArray sealed = Crypto::seal(key, plaintext, "record:42"_ba);
    QCOMPARE(sealed.size(), size + Crypto::NonceSize + Crypto::TagSize);
    if (size >= 16) // the ciphertext must not be the plaintext
        QVERIFY(sealed.mid(Crypto::NonceSize, size) != plaintext);
    QByteArray opened;
    QVERIFY(Crypto::open(key, sealed, "record:42"_ba, &opened));
    QCOMPARE(opened, plaintext);
}

void TestCrypto::openRejectsWrongKey()
{
    const QByteArray sealed = Crypto::seal(Crypto::randomKey(), "secret"_ba, "aad"_ba);
    QByteArray opened = "untouched"_ba;
    QVERIFY(!Crypto::open(Crypto::randomKey(), sealed, "aad"_ba, &opened));
    QCOMPARE(opened, "untouched"_ba);
}

void TestCrypto::openRejectsWrongAad()
{
    const SecureBytes key = Crypto::randomKey();
    const QByteArray sealed = Crypto::seal(key, "secret"_ba, "record:1"_ba);
    QByteArray opened = "untouched"_ba;
    QVERIFY(!Crypto::open(key, sealed, "record:2"_ba, &opened));
    QVERIFY(!Crypto::open(key, sealed, {}, &opened));
    QCOMPARE(opened, "untouched"_ba);
    // And the other way round: an aad where none was sealed.
    const QByteArray bare = Crypto::seal(key, "secret"_ba, {});
    QVERIFY(!Crypto::open(key, bare, "record:1"_ba, &opened));
    QVERIFY(Crypto::open(key, bare, {}, &opened));
    QCOMPARE(opened, "secret"_ba);
}

void TestCrypto::openRejectsTruncated_data()
{
    QTest::addColumn<qsizetype>("from");
    QTest::addColumn<qsizetype>("length");
    // Sealed blobs of a 5-byte plaintext are 33 bytes long.
    QTest::newRow("empty") << qsizetype(0) << qsizetype(0);
    QTest::newRow("1 byte") << qsizetype(0) << qsizetype(1);
    QTest::newRow("27 bytes") << qsizetype(0) << qsizetype(27);
    QTest::newRow("28 bytes") << qsizetype(0) << qsizetype(28);
    QTest::newRow("last byte cut") << qsizetype(0) << qsizetype(32);
    QTest::newRow("first byte cut") << qsizetype(1) << qsizetype(32);
}

void TestCrypto::openRejectsTruncated()
{
    QFETCH(qsizetype, from);
    QFETCH(qsizetype, length);
    const SecureBytes key = Crypto::randomKey();
    const QByteArray sealed = Crypto::seal(key, "hello"_ba, "aad"_ba);
    QCOMPARE(sealed.size(), 33);
    QByteArray opened = "untouched"_ba;
    QVERIFY(!Crypto::open(key, sealed.mid(from, length), "aad"_ba, &opened));
    QCOMPARE(opened, "untouched"_ba);
}

void TestCrypto::openRejectsEveryBitFlip()
{
    const SecureBytes key = Crypto::randomKey();
    const QByteArray sealed = Crypto::seal(key, "hello"_ba, "aad"_ba);
    for (qsizetype bit = 0; bit < sealed.size() * 8; ++bit) {
        QByteArray tampered = sealed;
        tampered[bit / 8] = char(tampered.at(bit / 8) ^ (1 << (bit % 8)));
        QByteArray opened = "untouched"_ba;
        if (Crypto::open(key, tampered, "aad"_ba, &opened))
            QFAIL(qPrintable(u"flipping bit %1 went unnoticed"_s.arg(bit)));
        QCOMPARE(opened, "untouched"_ba);
    }
}

void TestCrypto::openRejectsBadKeySize()
{
    const SecureBytes key = Crypto::randomKey();
    const QByteArray sealed = Crypto::seal(key, "hello"_ba, {});
    QByteArray opened;
    QVERIFY(!Crypto::open(Crypto::randomKey(16), sealed, {}, &opened));
    QVERIFY(!Crypto::open(SecureBytes(), sealed, {}, &opened));
    SecureBytes openedKey;
    QVERIFY(!Crypto::openKey(Crypto::randomKey(31), sealed, {}, &openedKey));
}

void TestCrypto::noncesDiffer()
{
    const SecureBytes key = Crypto::randomKey();
    const QByteArray a = Crypto::seal(key, "same"_ba, "aad"_ba);
    const QByteArray b = Crypto::seal(key, "same"_ba, "aad"_ba);
    QVERIFY(a.first(Crypto::NonceSize) != b.first(Crypto::NonceSize));
    QVERIFY(a != b);
}

// One GcmKey seals and opens with a single OpenSSL context: each operation must set its own
// direction, whatever the one before did, failed tag checks included.
void TestCrypto::gcmKeyTurnsBetweenSealingAndOpening()
{
    const SecureBytes raw = Crypto::randomKey();
    const GcmKey key(raw);
    const QByteArray first = key.seal("first block"_ba, "aad-1"_ba);
    QByteArray opened;
    QVERIFY(key.open(first, "aad-1"_ba, &opened));
    QCOMPARE(opened, "first block"_ba);
    QByteArray tampered = first;
    tampered[Crypto::NonceSize] = char(tampered.at(Crypto::NonceSize) ^ 1);
    QVERIFY(!key.open(tampered, "aad-1"_ba, &opened));
    QVERIFY(!key.open(first, "aad-2"_ba, &opened));
    // Sealing after failed openings: what it makes opens elsewhere, with the key alone.
    const QByteArray second = key.seal("second block"_ba, "aad-2"_ba);
    QVERIFY(Crypto::open(raw, second, "aad-2"_ba, &opened));
    QCOMPARE(opened, "second block"_ba);
    // And what another key object sealed opens here, between two seals of this one.
    const QByteArray elsewhere = Crypto::seal(raw, "third block"_ba, "aad-3"_ba);
    for (int round = 0; round < 3; ++round) {
        QVERIFY(key.open(elsewhere, "aad-3"_ba, &opened));
        QCOMPARE(opened, "third block"_ba);
        QVERIFY(key.open(key.seal("again"_ba, "aad-4"_ba), "aad-4"_ba, &opened));
        QCOMPARE(opened, "again"_ba);
    }
    QVERIFY(key.open(first, "aad-1"_ba, &opened));
    QCOMPARE(opened, "first block"_ba);
}

void TestCrypto::openKey()
{
    const SecureBytes wrapping = Crypto::randomKey();
    const SecureBytes dataKey = Crypto::randomKey();
    const QByteArray sealed = Crypto::seal(wrapping, dataKey.view(), "wrap"_ba);

    SecureBytes opened;
    QVERIFY(Crypto::openKey(wrapping, sealed, "wrap"_ba, &opened));
    QVERIFY(opened == dataKey);

    SecureBytes untouched = secure("untouched"_ba);
    QVERIFY(!Crypto::openKey(wrapping, sealed, "other"_ba, &untouched));
    QVERIFY(untouched == secure("untouched"_ba));
    QVERIFY(!Crypto::openKey(Crypto::randomKey(), sealed, "wrap"_ba, &untouched));
    QVERIFY(untouched == secure("untouched"_ba));
}

void TestCrypto::kdfFresh()
{
    const EnvGuard guard("SIDEP_TEST_FAST_KDF");
    qunsetenv("SIDEP_TEST_FAST_KDF");
    const KdfParameters production = KdfParameters::fresh();
    QCOMPARE(production.n, quint64(1) << 15);
    QCOMPARE(production.r, quint32(8));
    QCOMPARE(production.p, quint32(1));
    QCOMPARE(production.salt.size(), 16);
    QVERIFY(production.salt != KdfParameters::fresh().salt);

    qputenv("SIDEP_TEST_FAST_KDF", "1");
    QCOMPARE(KdfParameters::fresh().n, quint64(1024));
    qputenv("SIDEP_TEST_FAST_KDF", "yes"); // only "1" lowers the cost
    QCOMPARE(KdfParameters::fresh().n, quint64(1) << 15);
}

void TestCrypto::kdfJsonRoundTrip()
{
    const KdfParameters original{quint64(1) << 20, 16, 4, Crypto::randomBytes(24)};
    const QJsonObject json = original.toJson();
    QCOMPARE(json.value(u"alg"_s).toString(), u"scrypt"_s);
    QCOMPARE(json.value(u"n"_s).toInteger(), qint64(1) << 20);
    QCOMPARE(json.value(u"salt"_s).toString(), QString::fromLatin1(original.salt.toBase64()));

    KdfParameters parsed;
    QString error;
    QVERIFY2(KdfParameters::fromJson(json, &parsed, &error), qPrintable(error));
    QCOMPARE(parsed.n, original.n);
    QCOMPARE(parsed.r, original.r);
    QCOMPARE(parsed.p, original.p);
    QCOMPARE(parsed.salt, original.salt);
    QVERIFY(error.isEmpty());
}

void TestCrypto::kdfFromJson_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("errorContains"); // empty: accepted

    const QJsonObject valid = fastParameters().toJson();
    const auto with = [&valid](const QString& key, const QJsonValue& value) {
        QJsonObject json = valid;
        json.insert(key, value);
        return json;
    };
    const auto without = [&valid](const QString& key) {
        QJsonObject json = valid;
        json.remove(key);
        return json;
    };
    const auto base64 = [](qsizetype size) {
        return QJsonValue(QString::fromLatin1(QByteArray(size, 'x').toBase64()));
    };
    const QString power = u"power of two"_s;

    QTest::newRow("valid") << valid << QString();
    QTest::newRow("n = 2^22") << with(u"n"_s, qint64(1) << 22) << QString();
    QTest::newRow("r = 1") << with(u"r"_s, 1) << QString();
    QTest::newRow("r = 32") << with(u"r"_s, 32) << QString();
    QTest::newRow("p = 16") << with(u"p"_s, 16) << QString();
    QTest::newRow("long salt") << with(u"salt"_s, base64(64)) << QString();

    QTest::newRow("alg missing") << without(u"alg"_s) << u"\"alg\""_s;
    QTest::newRow("alg not a string") << with(u"alg"_s, 1) << u"\"alg\""_s;
    QTest::newRow("alg unknown") << with(u"alg"_s, u"argon2id"_s) << u"argon2id"_s;
    QTest::newRow("n missing") << without(u"n"_s) << u"\"n\""_s;
    QTest::newRow("n a string") << with(u"n"_s, u"1024"_s) << u"\"n\""_s;
    QTest::newRow("n not a power of two") << with(u"n"_s, 1000) << power;
    QTest::newRow("n fractional") << with(u"n"_s, 1024.5) << power;
    // Within the bounds: only the power-of-two rule refuses it.
    QTest::newRow("n = 3 * 2^10") << with(u"n"_s, 3 << 10) << power;
    QTest::newRow("n = 512") << with(u"n"_s, 512) << power;
    QTest::newRow("n = 2^23") << with(u"n"_s, qint64(1) << 23) << power;
    QTest::newRow("n = 2^40") << with(u"n"_s, qint64(1) << 40) << power;
    QTest::newRow("n negative") << with(u"n"_s, -1024) << power;
    QTest::newRow("r missing") << without(u"r"_s) << u"\"r\""_s;
    QTest::newRow("r = 0") << with(u"r"_s, 0) << u"block size r"_s;
    QTest::newRow("r = 33") << with(u"r"_s, 33) << u"block size r"_s;
    QTest::newRow("p missing") << without(u"p"_s) << u"\"p\""_s;
    QTest::newRow("p = 0") << with(u"p"_s, 0) << u"parallelism p"_s;
    QTest::newRow("p = 17") << with(u"p"_s, 17) << u"parallelism p"_s;
    QJsonObject costly = with(u"n"_s, qint64(1) << 22);
    costly.insert(u"r"_s, 32); // 16 GiB
    QTest::newRow("too much memory") << costly << u"MiB of memory"_s;
    QTest::newRow("salt missing") << without(u"salt"_s) << u"\"salt\""_s;
    QTest::newRow("salt not a string") << with(u"salt"_s, 16) << u"\"salt\""_s;
    QTest::newRow("salt not base64") << with(u"salt"_s, u"not*base64!"_s) << u"base64"_s;
    QTest::newRow("salt 15 bytes") << with(u"salt"_s, base64(15)) << u"at least 16"_s;
    QTest::newRow("salt empty") << with(u"salt"_s, u""_s) << u"at least 16"_s;
}

void TestCrypto::kdfFromJson()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, errorContains);
    KdfParameters parsed{2048, 2, 3, "previous"_ba};
    QString error;
    const bool accepted = KdfParameters::fromJson(json, &parsed, &error);
    if (errorContains.isEmpty()) {
        QVERIFY2(accepted, qPrintable(error));
        QCOMPARE(parsed.n, quint64(json.value(u"n"_s).toInteger()));
        QCOMPARE(parsed.r, quint32(json.value(u"r"_s).toInteger()));
        QCOMPARE(parsed.p, quint32(json.value(u"p"_s).toInteger()));
        QVERIFY(parsed.salt.size() >= 16);
        QVERIFY(error.isEmpty());
    } else {
        QVERIFY(!accepted);
        QVERIFY2(error.contains(errorContains), qPrintable(error));
        QCOMPARE(parsed.n, quint64(2048)); // untouched on failure
        QCOMPARE(parsed.salt, "previous"_ba);
        QVERIFY(!KdfParameters::fromJson(json, nullptr, nullptr));
    }
}

void TestCrypto::kdfDerive()
{
    const KdfParameters params = fastParameters();
    const SecureBytes password = SecureBytes::fromUtf8(u"correct horse"_s);
    SecureBytes a;
    SecureBytes b;
    QString error;
    QVERIFY2(params.derive(password, &a, &error), qPrintable(error));
    QCOMPARE(a.size(), std::size_t(Crypto::KeySize));
    QVERIFY(params.derive(password, &b, &error));
    QVERIFY(a == b);

    QVERIFY(params.derive(SecureBytes::fromUtf8(u"correct horsf"_s), &b, &error));
    QVERIFY(!(a == b));
    KdfParameters otherSalt = params;
    otherSalt.salt[15] = 't';
    QVERIFY(otherSalt.derive(password, &b, &error));
    QVERIFY(!(a == b));
    QVERIFY(params.derive(SecureBytes(), &b, &error)); // an empty password still derives
    QVERIFY(!(a == b));
}

void TestCrypto::kdfDeriveRejects_data()
{
    QTest::addColumn<quint64>("n");
    QTest::addColumn<quint32>("r");
    QTest::addColumn<quint32>("p");
    QTest::addColumn<QByteArray>("salt");
    const QByteArray salt(16, 's');
    QTest::newRow("n not a power of two") << quint64(1000) << quint32(8) << quint32(1) << salt;
    QTest::newRow("n too large") << (quint64(1) << 23) << quint32(8) << quint32(1) << salt;
    QTest::newRow("r = 0") << quint64(1024) << quint32(0) << quint32(1) << salt;
    QTest::newRow("p = 17") << quint64(1024) << quint32(8) << quint32(17) << salt;
    QTest::newRow("16 GiB") << (quint64(1) << 22) << quint32(32) << quint32(1) << salt;
    QTest::newRow("empty salt") << quint64(1024) << quint32(8) << quint32(1) << QByteArray();
}

void TestCrypto::kdfDeriveRejects()
{
    QFETCH(quint64, n);
    QFETCH(quint32, r);
    QFETCH(quint32, p);
    QFETCH(QByteArray, salt);
    SecureBytes key = secure("untouched"_ba);
    QString error;
    const KdfParameters params{n, r, p, salt};
    QVERIFY(!params.derive(SecureBytes::fromUtf8(u"pw"_s), &key, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(key == secure("untouched"_ba));
}

void TestCrypto::kdfDeriveProductionCost()
{
    // n = 2^15, r = 8 needs just over OpenSSL's default 32 MiB ceiling: derive must raise it.
    KdfParameters params = fastParameters();
    params.n = quint64(1) << 15;
    SecureBytes key;
    QString error;
    QVERIFY2(params.derive(SecureBytes::fromUtf8(u"pw"_s), &key, &error), qPrintable(error));
    QCOMPARE(key.size(), std::size_t(Crypto::KeySize));
}

void TestCrypto::secureBytesConstruction()
{
    const SecureBytes empty;
    QVERIFY(empty.isEmpty());
    QCOMPARE(empty.size(), std::size_t(0));
    QVERIFY(empty.view().isEmpty());

    const SecureBytes zeros(4);
    QCOMPARE(zeros.view().toByteArray(), QByteArray(4, '\0'));

    const SecureBytes raw("abc", 3);
    QCOMPARE(raw.size(), std::size_t(3));
    QCOMPARE(raw.view().toByteArray(), "abc"_ba);
    QCOMPARE(static_cast<const void*>(raw.view().data()), static_cast<const void*>(raw.data()));
}

void TestCrypto::secureBytesCopy()
{
    SecureBytes original("secret", 6);
    SecureBytes copy(original);
    QVERIFY(copy == original);
    QVERIFY(copy.data() != original.data()); // deep, not shared
    copy.data()[0] = 'S';
    QCOMPARE(original.view().toByteArray(), "secret"_ba);

    SecureBytes assigned("longer value", 12);
    assigned = original;
    QCOMPARE(assigned.view().toByteArray(), "secret"_ba);
    QVERIFY(assigned.data() != original.data());

    SecureBytes& alias = assigned;
    assigned = alias; // self-assignment keeps the contents
    QCOMPARE(assigned.view().toByteArray(), "secret"_ba);
}

void TestCrypto::secureBytesMove()
{
    SecureBytes source("secret", 6);
    const unsigned char* storage = source.data();
    SecureBytes moved(std::move(source));
    QVERIFY(source.isEmpty()); // NOLINT(bugprone-use-after-move): moved-from state is specified
    QCOMPARE(moved.data(), storage);
    QCOMPARE(moved.view().toByteArray(), "secret"_ba);

    SecureBytes target("old", 3);
    target = std::move(moved);
    QVERIFY(moved.isEmpty()); // NOLINT(bugprone-use-after-move)
    QCOMPARE(target.view().toByteArray(), "secret"_ba);

    SecureBytes& alias = target;
    target = std::move(alias); // self-move keeps the contents
    QCOMPARE(target.view().toByteArray(), "secret"_ba);
}

void TestCrypto::secureBytesClear()
{
    SecureBytes bytes("secret", 6);
    bytes.clear();
    QVERIFY(bytes.isEmpty());
    QVERIFY(bytes == SecureBytes());
    bytes.clear(); // idempotent
    QVERIFY(bytes.isEmpty());
}

void TestCrypto::secureBytesEquality_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    QTest::newRow("same") << "key"_ba
                          << "key"_ba << true;
    QTest::newRow("last byte differs") << "key"_ba
                                       << "kez"_ba << false;
    QTest::newRow("different sizes") << "key"_ba
                                     << "keys"_ba << false;
    QTest::newRow("empty and not") << QByteArray() << "k"_ba << false;
    QTest::newRow("embedded zero") << "a\0b"_ba
                                   << "a\0c"_ba << false;
}

void TestCrypto::secureBytesEquality()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(secure(a) == secure(b), equal);
    QCOMPARE(secure(b) == secure(a), equal);
}

void TestCrypto::secureBytesTakeFrom()
{
    QByteArray source = "password"_ba;
    source.detach();
    const QByteArray shared = source; // shares storage with `source`
    const SecureBytes taken = SecureBytes::takeFrom(source);
    QCOMPARE(taken.view().toByteArray(), "password"_ba);
    QVERIFY(source.isEmpty());
    QCOMPARE(shared, "password"_ba); // only the taken copy is wiped

    QByteArray empty;
    QVERIFY(SecureBytes::takeFrom(empty).isEmpty());
}

void TestCrypto::secureBytesFromUtf8()
{
    const SecureBytes bytes = SecureBytes::fromUtf8(u"mot de passe é"_s);
    QCOMPARE(bytes.view().toByteArray(), u"mot de passe é"_s.toUtf8());
    QCOMPARE(bytes.size(), std::size_t(15));
    QVERIFY(SecureBytes::fromUtf8(QString()).isEmpty());
}

QTEST_GUILESS_MAIN(TestCrypto)
#include "TestCrypto.moc"
