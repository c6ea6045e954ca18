#pragma once

#include "SecureBytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <memory>

// The cryptographic primitives of the store, on OpenSSL 3 EVP. Nothing here knows about
// records: see RecordStore for how they are combined.
class Crypto
{
    Q_DECLARE_TR_FUNCTIONS(Crypto)

public:
    static constexpr int KeySize = 32;   // AES-256 and HMAC-SHA-256 keys
    static constexpr int NonceSize = 12; // AES-GCM nonce
    static constexpr int TagSize = 16;   // AES-GCM tag

    // Cryptographically secure random bytes (RAND_bytes).
    static SecureBytes randomKey(std::size_t size = KeySize);
    static QByteArray randomBytes(std::size_t size);

    // AES-256-GCM. The sealed form is nonce (12) || ciphertext || tag (16); a fresh random
    // nonce every call. `aad` is authenticated, not stored: opening with another aad fails.
    static QByteArray seal(const SecureBytes& key, QByteArrayView plaintext, QByteArrayView aad);
    // False (and `plaintext` untouched) when the key, aad, nonce, ciphertext or tag is wrong.
    [[nodiscard]] static bool open(const SecureBytes& key, QByteArrayView sealed,
                                   QByteArrayView aad, QByteArray* plaintext);
    // Same, for key material: the result lands in a wiping buffer.
    [[nodiscard]] static bool openKey(const SecureBytes& key, QByteArrayView sealed,
                                      QByteArrayView aad, SecureBytes* plaintext);

    static QByteArray sha256(QByteArrayView data);
    static QByteArray hmacSha256(const SecureBytes& key, QByteArrayView data);
    // HKDF-SHA-256 (RFC 5869) with an empty salt: derives independent sub-keys from one key.
    static SecureBytes hkdf(const SecureBytes& inputKey, QByteArrayView info,
                            std::size_t size = KeySize);
    // Constant-time comparison of two MACs or hashes.
    static bool equalConstantTime(QByteArrayView a, QByteArrayView b);

    // The OpenSSL library in use, as it names itself ("OpenSSL 3.0.x <date>"): for the
    // About box.
    static QString libraryVersion();
};

// An AES-256-GCM key whose OpenSSL contexts are set up once, so that sealing and opening
// many small values (a record's fields) pays for the key schedule once, not per value.
// Same sealed layout as Crypto::seal. Not thread-safe: one per thread.
class GcmKey
{
public:
    explicit GcmKey(const SecureBytes& key);
    ~GcmKey();
    GcmKey(const GcmKey&) = delete;
    GcmKey& operator=(const GcmKey&) = delete;

    QByteArray seal(QByteArrayView plaintext, QByteArrayView aad) const;
    [[nodiscard]] bool open(QByteArrayView sealed, QByteArrayView aad, QByteArray* plaintext) const;
    [[nodiscard]] bool open(QByteArrayView sealed, QByteArrayView aad,
                            SecureBytes* plaintext) const;

private:
    bool decryptInto(QByteArrayView sealed, QByteArrayView aad, unsigned char* out) const;

    struct Contexts;
    std::unique_ptr<Contexts> m_contexts;
};

// An HMAC-SHA-256 key set up once, for the same reason. Not thread-safe.
class HmacKey
{
public:
    explicit HmacKey(const SecureBytes& key);
    ~HmacKey();
    HmacKey(const HmacKey&) = delete;
    HmacKey& operator=(const HmacKey&) = delete;

    QByteArray mac(QByteArrayView data) const;

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

// Password-based key derivation: scrypt, with its parameters kept beside the key they wrap
// so they can be raised later without breaking existing accounts.
struct KdfParameters
{
    quint64 n = 1 << 15; // CPU/memory cost (32 MiB with r = 8)
    quint32 r = 8;
    quint32 p = 1;
    QByteArray salt; // 16 random bytes

    // Fresh parameters with a new random salt. In a build with test hooks (SIDEP_TEST_HOOKS,
    // never a package) the environment variable SIDEP_TEST_FAST_KDF=1 lowers the cost to
    // n = 1024 so that the suites stay fast.
    static KdfParameters fresh();
    QJsonObject toJson() const; // {"alg":"scrypt","n":..,"r":..,"p":..,"salt":"base64"}
    [[nodiscard]] static bool fromJson(const QJsonObject& json, KdfParameters* params,
                                       QString* error);

    // Derives a KeySize-byte key from the password. False with a message on failure
    // (parameters out of range, memory).
    [[nodiscard]] bool derive(const SecureBytes& password, SecureBytes* key, QString* error) const;
};
