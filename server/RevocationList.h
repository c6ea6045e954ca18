#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <memory>

// The client CA's certificate revocation list (PEM, one or more CRLs), so that a stolen
// site certificate stops working before it expires. Qt 6.4's TLS configuration takes no
// CRL, so the check runs on the verified peer certificate right after the handshake (and on
// the certificate nginx forwards), before any request is read. Each CRL must be signed by
// one of the client CAs; one past its next update is still applied (what it revokes stays
// revoked) and said in the log at each load.
class RevocationList
{
    Q_DECLARE_TR_FUNCTIONS(RevocationList)

public:
    RevocationList();
    ~RevocationList();
    RevocationList(RevocationList&&) noexcept;
    RevocationList& operator=(RevocationList&&) noexcept;

    [[nodiscard]] bool load(const QString& path, const QList<QSslCertificate>& issuers,
                            QString* error);
    bool isEmpty() const;
    // Revoked by a loaded CRL of its issuer.
    bool isRevoked(const QSslCertificate& certificate) const;
    // How many certificates the loaded CRLs revoke, and the earliest next update.
    int revokedCount() const;
    QDateTime nextUpdate() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};
