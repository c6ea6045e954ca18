#include "SyncSettings.h"

#include "OpenSslPtr.h"
#include "Store.h"
#include "StoreFormat.h"

#include <QFile>
#include <QSslKey>
#include <cstring>
#include <memory>
#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

const QString UrlKey = u"sync.url"_s;
const QString CaKey = u"sync.caCertificates"_s;
const QString ClientCertificateKey = u"sync.clientCertificate"_s;
const QString ClientKeyKey = u"sync.clientKey"_s;

// Where the sealed key lives: its authenticated data names this row and column, so the
// ciphertext opens nowhere else.
const QString& KeyTable = StoreFormat::MetaTable;
const QString KeyColumn = u"value"_s;

using BioPtr = OpenSslPtr<BIO, BIO_free>;
using PkeyPtr = OpenSslPtr<EVP_PKEY, EVP_PKEY_free>;
using X509Ptr = OpenSslPtr<X509, X509_free>;

X509Ptr toX509(const QSslCertificate& certificate)
{
    const QByteArray der = certificate.toDer();
    const auto* data = reinterpret_cast<const unsigned char*>(der.constData());
    return X509Ptr(d2i_X509(nullptr, &data, der.size()));
}

// Gives OpenSSL the passphrase, and never lets it fall back to prompting on the terminal.
int passphraseCallback(char* buffer, int size, int, void* userData)
{
    const auto* passphrase = static_cast<const SecureBytes*>(userData);
    if (passphrase == nullptr || passphrase->isEmpty() || int(passphrase->size()) > size)
        return 0;
    std::memcpy(buffer, passphrase->data(), passphrase->size());
    return int(passphrase->size());
}

bool isEncryptedPem(const QByteArray& pem)
{
    return pem.contains("ENCRYPTED");
}

// Reads a PEM private key, decrypting it with the passphrase when it is encrypted.
PkeyPtr readPrivateKey(const QByteArray& pem, const SecureBytes& passphrase, QString* error)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    SecureBytes copy = passphrase;
    PkeyPtr key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, passphraseCallback, &copy)
                    : nullptr);
    if (!key) {
        if (isEncryptedPem(pem) && passphrase.isEmpty())
            *error = SyncSettings::tr("the private key is encrypted: give its passphrase");
        else if (isEncryptedPem(pem))
            *error = SyncSettings::tr("the private key does not open with this passphrase");
        else
            *error = SyncSettings::tr("the private key is not a PEM private key");
    }
    return key;
}

// The key as unencrypted PKCS#8 PEM, in a wiping buffer: the only form that is sealed.
bool toPkcs8Pem(EVP_PKEY* key, SecureBytes* pem)
{
    // A secure-heap memory BIO wipes its buffer when freed.
    BioPtr bio(BIO_new(BIO_s_secmem()));
    if (!bio ||
        PEM_write_bio_PKCS8PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        return false;
    }
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    if (size <= 0 || data == nullptr)
        return false;
    *pem = SecureBytes(data, std::size_t(size));
    return true;
}

std::optional<QSsl::KeyAlgorithm> keyAlgorithm(EVP_PKEY* key)
{
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
        return QSsl::Rsa;
    case EVP_PKEY_EC:
        return QSsl::Ec;
    case EVP_PKEY_DSA:
        return QSsl::Dsa;
    default:
        return std::nullopt;
    }
}

// The Qt key of a sealed PKCS#8 PEM.
QSslKey qtKey(const SecureBytes& pem, QString* error)
{
    const QByteArray text(reinterpret_cast<const char*>(pem.data()), qsizetype(pem.size()));
    PkeyPtr key = readPrivateKey(text, {}, error);
    const std::optional<QSsl::KeyAlgorithm> algorithm =
        key ? keyAlgorithm(key.get()) : std::nullopt;
    if (key && !algorithm)
        *error = SyncSettings::tr("the private key is neither RSA, EC nor DSA");
    if (!algorithm)
        return {};
    QSslKey result(text, *algorithm, QSsl::Pem, QSsl::PrivateKey);
    if (result.isNull())
        *error = SyncSettings::tr("the TLS library does not accept the private key");
    return result;
}

// Refuses a certificate outside its validity period; warns shortly before its expiry.
bool checkValidity(const QSslCertificate& certificate, const QString& what, QStringList* warnings,
                   QString* error)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString name = certificate.subjectDisplayName();
    if (certificate.expiryDate() < now) {
        *error = SyncSettings::tr("the %1 %2 expired on %3")
                     .arg(what, name, certificate.expiryDate().toString(Qt::ISODate));
        return false;
    }
    if (certificate.effectiveDate() > now) {
        *error = SyncSettings::tr("the %1 %2 is not valid before %3")
                     .arg(what, name, certificate.effectiveDate().toString(Qt::ISODate));
        return false;
    }
    if (certificate.expiryDate() < now.addDays(SyncSettings::ExpiryWarningDays)) {
        warnings->append(SyncSettings::tr("the %1 %2 expires on %3: renew it soon")
                             .arg(what, name, certificate.expiryDate().toString(Qt::ISODate)));
    }
    return true;
}

bool readFile(const QString& path, QByteArray* content, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = SyncSettings::tr("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    // Certificates and keys are a few kilobytes: read at most one byte past a generous limit,
    // whatever the file claims (a device never ends).
    constexpr qint64 MaxPemBytes = 1024 * 1024;
    *content = file.read(MaxPemBytes + 1);
    if (content->size() > MaxPemBytes) {
        *error = SyncSettings::tr("%1 is larger than a certificate or key file can be (1 MiB)")
                     .arg(path);
        content->clear();
        return false;
    }
    return true;
}

QByteArray toPem(const QList<QSslCertificate>& certificates)
{
    QByteArray pem;
    for (const QSslCertificate& certificate : certificates)
        pem += certificate.toPem();
    return pem;
}

QString auditText(const SyncSettings::CertificateInfo& info)
{
    return u"subject %1, expires %2, sha256 %3"_s.arg(
        info.subject, info.expiry.toString(Qt::ISODate), info.sha256);
}

} // namespace

SyncSettings::SyncSettings(Store& store)
    : m_store(store)
{}

SyncSettings::CertificateInfo SyncSettings::describe(const QSslCertificate& certificate)
{
    return CertificateInfo{
        certificate.subjectDisplayName(), certificate.issuerDisplayName(),
        certificate.expiryDate().toUTC(),
        QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex())};
}

bool SyncSettings::checkServerUrl(const QUrl& url, QString* error)
{
    if (!url.isValid() || url.host().isEmpty()) {
        *error = tr("the server URL %1 is not a valid URL with a host").arg(url.toDisplayString());
        return false;
    }
    // Records leave the site only over TLS.
    if (url.scheme() != u"https"_s) {
        *error = tr("the server URL must start with https:// (not %1://)").arg(url.scheme());
        return false;
    }
    if (!url.userInfo().isEmpty()) {
        *error = tr("the server URL must not hold a user name or password: the site "
                    "authenticates with its certificate");
        return false;
    }
    return true;
}

bool SyncSettings::setServerUrl(const QString& text, QString* error)
{
    if (!m_store.require(Permission::ManageSettings, error))
        return false;
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!checkServerUrl(url, error))
        return false;
    const QString value = url.toString(QUrl::FullyEncoded);
    return m_store.setMetaValues({{UrlKey, value.toUtf8()}}, {u"sync.url"_s, {}, value, {}}, error);
}

bool SyncSettings::importCaCertificates(const QString& pemFile, QStringList* warnings,
                                        QString* error)
{
    QByteArray pem;
    return readFile(pemFile, &pem, error) && importCaCertificatesPem(pem, warnings, error);
}

bool SyncSettings::importCaCertificatesPem(const QByteArray& pem, QStringList* warnings,
                                           QString* error)
{
    if (!m_store.require(Permission::ManageSettings, error))
        return false;
    if (pem.contains("PRIVATE KEY")) {
        // A CA file with a key in it is a mistake that would spread the CA's key.
        *error = tr("the CA file holds a private key: give the CA certificate alone");
        return false;
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(pem, QSsl::Pem);
    if (certificates.isEmpty()) {
        *error = tr("the CA file holds no PEM certificate");
        return false;
    }
    QStringList details;
    for (const QSslCertificate& certificate : certificates) {
        const X509Ptr x509 = toX509(certificate);
        // 1: basicConstraints CA:TRUE; other answers are legacy guesses we do not accept.
        if (!x509 || X509_check_ca(x509.get()) != 1) {
            *error = tr("%1 is not a CA certificate (no basicConstraints CA:TRUE)")
                         .arg(certificate.subjectDisplayName());
            return false;
        }
        if (!checkValidity(certificate, tr("CA certificate"), warnings, error))
            return false;
        details.append(auditText(describe(certificate)));
    }
    return m_store.setMetaValues({{CaKey, toPem(certificates)}},
                                 {u"sync.ca"_s, {}, details.join(u"; "_s), {}}, error);
}

bool SyncSettings::importClientCertificate(const QString& certificateFile, const QString& keyFile,
                                           const SecureBytes& keyPassphrase, QStringList* warnings,
                                           QString* error)
{
    QByteArray certificatePem;
    QByteArray keyPem;
    if (!readFile(certificateFile, &certificatePem, error) || !readFile(keyFile, &keyPem, error))
        return false;
    const bool imported =
        importClientCertificatePem(certificatePem, keyPem, keyPassphrase, warnings, error);
    keyPem.fill('\0');
    return imported;
}

bool SyncSettings::importClientCertificatePem(const QByteArray& certificatePem,
                                              const QByteArray& keyPem,
                                              const SecureBytes& keyPassphrase,
                                              QStringList* warnings, QString* error)
{
    if (!m_store.require(Permission::ManageSettings, error))
        return false;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificatePem, QSsl::Pem);
    if (chain.isEmpty()) {
        *error = tr("the certificate file holds no PEM certificate");
        return false;
    }
    const PkeyPtr key = readPrivateKey(keyPem, keyPassphrase, error);
    if (!key)
        return false;
    SecureBytes pkcs8;
    if (!toPkcs8Pem(key.get(), &pkcs8)) {
        *error = tr("the private key cannot be converted for storage");
        return false;
    }
    QByteArray keyText(reinterpret_cast<const char*>(pkcs8.data()), qsizetype(pkcs8.size()));
    const bool stored = checkClientCertificate(chain.first(), keyText, warnings, error) &&
                        storeClientCertificate(chain, keyText, u"PEM"_s, error);
    // keyText is a copy of pkcs8 (QByteArray copies): wipe it too.
    keyText.fill('\0');
    return stored;
}

bool SyncSettings::importPkcs12(const QString& path, const SecureBytes& password,
                                QStringList* warnings, QString* error)
{
    if (!m_store.require(Permission::ManageSettings, error))
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    QSslKey key;
    QSslCertificate certificate;
    QList<QSslCertificate> others;
    QByteArray passphrase(reinterpret_cast<const char*>(password.data()),
                          qsizetype(password.size()));
    const bool read = QSslCertificate::importPkcs12(&file, &key, &certificate, &others, passphrase);
    passphrase.fill('\0');
    if (!read || key.isNull() || certificate.isNull()) {
        *error = tr("cannot read the PKCS#12 file %1: wrong password, or not a PKCS#12 file "
                    "with a certificate and its key")
                     .arg(path);
        return false;
    }
    QByteArray keyPem = key.toPem();
    key.clear();
    // Intermediate CAs travel with the certificate; a root in the file is not trusted
    // for that: trust anchors come from import-ca only.
    QList<QSslCertificate> chain{certificate};
    for (const QSslCertificate& other : std::as_const(others)) {
        if (!other.isSelfSigned())
            chain.append(other);
    }
    const bool stored = checkClientCertificate(certificate, keyPem, warnings, error) &&
                        storeClientCertificate(chain, keyPem, u"PKCS#12"_s, error);
    keyPem.fill('\0');
    return stored;
}

bool SyncSettings::checkClientCertificate(const QSslCertificate& certificate,
                                          const QByteArray& keyPem, QStringList* warnings,
                                          QString* error) const
{
    if (!checkValidity(certificate, tr("client certificate"), warnings, error))
        return false;
    const X509Ptr x509 = toX509(certificate);
    const PkeyPtr key = readPrivateKey(keyPem, {}, error);
    if (!x509 || !key)
        return false;
    if (X509_check_private_key(x509.get(), key.get()) != 1) {
        *error = tr("the private key does not belong to the certificate %1")
                     .arg(certificate.subjectDisplayName());
        return false;
    }
    // Without the extension any use is allowed; with it, client authentication must be.
    if ((X509_get_extension_flags(x509.get()) & EXFLAG_XKUSAGE) != 0 &&
        (X509_get_extended_key_usage(x509.get()) & XKU_SSL_CLIENT) == 0) {
        *error = tr("the certificate %1 is not for client authentication (its extended key "
                    "usage lacks clientAuth)")
                     .arg(certificate.subjectDisplayName());
        return false;
    }
    if (X509_check_ca(x509.get()) == 1) {
        *error = tr("the certificate %1 is a CA certificate, not a site's certificate")
                     .arg(certificate.subjectDisplayName());
        return false;
    }
    QString keyError;
    if (qtKey(SecureBytes(keyPem.constData(), std::size_t(keyPem.size())), &keyError).isNull()) {
        *error = keyError;
        return false;
    }
    // The national server knows a site by the FINESS in its certificate.
    const QStringList names = certificate.subjectInfo(QSslCertificate::CommonName);
    const QString finess = m_store.siteFiness();
    if (!names.contains(finess)) {
        warnings->append(tr("the certificate names %1, but this site's FINESS is %2")
                             .arg(names.join(u", "_s), finess));
    }
    return true;
}

bool SyncSettings::storeClientCertificate(const QList<QSslCertificate>& chain,
                                          const QByteArray& keyPem, const QString& source,
                                          QString* error)
{
    const QByteArray sealed = m_store.vault()->seal(KeyTable, ClientKeyKey, KeyColumn, keyPem);
    return m_store.setMetaValues({{ClientCertificateKey, toPem(chain)}, {ClientKeyKey, sealed}},
                                 {u"sync.clientCertificate"_s,
                                  {},
                                  u"%1, from %2"_s.arg(auditText(describe(chain.first())), source),
                                  {}},
                                 error);
}

bool SyncSettings::load(QSslConfiguration* config, QUrl* url, QString* error) const
{
    if (!m_store.isSignedIn()) {
        *error = tr("sign in first");
        return false;
    }
    const QUrl serverUrl(QString::fromUtf8(m_store.metaValue(UrlKey)), QUrl::StrictMode);
    const QList<QSslCertificate> caCertificates =
        QSslCertificate::fromData(m_store.metaValue(CaKey), QSsl::Pem);
    const QList<QSslCertificate> chain =
        QSslCertificate::fromData(m_store.metaValue(ClientCertificateKey), QSsl::Pem);
    const QByteArray sealed = m_store.metaValue(ClientKeyKey);
    if (serverUrl.isEmpty()) {
        *error = tr("no sync server: set one with 'sidepctl config set sync.url https://...'");
        return false;
    }
    if (!checkServerUrl(serverUrl, error))
        return false;
    if (caCertificates.isEmpty()) {
        *error = tr("no CA for the sync server: import one with 'sidepctl config import-ca'");
        return false;
    }
    if (chain.isEmpty() || sealed.isEmpty()) {
        *error = tr("no client certificate: import one with 'sidepctl config import-cert'");
        return false;
    }
    QByteArray opened;
    if (!m_store.vault()->open(KeyTable, ClientKeyKey, KeyColumn, sealed, &opened)) {
        *error = tr("the stored private key does not decrypt: import the certificate again");
        return false;
    }
    const SecureBytes keyPem = SecureBytes::takeFrom(opened);
    const QSslKey key = qtKey(keyPem, error);
    if (key.isNull())
        return false;

    QSslConfiguration result = QSslConfiguration::defaultConfiguration();
    result.setProtocol(QSsl::TlsV1_2OrLater);
    result.setCiphers(
        u"ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305:ECDHE-RSA-AES128-GCM-SHA256"_s);
    // The site's CA only: the system store would let any public CA vouch for the server.
    result.setCaCertificates(caCertificates);
    result.setPeerVerifyMode(QSslSocket::VerifyPeer);
    result.setLocalCertificateChain(chain);
    result.setPrivateKey(key);
    *config = result;
    *url = serverUrl;
    return true;
}

bool SyncSettings::Status::isComplete() const
{
    return !url.isEmpty() && !caCertificates.isEmpty() && clientCertificate && hasPrivateKey;
}

QStringList SyncSettings::Status::describe() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto line = [&](const CertificateInfo& info) {
        QString text =
            tr("%1 (issued by %2), expires %3, SHA-256 %4")
                .arg(info.subject, info.issuer, info.expiry.toString(Qt::ISODate), info.sha256);
        if (info.expiry < now)
            text += u" "_s + tr("EXPIRED");
        return text;
    };
    QStringList lines;
    lines.append(tr("Server URL: %1").arg(url.isEmpty() ? tr("not set") : url.toString()));
    if (caCertificates.isEmpty())
        lines.append(tr("CA certificate: not set"));
    for (const CertificateInfo& info : caCertificates)
        lines.append(tr("CA certificate: %1").arg(line(info)));
    lines.append(tr("Client certificate: %1")
                     .arg(clientCertificate ? line(*clientCertificate) : tr("not set")));
    lines.append(tr("Private key: %1")
                     .arg(hasPrivateKey ? tr("stored, encrypted in the store") : tr("not set")));
    return lines;
}

SyncSettings::Status SyncSettings::status() const
{
    Status result;
    result.url = QUrl(QString::fromUtf8(m_store.metaValue(UrlKey)), QUrl::StrictMode);
    for (const QSslCertificate& certificate :
         QSslCertificate::fromData(m_store.metaValue(CaKey), QSsl::Pem)) {
        result.caCertificates.append(describe(certificate));
    }
    const QList<QSslCertificate> chain =
        QSslCertificate::fromData(m_store.metaValue(ClientCertificateKey), QSsl::Pem);
    if (!chain.isEmpty())
        result.clientCertificate = describe(chain.first());
    result.hasPrivateKey = !m_store.metaValue(ClientKeyKey).isEmpty();
    return result;
}
