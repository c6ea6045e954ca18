#include "RevocationList.h"

#include <QFile>
#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

// Every OpenSSL handle is owned by a unique_ptr calling its own free function: a copy of
// model/OpenSslPtr.h, since the server does not link the workstation's store.
template <auto Free>
struct OpenSslFree
{
    template <typename T>
    void operator()(T* handle) const
    {
        Free(handle);
    }
};
template <typename T, auto Free>
using OpenSslPtr = std::unique_ptr<T, OpenSslFree<Free>>;

using X509Ptr = OpenSslPtr<X509, X509_free>;
using CrlPtr = OpenSslPtr<X509_CRL, X509_CRL_free>;
using BioPtr = OpenSslPtr<BIO, BIO_free>;

X509Ptr toX509(const QSslCertificate& certificate)
{
    const QByteArray der = certificate.toDer();
    const auto* data = reinterpret_cast<const unsigned char*>(der.constData());
    return X509Ptr(d2i_X509(nullptr, &data, der.size()));
}

QDateTime toDateTime(const ASN1_TIME* time)
{
    struct tm parts = {};
    if (!time || ASN1_TIME_to_tm(time, &parts) != 1)
        return {};
    return QDateTime(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
                     QTime(parts.tm_hour, parts.tm_min, parts.tm_sec), Qt::UTC);
}

} // namespace

struct RevocationList::Private
{
    std::vector<CrlPtr> crls;
};

RevocationList::RevocationList()
    : d(std::make_unique<Private>())
{}

RevocationList::~RevocationList() = default;
RevocationList::RevocationList(RevocationList&&) noexcept = default;
RevocationList& RevocationList::operator=(RevocationList&&) noexcept = default;

bool RevocationList::load(const QString& path, const QList<QSslCertificate>& issuers,
                          QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray pem = file.readAll();
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    std::vector<CrlPtr> crls;
    while (X509_CRL* crl = PEM_read_bio_X509_CRL(bio.get(), nullptr, nullptr, nullptr))
        crls.emplace_back(crl);
    if (crls.empty()) {
        *error = tr("%1 holds no PEM certificate revocation list").arg(path);
        return false;
    }
    for (const CrlPtr& crl : crls) {
        // Signed by one of the client CAs, or it could revoke (or spare) anything.
        bool signedByIssuer = false;
        for (const QSslCertificate& issuer : issuers) {
            const X509Ptr ca = toX509(issuer);
            if (!ca ||
                X509_NAME_cmp(X509_get_subject_name(ca.get()), X509_CRL_get_issuer(crl.get())) != 0)
                continue;
            EVP_PKEY* key = X509_get0_pubkey(ca.get());
            if (key && X509_CRL_verify(crl.get(), key) == 1) {
                signedByIssuer = true;
                break;
            }
        }
        if (!signedByIssuer) {
            *error = tr("%1: a revocation list is not signed by the client CA").arg(path);
            return false;
        }
    }
    d->crls = std::move(crls);
    return true;
}

bool RevocationList::isEmpty() const
{
    return d->crls.empty();
}

bool RevocationList::isRevoked(const QSslCertificate& certificate) const
{
    if (d->crls.empty())
        return false;
    const X509Ptr x509 = toX509(certificate);
    if (!x509)
        return true; // unreadable: never taken for good
    for (const CrlPtr& crl : d->crls) {
        if (X509_NAME_cmp(X509_get_issuer_name(x509.get()), X509_CRL_get_issuer(crl.get())) != 0)
            continue;
        X509_REVOKED* revoked = nullptr;
        if (X509_CRL_get0_by_cert(crl.get(), &revoked, x509.get()) == 1)
            return true;
    }
    return false;
}

int RevocationList::revokedCount() const
{
    int count = 0;
    for (const CrlPtr& crl : d->crls) {
        if (const STACK_OF(X509_REVOKED)* revoked = X509_CRL_get_REVOKED(crl.get()))
            count += sk_X509_REVOKED_num(revoked);
    }
    return count;
}

QDateTime RevocationList::nextUpdate() const
{
    QDateTime earliest;
    for (const CrlPtr& crl : d->crls) {
        const QDateTime next = toDateTime(X509_CRL_get0_nextUpdate(crl.get()));
        if (next.isValid() && (!earliest.isValid() || next < earliest))
            earliest = next;
    }
    return earliest;
}
