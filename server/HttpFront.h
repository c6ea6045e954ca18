#pragma once

#include "HttpConnection.h"
#include "HttpRequest.h"
#include "HttpResponder.h"
#include "RevocationList.h"
#include "TlsListener.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <functional>
#include <optional>

class QLocalServer;
class QSslSocket;

// Where requests come in, and who sends them. Two doors lead to the same HTTP/1.1 layer
// (HttpConnection):
// - the TLS listener (TlsListener): mutual TLS with the client CA, the site being the
//   verified certificate's CommonName;
// - optionally a local socket for a front such as nginx that terminates mutual TLS
//   itself: the site is the certificate it forwards in X-Sidep-Client-Cert, taken only when
//   X-Sidep-Client-Verify says SUCCESS. Those headers are believed only there (a Unix
//   socket, out of reach of the network); on the TLS listener a request carrying them is
//   refused.
// Limits on what any client holds: open connections (within the process's file
// descriptors), connections per site, body bytes being received at once, and revoked
// certificates (a CRL, reloadable). The handler gets complete requests and the site as a
// value; it never sees a socket.
class HttpFront : public QObject
{
    Q_OBJECT

public:
    struct TlsFiles
    {
        QString certificate; // PEM, the server's certificate (and chain)
        QString key;         // PEM, its private key
        QString clientCa;    // PEM, the only CA whose client certificates are accepted
    };

    struct Limits
    {
        // A workstation opens six connections at most (eight batches in flight, Qt's HTTP
        // client's six connections to a server): 32 lets five stations of a site send at
        // once; more is one site crowding out the others.
        int maxConnectionsPerSite = 32;
        // Bodies being received at once, by their Content-Length (8 requests at the 32 MiB
        // cap): beyond it a request waits its turn (503, sent again by the workstation).
        qint64 maxBufferedBodyBytes = 256 * 1024 * 1024;
        // ...and by one site: two requests at the cap, so that one site uploading slowly
        // (16 KiB/s is allowed) cannot hold the whole budget for half an hour.
        qint64 maxBufferedBodyBytesPerSite = 64 * 1024 * 1024;
        // Open connections, TLS and local; 0: from the file descriptors the process may
        // open (raised to its hard limit at start), less a reserve for the database and
        // files, less the handshakes in flight.
        int maxConnections = 0;
    };

#ifdef SIDEP_TEST_HOOKS
    // Test builds only: divides every deadline (handshake, head, body, idle, write).
    static constexpr const char* DeadlineDivisorVariable = "SIDEP_SERVER_DEADLINE_DIVISOR";
#endif

    // The headers a front sets on the local socket, in lower case.
    static inline const QByteArray VerifyHeader = "x-sidep-client-verify";
    static inline const QByteArray CertificateHeader = "x-sidep-client-cert";

    using Handler = std::function<void(const HttpRequest& request, const QString& site,
                                       const HttpResponder& responder)>;

    explicit HttpFront(Handler handler, QObject* parent = nullptr);
    ~HttpFront() override;

    // Loads the certificates and sets up TLS 1.2+ with a required client certificate.
    [[nodiscard]] bool setupTls(const TlsFiles& files, QString* error);
    // The client CA's revocation list (PEM); reloadClientCrl() reads the same file again
    // (SIGHUP) and keeps the previous list when the new one is unreadable.
    [[nodiscard]] bool setClientCrl(const QString& path, QString* error);
    [[nodiscard]] bool reloadClientCrl(QString* error);
    void setLimits(const Limits& limits);
    const Limits& limits() const
    {
        return m_limits;
    }

    // Returns the port listened on (useful with port 0), 0 on failure.
    [[nodiscard]] quint16 listen(const QHostAddress& address, quint16 port, QString* error);
    // The local socket for the front, readable and writable by the owner and the group.
    [[nodiscard]] bool listenLocal(const QString& path, QString* error);

    int openConnections() const
    {
        return int(m_connections.size());
    }

private:
    struct Open
    {
        QString site;        // TLS: the certificate's site; front: empty
        qint64 reserved = 0; // body bytes reserved by the request being read
        QString reservedFor; // the site they count against
    };

    void takeTls(QSslSocket* socket);
    void takeLocal();
    void serve(HttpConnection* connection);
    std::optional<HttpResponse> admit(HttpConnection* connection, const HttpRequest& head);
    // The site a request speaks for, or the answer that refuses it.
    std::optional<HttpResponse> siteOf(const HttpRequest& request, QString* site) const;
    void release(Open* open);

    Handler m_handler;
    TlsListener* m_tls;
    QLocalServer* m_local = nullptr;
    QList<QSslCertificate> m_clientCas;
    QString m_crlPath;
    RevocationList m_revoked;
    Limits m_limits;
    HttpRequestParser::Limits m_parserLimits;
    HttpConnection::Timeouts m_timeouts;
    QHash<HttpConnection*, Open> m_connections;
    QHash<QString, int> m_connectionsBySite;
    qint64 m_bufferedBodyBytes = 0;
    QHash<QString, qint64> m_bufferedBodyBytesBySite;
};
