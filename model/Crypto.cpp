#include "Crypto.h"

#include "OpenSslPtr.h"

#include <QJsonValue>
#include <QtGlobal>
#include <algorithm>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

using namespace Qt::StringLiterals;

namespace {

using CipherContext = OpenSslPtr<EVP_CIPHER_CTX, EVP_CIPHER_CTX_free>;
using MacContext = OpenSslPtr<EVP_MAC_CTX, EVP_MAC_CTX_free>;
using Kdf = OpenSslPtr<EVP_KDF, EVP_KDF_free>;
using KdfContext = OpenSslPtr<EVP_KDF_CTX, EVP_KDF_CTX_free>;

constexpr qsizetype SealOverhead = Crypto::NonceSize + Crypto::TagSize;

// scrypt needs 128 * r * (n + p + 2) bytes. The ceiling admits n = 2^22 with r = 8 (4 GiB)
// and refuses costlier combinations rather than letting a stored header exhaust memory.
constexpr quint64 MaxScryptMemory = (quint64(4) << 30) + (quint64(1) << 20);
constexpr qint64 MinScryptN = 1 << 10;
constexpr qint64 MaxScryptN = 1 << 22;
constexpr qint64 MaxScryptR = 32;
constexpr qint64 MaxScryptP = 16;
constexpr qsizetype MinSaltSize = 16;

// Failures here mean a broken OpenSSL or no memory: there is no safe way to carry on.
[[noreturn]] void fatal(const char* what)
{
    char reason[256];
    ERR_error_string_n(ERR_get_error(), reason, sizeof reason);
    qFatal("Crypto: %s failed: %s", what, reason);
    std::abort(); // qFatal is not declared noreturn in Qt 6.4
}

const unsigned char* bytes(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char*>(view.data());
}

void fillRandom(unsigned char* out, std::size_t size)
{
    if (size > std::size_t(INT_MAX))
        qFatal("Crypto: %zu random bytes requested at once", size);
    if (size > 0 && RAND_bytes(out, int(size)) != 1)
        fatal("RAND_bytes");
}

// Fetching an algorithm costs more than using it in OpenSSL 3, so each is fetched once for
// the process. Deliberately never freed: OpenSSL tears its providers down at exit itself.
const EVP_CIPHER* aes256Gcm()
{
    static EVP_CIPHER* const cipher = EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr);
    if (!cipher)
        fatal("EVP_CIPHER_fetch");
    return cipher;
}

EVP_MAC* hmacAlgorithm()
{
    static EVP_MAC* const mac = EVP_MAC_fetch(nullptr, OSSL_MAC_NAME_HMAC, nullptr);
    if (!mac)
        fatal("EVP_MAC_fetch");
    return mac;
}

// EVP lengths are ints, so large inputs go in pieces. A null `out` feeds additional data.
bool cipherUpdate(EVP_CIPHER_CTX* context, unsigned char* out, QByteArrayView in)
{
    constexpr qsizetype Piece = qsizetype(1) << 30;
    for (qsizetype done = 0; done < in.size();) {
        const int size = int(std::min(Piece, in.size() - done));
        int written = 0;
        if (EVP_CipherUpdate(context, out ? out + done : nullptr, &written, bytes(in) + done,
                             size) != 1)
            return false;
        if (out && written != size) // GCM is a stream mode: output tracks input exactly
            return false;
        done += size;
    }
    return true;
}

QString checkScrypt(quint64 n, quint32 r, quint32 p)
{
    if (n < quint64(MinScryptN) || n > quint64(MaxScryptN) || (n & (n - 1)) != 0)
        return Crypto::tr("The scrypt cost n must be a power of two from %1 to %2.")
            .arg(MinScryptN)
            .arg(MaxScryptN);
    if (r < 1 || r > quint32(MaxScryptR))
        return Crypto::tr("The scrypt block size r must be from 1 to %1.").arg(MaxScryptR);
    if (p < 1 || p > quint32(MaxScryptP))
        return Crypto::tr("The scrypt parallelism p must be from 1 to %1.").arg(MaxScryptP);
    const quint64 memory = 128 * quint64(r) * (n + p + 2);
    if (memory > MaxScryptMemory)
        return Crypto::tr("The scrypt parameters need %1 MiB of memory, more than the %2 MiB "
                          "allowed.")
            .arg(memory >> 20)
            .arg(MaxScryptMemory >> 20);
    return {};
}

} // namespace

SecureBytes Crypto::randomKey(std::size_t size)
{
    SecureBytes key(size);
    fillRandom(key.data(), size);
    return key;
}

QByteArray Crypto::randomBytes(std::size_t size)
{
    QByteArray result(qsizetype(size), Qt::Uninitialized);
    fillRandom(reinterpret_cast<unsigned char*>(result.data()), size);
    return result;
}

QByteArray Crypto::seal(const SecureBytes& key, QByteArrayView plaintext, QByteArrayView aad)
{
    return GcmKey(key).seal(plaintext, aad);
}

bool Crypto::open(const SecureBytes& key, QByteArrayView sealed, QByteArrayView aad,
                  QByteArray* plaintext)
{
    return key.size() == std::size_t(KeySize) && GcmKey(key).open(sealed, aad, plaintext);
}

bool Crypto::openKey(const SecureBytes& key, QByteArrayView sealed, QByteArrayView aad,
                     SecureBytes* plaintext)
{
    return key.size() == std::size_t(KeySize) && GcmKey(key).open(sealed, aad, plaintext);
}

QByteArray Crypto::sha256(QByteArrayView data)
{
    QByteArray digest(32, Qt::Uninitialized);
    unsigned int size = 0;
    if (EVP_Digest(data.data(), std::size_t(data.size()),
                   reinterpret_cast<unsigned char*>(digest.data()), &size, EVP_sha256(),
                   nullptr) != 1 ||
        size != 32)
        fatal("EVP_Digest");
    return digest;
}

QByteArray Crypto::hmacSha256(const SecureBytes& key, QByteArrayView data)
{
    return HmacKey(key).mac(data);
}

SecureBytes Crypto::hkdf(const SecureBytes& inputKey, QByteArrayView info, std::size_t size)
{
    if (inputKey.isEmpty() || size == 0 || size > 255 * 32)
        qFatal("Crypto::hkdf: empty input key or output size %zu out of range", size);
    const Kdf kdf(EVP_KDF_fetch(nullptr, OSSL_KDF_NAME_HKDF, nullptr));
    const KdfContext context(kdf ? EVP_KDF_CTX_new(kdf.get()) : nullptr);
    if (!context)
        fatal("EVP_KDF_CTX_new");
    char digestName[] = "SHA256";
    // No salt parameter: RFC 5869 then uses HashLen zero bytes.
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digestName, 0),
        OSSL_PARAM_construct_octet_string(
            OSSL_KDF_PARAM_KEY, const_cast<unsigned char*>(inputKey.data()), inputKey.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, const_cast<char*>(info.data()),
                                          std::size_t(info.size())),
        OSSL_PARAM_construct_end(),
    };
    SecureBytes output(size);
    if (EVP_KDF_derive(context.get(), output.data(), size, params) != 1)
        fatal("HKDF-SHA-256");
    return output;
}

bool Crypto::equalConstantTime(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    return a.isEmpty() || CRYPTO_memcmp(a.data(), b.data(), std::size_t(a.size())) == 0;
}

QString Crypto::libraryVersion()
{
    return QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
}

KdfParameters KdfParameters::fresh()
{
    KdfParameters params;
#ifdef SIDEP_TEST_HOOKS
    // Test builds only: derivations at the production cost would make the suites crawl. A
    // program built without the hooks (every package) never reads this variable.
    if (qEnvironmentVariable("SIDEP_TEST_FAST_KDF") == u"1"_s)
        params.n = MinScryptN;
#endif
    params.salt = Crypto::randomBytes(MinSaltSize);
    return params;
}

QJsonObject KdfParameters::toJson() const
{
    return {
        {u"alg"_s, u"scrypt"_s},
        {u"n"_s, qint64(n)},
        {u"r"_s, qint64(r)},
        {u"p"_s, qint64(p)},
        {u"salt"_s, QString::fromLatin1(salt.toBase64())},
    };
}

bool KdfParameters::fromJson(const QJsonObject& json, KdfParameters* params, QString* error)
{
    const auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    const auto missing = [](const QString& field) {
        return Crypto::tr("The key derivation parameters lack the field \"%1\" or it has the "
                          "wrong type.")
            .arg(field);
    };

    const QJsonValue alg = json.value(u"alg"_s);
    if (!alg.isString())
        return fail(missing(u"alg"_s));
    if (alg.toString() != u"scrypt"_s)
        return fail(Crypto::tr("Unknown key derivation algorithm \"%1\".").arg(alg.toString()));

    // Integers only: toInteger() gives -1 for fractions, which the range checks refuse.
    qint64 numbers[3] = {};
    const QString names[3] = {u"n"_s, u"r"_s, u"p"_s};
    for (int i = 0; i < 3; ++i) {
        const QJsonValue value = json.value(names[i]);
        if (!value.isDouble())
            return fail(missing(names[i]));
        numbers[i] = value.toInteger(-1);
        if (numbers[i] < 0 || numbers[i] > MaxScryptN)
            numbers[i] = 0; // out of every range; keeps the casts below lossless
    }
    const QString invalid =
        checkScrypt(quint64(numbers[0]), quint32(numbers[1]), quint32(numbers[2]));
    if (!invalid.isEmpty())
        return fail(invalid);

    const QJsonValue saltValue = json.value(u"salt"_s);
    if (!saltValue.isString())
        return fail(missing(u"salt"_s));
    const QByteArray::FromBase64Result salt = QByteArray::fromBase64Encoding(
        saltValue.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!salt)
        return fail(Crypto::tr("The key derivation salt is not valid base64."));
    if (salt.decoded.size() < MinSaltSize)
        return fail(Crypto::tr("The key derivation salt has %1 bytes; at least %2 are required.")
                        .arg(salt.decoded.size())
                        .arg(MinSaltSize));

    if (params) {
        params->n = quint64(numbers[0]);
        params->r = quint32(numbers[1]);
        params->p = quint32(numbers[2]);
        params->salt = salt.decoded;
    }
    return true;
}

bool KdfParameters::derive(const SecureBytes& password, SecureBytes* key, QString* error) const
{
    // The salt length is a rule of the stored format (fromJson); here any non-empty salt
    // goes, which lets the RFC 7914 vectors run through this function.
    QString invalid = checkScrypt(n, r, p);
    if (invalid.isEmpty() && salt.isEmpty())
        invalid = Crypto::tr("The key derivation salt is empty.");
    if (!invalid.isEmpty()) {
        if (error)
            *error = invalid;
        return false;
    }
    SecureBytes output(static_cast<std::size_t>(Crypto::KeySize));
    if (EVP_PBE_scrypt(reinterpret_cast<const char*>(password.data()), password.size(), bytes(salt),
                       std::size_t(salt.size()), n, r, p, MaxScryptMemory, output.data(),
                       output.size()) != 1) {
        ERR_clear_error();
        if (error)
            *error = Crypto::tr("The key derivation failed, probably for lack of memory.");
        return false;
    }
    if (key)
        *key = std::move(output);
    return true;
}

struct GcmKey::Contexts
{
    // One context both ways: GCM runs AES forwards to decrypt too, so each operation only
    // sets its direction and nonce on the key schedule set up once. A record's key is made
    // for every row a view reads: one context instead of two halves its cost and memory.
    CipherContext cipher;
    // Random nonces drawn 64 at a time: one RAND_bytes call costs as much as sealing a
    // small field. Nonces are public, so the pool needs no wiping.
    static constexpr int PoolNonces = 64;
    unsigned char noncePool[PoolNonces * Crypto::NonceSize];
    int noncesLeft = 0;

    void nextNonce(unsigned char* nonce)
    {
        if (noncesLeft == 0) {
            fillRandom(noncePool, sizeof noncePool);
            noncesLeft = PoolNonces;
        }
        --noncesLeft;
        unsigned char* taken = noncePool + noncesLeft * Crypto::NonceSize;
        std::memcpy(nonce, taken, Crypto::NonceSize);
        std::memset(taken, 0, Crypto::NonceSize); // never handed out twice
    }
};

GcmKey::GcmKey(const SecureBytes& key)
    : m_contexts(std::make_unique<Contexts>())
{
    if (key.size() != std::size_t(Crypto::KeySize))
        qFatal("GcmKey: the key has %zu bytes instead of %d", key.size(), Crypto::KeySize);
    CipherContext& context = m_contexts->cipher;
    context.reset(EVP_CIPHER_CTX_new());
    // The key schedule is computed here; each operation then only sets its direction and
    // nonce. The default GCM nonce length is 12 bytes, our NonceSize.
    if (!context ||
        EVP_CipherInit_ex2(context.get(), aes256Gcm(), key.data(), nullptr, 1, nullptr) != 1)
        fatal("EVP_CipherInit_ex2");
}

GcmKey::~GcmKey() = default; // EVP_CIPHER_CTX_free wipes the key schedule

QByteArray GcmKey::seal(QByteArrayView plaintext, QByteArrayView aad) const
{
    QByteArray sealed(SealOverhead + plaintext.size(), Qt::Uninitialized);
    auto* nonce = reinterpret_cast<unsigned char*>(sealed.data());
    unsigned char* text = nonce + Crypto::NonceSize;
    unsigned char* tag = text + plaintext.size();
    m_contexts->nextNonce(nonce);

    EVP_CIPHER_CTX* context = m_contexts->cipher.get();
    int finalSize = 0;
    if (EVP_CipherInit_ex2(context, nullptr, nullptr, nonce, 1, nullptr) != 1 ||
        !cipherUpdate(context, nullptr, aad) || !cipherUpdate(context, text, plaintext) ||
        EVP_CipherFinal_ex(context, tag, &finalSize) != 1 || finalSize != 0 ||
        EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, Crypto::TagSize, tag) != 1)
        fatal("AES-256-GCM encryption");
    return sealed;
}

// Decrypts into `out` (sealed size minus the overhead) and checks the tag. On false, `out`
// holds unauthenticated bytes the caller must wipe.
bool GcmKey::decryptInto(QByteArrayView sealed, QByteArrayView aad, unsigned char* out) const
{
    const qsizetype textSize = sealed.size() - SealOverhead;
    const QByteArrayView text = sealed.sliced(Crypto::NonceSize, textSize);
    unsigned char tag[Crypto::TagSize];
    std::memcpy(tag, bytes(sealed) + Crypto::NonceSize + textSize, sizeof tag);

    EVP_CIPHER_CTX* context = m_contexts->cipher.get();
    int finalSize = 0;
    return EVP_CipherInit_ex2(context, nullptr, nullptr, bytes(sealed), 0, nullptr) == 1 &&
           cipherUpdate(context, nullptr, aad) && cipherUpdate(context, out, text) &&
           EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_TAG, sizeof tag, tag) == 1 &&
           EVP_CipherFinal_ex(context, out + textSize, &finalSize) == 1;
}

bool GcmKey::open(QByteArrayView sealed, QByteArrayView aad, QByteArray* plaintext) const
{
    if (sealed.size() < SealOverhead)
        return false;
    QByteArray buffer(sealed.size() - SealOverhead, Qt::Uninitialized);
    if (!decryptInto(sealed, aad, reinterpret_cast<unsigned char*>(buffer.data()))) {
        OPENSSL_cleanse(buffer.data(), std::size_t(buffer.size()));
        return false;
    }
    if (plaintext)
        *plaintext = std::move(buffer);
    return true;
}

bool GcmKey::open(QByteArrayView sealed, QByteArrayView aad, SecureBytes* plaintext) const
{
    if (sealed.size() < SealOverhead)
        return false;
    SecureBytes buffer{std::size_t(sealed.size() - SealOverhead)}; // wipes itself on failure
    if (!decryptInto(sealed, aad, buffer.data()))
        return false;
    if (plaintext)
        *plaintext = std::move(buffer);
    return true;
}

struct HmacKey::Context
{
    MacContext keyed;
};

HmacKey::HmacKey(const SecureBytes& key)
    : m_context(std::make_unique<Context>())
{
    m_context->keyed.reset(EVP_MAC_CTX_new(hmacAlgorithm()));
    char digestName[] = "SHA256";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digestName, 0),
        OSSL_PARAM_construct_end(),
    };
    // A null key would mean "keep the previous key": an empty key still needs a pointer.
    static const unsigned char noKey = 0;
    if (!m_context->keyed ||
        EVP_MAC_init(m_context->keyed.get(), key.isEmpty() ? &noKey : key.data(), key.size(),
                     params) != 1)
        fatal("HMAC-SHA-256 key set-up");
}

HmacKey::~HmacKey() = default;

QByteArray HmacKey::mac(QByteArrayView data) const
{
    // A copy of the keyed context starts where the key left it: no key set-up per call.
    const MacContext context(EVP_MAC_CTX_dup(m_context->keyed.get()));
    QByteArray result(32, Qt::Uninitialized);
    std::size_t size = 0;
    if (!context || EVP_MAC_update(context.get(), bytes(data), std::size_t(data.size())) != 1 ||
        EVP_MAC_final(context.get(), reinterpret_cast<unsigned char*>(result.data()), &size,
                      std::size_t(result.size())) != 1 ||
        size != 32)
        fatal("HMAC-SHA-256");
    return result;
}
