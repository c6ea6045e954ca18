#include "HttpFront.h"

#include "BundleIntake.h"
#include "Logging.h"

#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {

// Descriptors kept for what is not a client: the database, log and certificate files,
// Qt's own (event loop, DNS): far more than the server opens.
constexpr int DescriptorReserve = 64;
// Even with descriptors to spare, more connections than this means something is wrong
// (a national fleet syncs a batch a minute per workstation).
constexpr int MaxConnectionsCeiling = 8192;

QString readFile(const QString& path, QByteArray* contents)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return file.errorString();
    *contents = file.readAll();
    return {};
}

// The soft limit raised to the hard one (systemd's default soft limit is 1024, its hard
// limit far higher), then what clients may use of it.
int connectionBudget(int handshakes)
{
    struct rlimit limit = {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 256;
    if (limit.rlim_cur < limit.rlim_max) {
        struct rlimit raised = limit;
        raised.rlim_cur = std::min<rlim_t>(limit.rlim_max, rlim_t(MaxConnectionsCeiling) * 2);
        if (raised.rlim_cur > limit.rlim_cur && ::setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    const qint64 usable = qint64(limit.rlim_cur) - DescriptorReserve - handshakes;
    return int(qBound(qint64(16), usable, qint64(MaxConnectionsCeiling)));
}

HttpResponse refusal(int status, const QString& code, const QString& text)
{
    return HttpResponse::json(status, BundleIntake::operationOutcome(code, text));
}

} // namespace

HttpFront::HttpFront(Handler handler, QObject* parent)
    : QObject(parent)
    , m_handler(std::move(handler))
    , m_tls(new TlsListener(this))
{
    setLimits({});
#ifdef SIDEP_TEST_HOOKS
    // Test builds only: every deadline divided, so that the tests of the deadlines take
    // seconds. `serve` warns loudly when it is set.
    if (const int divisor = qEnvironmentVariableIntValue(DeadlineDivisorVariable); divisor > 1) {
        m_timeouts.idleMs /= divisor;
        m_timeouts.headerMs /= divisor;
        m_timeouts.bodyGraceMs /= divisor;
        m_timeouts.writeStallMs /= divisor;
        m_timeouts.lingerMs /= divisor;
        TlsListener::Limits limits;
        limits.handshakeTimeoutMs /= divisor;
        m_tls->setLimits(limits);
    }
#endif
    connect(m_tls, &TlsListener::encrypted, this, &HttpFront::takeTls);
    m_tls->setAdmission([this] { return m_connections.size() < m_limits.maxConnections; });
}

HttpFront::~HttpFront()
{
    // The connections are children: they go with this object, no signal to us any more.
    for (auto it = m_connections.keyBegin(); it != m_connections.keyEnd(); ++it)
        (*it)->disconnect(this);
}

void HttpFront::setLimits(const Limits& limits)
{
    m_limits = limits;
    if (m_limits.maxConnections <= 0)
        m_limits.maxConnections = connectionBudget(TlsListener::Limits().maxHandshakes);
}

bool HttpFront::setupTls(const TlsFiles& files, QString* error)
{
    QByteArray pem;
    if (const QString failure = readFile(files.certificate, &pem); !failure.isEmpty()) {
        *error = tr("cannot read %1: %2").arg(files.certificate, failure);
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(pem, QSsl::Pem);
    if (chain.isEmpty()) {
        *error = tr("%1 holds no PEM certificate").arg(files.certificate);
        return false;
    }
    if (const QString failure = readFile(files.key, &pem); !failure.isEmpty()) {
        *error = tr("cannot read %1: %2").arg(files.key, failure);
        return false;
    }
    // The demo PKI uses EC keys; RSA works as well.
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa}) {
        key = QSslKey(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        *error = tr("%1 holds no unencrypted EC or RSA private key").arg(files.key);
        return false;
    }
    if (const QString failure = readFile(files.clientCa, &pem); !failure.isEmpty()) {
        *error = tr("cannot read %1: %2").arg(files.clientCa, failure);
        return false;
    }
    m_clientCas = QSslCertificate::fromData(pem, QSsl::Pem);
    if (m_clientCas.isEmpty()) {
        *error = tr("%1 holds no PEM certificate").arg(files.clientCa);
        return false;
    }

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setCiphers(
        u"ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305:ECDHE-RSA-AES128-GCM-SHA256"_s);
    // A client certificate is required, and only the configured CA is trusted for it
    // (not the system's store).
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    tls.setCaCertificates(m_clientCas);
    m_tls->setTlsConfiguration(tls);
    return true;
}

bool HttpFront::setClientCrl(const QString& path, QString* error)
{
    RevocationList list;
    if (!list.load(path, m_clientCas, error))
        return false;
    m_crlPath = path;
    m_revoked = std::move(list);
    const QDateTime next = m_revoked.nextUpdate();
    qCInfo(lcServer).noquote() << "client CRL" << path << "loaded:" << m_revoked.revokedCount()
                               << "certificate(s) revoked";
    if (next.isValid() && next < QDateTime::currentDateTimeUtc()) {
        qCWarning(lcServer).noquote()
            << "client CRL" << path << "is past its next update (" << next.toString(Qt::ISODate)
            << "): applied, but publish a fresh one";
    }
    return true;
}

bool HttpFront::reloadClientCrl(QString* error)
{
    if (m_crlPath.isEmpty())
        return true;
    return setClientCrl(m_crlPath, error);
}

quint16 HttpFront::listen(const QHostAddress& address, quint16 port, QString* error)
{
    // A deep kernel queue: a burst of workstations reconnecting after an outage waits
    // there instead of being refused.
    m_tls->setListenBacklogSize(511);
    if (!m_tls->listen(address, port)) {
        *error = tr("cannot listen on %1:%2: %3")
                     .arg(address.toString())
                     .arg(port)
                     .arg(m_tls->errorString());
        return 0;
    }
    qCInfo(lcServer) << "at most" << m_limits.maxConnections << "connections,"
                     << m_limits.maxConnectionsPerSite << "per site";
    return m_tls->serverPort();
}

bool HttpFront::listenLocal(const QString& path, QString* error)
{
    m_local = new QLocalServer(this);
    // The front's user reaches it through the group (the deployment guide's sidep-front).
    m_local->setSocketOptions(QLocalServer::UserAccessOption | QLocalServer::GroupAccessOption);
    // A socket left by a previous run is replaced; anything else at that path is not ours.
    struct stat status = {};
    if (::lstat(QFile::encodeName(path).constData(), &status) == 0) {
        if (!S_ISSOCK(status.st_mode)) {
            *error = tr("%1 exists and is not a socket: not replaced").arg(path);
            delete m_local;
            m_local = nullptr;
            return false;
        }
        QLocalServer::removeServer(path);
    }
    if (!m_local->listen(path)) {
        *error = tr("cannot listen on the local socket %1: %2").arg(path, m_local->errorString());
        delete m_local;
        m_local = nullptr;
        return false;
    }
    // Its pending list is emptied at each signal, so it never fills.
    m_local->setMaxPendingConnections(1024);
    connect(m_local, &QLocalServer::newConnection, this, &HttpFront::takeLocal);
    return true;
}

void HttpFront::takeTls(QSslSocket* socket)
{
    const QSslCertificate certificate = socket->peerCertificate();
    const QString site = certificate.subjectInfo(QSslCertificate::CommonName).value(0);
    const QString address =
        socket->peerAddress().toString() + u':' + QString::number(socket->peerPort());
    // Refused before a byte of HTTP is read: a revoked certificate, or a site already
    // holding its share of connections.
    if (m_revoked.isRevoked(certificate)) {
        qCWarning(lcServer).noquote() << "revoked certificate of site" << site << "(serial"
                                      << certificate.serialNumber() << ") refused from" << address;
        socket->abort();
        socket->deleteLater();
        return;
    }
    if (m_connectionsBySite.value(site) >= m_limits.maxConnectionsPerSite) {
        qCWarning(lcServer).noquote()
            << "site" << site << "already holds" << m_limits.maxConnectionsPerSite
            << "connections: one more refused from" << address;
        socket->abort();
        socket->deleteLater();
        return;
    }
    HttpRequest::Peer peer;
    peer.kind = HttpRequest::Peer::Kind::Tls;
    peer.certificate = certificate;
    peer.address = address;
    auto* connection = new HttpConnection(socket, peer, m_parserLimits, m_timeouts, this);
    m_connections.insert(connection, {site, 0, {}});
    ++m_connectionsBySite[site];
    serve(connection);
}

void HttpFront::takeLocal()
{
    while (QLocalSocket* socket = m_local->nextPendingConnection()) {
        if (m_connections.size() >= m_limits.maxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        HttpRequest::Peer peer;
        peer.kind = HttpRequest::Peer::Kind::Front;
        peer.address = u"front"_s;
        auto* connection = new HttpConnection(socket, peer, m_parserLimits, m_timeouts, this);
        m_connections.insert(connection, {});
        serve(connection);
    }
}

void HttpFront::serve(HttpConnection* connection)
{
    connection->setAdmission(
        [this, connection](const HttpRequest& head) { return admit(connection, head); });
    connect(connection, &HttpConnection::requestReady, this,
            [this](const HttpRequest& request, const HttpResponder& responder) {
                QString site;
                if (std::optional<HttpResponse> refused = siteOf(request, &site)) {
                    responder.respond(*refused);
                    return;
                }
                m_handler(request, site, responder);
            });
    connect(connection, &HttpConnection::requestEnded, this, [this, connection] {
        const auto it = m_connections.find(connection);
        if (it != m_connections.end())
            release(&*it);
    });
    connect(connection, &HttpConnection::closed, this, [this, connection] {
        const auto it = m_connections.find(connection);
        if (it == m_connections.end())
            return;
        release(&*it);
        if (!it->site.isEmpty() && --m_connectionsBySite[it->site] <= 0)
            m_connectionsBySite.remove(it->site);
        m_connections.erase(it);
    });
    connection->start();
}

void HttpFront::release(Open* open)
{
    if (open->reserved == 0)
        return;
    m_bufferedBodyBytes -= open->reserved;
    qint64& bySite = m_bufferedBodyBytesBySite[open->reservedFor];
    bySite -= open->reserved;
    if (bySite <= 0)
        m_bufferedBodyBytesBySite.remove(open->reservedFor);
    open->reserved = 0;
    open->reservedFor.clear();
}

std::optional<HttpResponse> HttpFront::admit(HttpConnection* connection, const HttpRequest& head)
{
    QString site;
    HttpRequest request = head;
    request.peer = connection->peer();
    if (std::optional<HttpResponse> refused = siteOf(request, &site))
        return refused;
    const qint64 length = head.header("content-length").toLongLong();
    if (length > 0) {
        if (m_bufferedBodyBytes + length > m_limits.maxBufferedBodyBytes ||
            m_bufferedBodyBytesBySite.value(site) + length > m_limits.maxBufferedBodyBytesPerSite) {
            qCWarning(lcServer).noquote() << "request from site" << site
                                          << "deferred: too many bodies being received at once";
            HttpResponse busy = refusal(503, u"transient"_s,
                                        tr("the server is receiving too much at once: send "
                                           "again in a moment"));
            busy.setHeader("Retry-After", "5");
            return busy;
        }
        m_bufferedBodyBytes += length;
        m_bufferedBodyBytesBySite[site] += length;
        Open& open = m_connections[connection];
        open.reserved = length;
        open.reservedFor = site;
    }
    return std::nullopt;
}

std::optional<HttpResponse> HttpFront::siteOf(const HttpRequest& request, QString* site) const
{
    QSslCertificate certificate;
    if (request.peer.kind == HttpRequest::Peer::Kind::Tls) {
        // Only the front's local socket may speak for a certificate: anyone could send
        // these headers over the network.
        if (request.headerCount(VerifyHeader) > 0 || request.headerCount(CertificateHeader) > 0) {
            qCWarning(lcServer).noquote()
                << "forwarded-certificate header refused on the TLS listener from"
                << request.peer.address;
            return refusal(400, u"security"_s,
                           tr("X-Sidep-Client-Cert and X-Sidep-Client-Verify are reserved to "
                              "the local front"));
        }
        certificate = request.peer.certificate;
    } else {
        if (request.headerCount(VerifyHeader) != 1 || request.headerCount(CertificateHeader) != 1 ||
            request.header(VerifyHeader) != "SUCCESS") {
            return refusal(403, u"security"_s,
                           tr("the front forwarded no verified client certificate"));
        }
        const QList<QSslCertificate> forwarded = QSslCertificate::fromData(
            QByteArray::fromPercentEncoding(request.header(CertificateHeader)), QSsl::Pem);
        if (forwarded.size() != 1)
            return refusal(403, u"security"_s,
                           tr("the front forwarded an unreadable client certificate"));
        certificate = forwarded.first();
    }
    *site = certificate.isNull() ? QString()
                                 : certificate.subjectInfo(QSslCertificate::CommonName).value(0);
    if (site->isEmpty()) {
        return refusal(403, u"security"_s, tr("a client certificate naming the site is required"));
    }
    // Checked at each request too: a list reloaded since the connection opened applies.
    if (m_revoked.isRevoked(certificate)) {
        qCWarning(lcServer).noquote() << "revoked certificate of site" << *site << "(serial"
                                      << certificate.serialNumber() << ") refused";
        return refusal(403, u"security"_s, tr("this client certificate has been revoked"));
    }
    return std::nullopt;
}
