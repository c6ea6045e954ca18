#pragma once

#include "HttpRequest.h"
#include "HttpRequestParser.h"
#include "HttpResponder.h"
#include "HttpResponse.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <functional>
#include <optional>

class QIODevice;

// One client connection, TLS or the front's local socket, as a sequence of HTTP/1.1
// requests read by HttpRequestParser with its limits, one at a time: the next request is
// not read before the current one is answered (keep-alive, "Connection: close" honoured).
// Deadlines so that no client holds a connection without sending: idle between requests,
// the whole head from its first byte, the body at a minimum rate after a grace period, and
// the answer's delivery. No deadline runs while the server itself works on a request.
// Deletes itself (and its device) once closed.
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    struct Timeouts
    {
        // A keep-alive connection without a request: closed (nginx's keepalive_timeout is
        // 75 s; a workstation sends at most once a minute and reconnects cheaply).
        int idleMs = 30000;
        // From a request's first byte to the end of its head: a workstation sends it in one
        // packet; 10 s leave room for a congested link and end slow-header attacks.
        int headerMs = 10000;
        // The body: this long, plus one second per minBodyBytesPerSecond received (Apache's
        // mod_reqtimeout "body=20,MinRate"): a drip of bytes is cut, a slow uplink is not.
        int bodyGraceMs = 20000;
        // 16 KiB/s is 128 kbit/s, below any uplink a site works with.
        qint64 minBodyBytesPerSecond = 16 * 1024;
        // An answer not read by the client: no progress for this long and it is dropped.
        int writeStallMs = 30000;
        // After refusing a request whose body or head is still coming, what arrives is read
        // and thrown away for this long at most (nginx's lingering_time is 30 s), so that the
        // client, still sending, gets to read the answer instead of a reset...
        int lingerMs = 5000;
        // ...and no more than this (what a workstation may be sending when refused).
        qint64 lingerBytes = 64 * 1024 * 1024;
    };

    // What to do with a request's head before its body is read: nothing (std::nullopt) to
    // go on, or the answer that refuses it (the connection then closes).
    using Admission = std::function<std::optional<HttpResponse>(const HttpRequest& head)>;

    // Takes `device` (a connected QSslSocket or QLocalSocket) as its child.
    HttpConnection(QIODevice* device, const HttpRequest::Peer& peer,
                   const HttpRequestParser::Limits& limits, const Timeouts& timeouts,
                   QObject* parent = nullptr);
    ~HttpConnection() override;

    void setAdmission(Admission admission) { m_admission = std::move(admission); }
    const HttpRequest::Peer& peer() const { return m_peer; }
    // Starts reading (after the signals are connected).
    void start();
    // Closes at once, without a word.
    void abort();

Q_SIGNALS:
    // A whole request: answer it through `responder`, now or later.
    void requestReady(const HttpRequest& request, const HttpResponder& responder);
    // The request whose head was admitted is over (answered or the connection gone).
    void requestEnded();
    // Once, when the connection is closed; it deletes itself afterwards.
    void closed();

private:
    friend class HttpResponder;
    void respond(quint64 serial, const HttpResponse& response);
    bool isWaitingFor(quint64 serial) const { return m_busy && serial == m_serial; }

    enum class Phase
    {
        Idle,
        Head,
        Body,
        Busy,     // the server works on the request: no deadline
        Draining, // refused: what still comes is thrown away, then the connection closes
        Closing,  // the last answer is being sent
    };

    void process();
    void refuse(int status, const QString& text);
    void write(const HttpResponse& response, bool keepAlive);
    void setPhase(Phase phase);
    void armDeadline();
    void deadlinePassed();
    void finish();
    void close();
    void drain();

    QIODevice* m_device;
    HttpRequest::Peer m_peer;
    HttpRequestParser m_parser;
    Timeouts m_timeouts;
    Admission m_admission;
    QByteArray m_pending; // read from the device, not yet parsed
    Phase m_phase = Phase::Idle;
    QElapsedTimer m_phaseClock;
    QTimer m_deadline;
    QTimer m_writeStall;
    quint64 m_serial = 0;
    bool m_busy = false;
    bool m_admitted = false;
    bool m_keepAlive = true;
    bool m_acceptsGzip = false; // the request being answered said Accept-Encoding: gzip
    bool m_finished = false;
    qint64 m_drained = 0;
};
