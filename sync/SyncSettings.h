#pragma once

#include "SecureBytes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <optional>

class Store;

// How this workstation reaches the national server: its https URL, the CA the server must
// chain to, and the site's client certificate and private key. Kept in the store's meta
// table; the certificates in clear (they are public), the private key only sealed with the
// store's data key. Everything is checked on import, every change is audited (without
// secrets), and only an administrator may change anything.
class SyncSettings
{
    Q_DECLARE_TR_FUNCTIONS(SyncSettings)

public:
    // Within this many days of its expiry a certificate is accepted with a warning.
    static constexpr int ExpiryWarningDays = 30;

    struct CertificateInfo
    {
        QString subject;
        QString issuer;
        QDateTime expiry;
        QString sha256; // fingerprint, hex
    };

    // What is configured, without secrets.
    struct Status
    {
        QUrl url;
        QList<CertificateInfo> caCertificates;
        std::optional<CertificateInfo> clientCertificate;
        bool hasPrivateKey = false;
        bool isComplete() const;
        // One line each, for sidepctl and the GUI's settings.
        QStringList describe() const;
    };

    explicit SyncSettings(Store& store);

    // The server's address; https only, with a host.
    [[nodiscard]] bool setServerUrl(const QString& url, QString* error);
    [[nodiscard]] static bool checkServerUrl(const QUrl& url, QString* error);

    // Replaces the trust anchors with the CA certificate(s) of a PEM file or text. Each
    // must be a CA (basicConstraints CA:TRUE) and valid now.
    [[nodiscard]] bool importCaCertificates(const QString& pemFile, QStringList* warnings,
                                            QString* error);
    [[nodiscard]] bool importCaCertificatesPem(const QByteArray& pem, QStringList* warnings,
                                               QString* error);

    // Replaces the client certificate and its key: from PEM files (the key possibly
    // encrypted with `keyPassphrase`), or from a PKCS#12 file and its password.
    [[nodiscard]] bool importClientCertificate(const QString& certificateFile,
                                               const QString& keyFile,
                                               const SecureBytes& keyPassphrase,
                                               QStringList* warnings, QString* error);
    [[nodiscard]] bool importClientCertificatePem(const QByteArray& certificatePem,
                                                  const QByteArray& keyPem,
                                                  const SecureBytes& keyPassphrase,
                                                  QStringList* warnings, QString* error);
    [[nodiscard]] bool importPkcs12(const QString& file, const SecureBytes& password,
                                    QStringList* warnings, QString* error);

    // For the sync engine: TLS 1.2 or newer, the configured CA as the only trust anchors
    // (never the system store), peer verification, the client certificate and key. Needs
    // a signed-in user (the key is sealed with the data key). False when incomplete.
    [[nodiscard]] bool load(QSslConfiguration* config, QUrl* url, QString* error) const;

    Status status() const;

    static CertificateInfo describe(const QSslCertificate& certificate);

private:
    bool checkClientCertificate(const QSslCertificate& certificate, const QByteArray& keyPem,
                                QStringList* warnings, QString* error) const;
    bool storeClientCertificate(const QList<QSslCertificate>& chain, const QByteArray& keyPem,
                                const QString& source, QString* error);

    Store& m_store;
};
