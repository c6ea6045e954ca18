#include "HttpConnection.h"

#include "BundleIntake.h"
#include "Logging.h"

#include <QAbstractSocket>
#include <QLocalSocket>

using namespace Qt::StringLiterals;

namespace {

// Read from the device this much at a time: the parser's work between two returns to the
// event loop stays small, and other connections are served in between.
constexpr qint64 ReadChunkBytes = 64 * 1024;
// What a socket may hold that was received and not yet parsed (pipelined requests while
// the server works on the current one): the kernel's flow control holds the rest back.
constexpr qint64 SocketReadBufferBytes = 256 * 1024;
// Answers not yet taken by the client beyond which no further request is read from it.
constexpr qint64 MaxUnsentBytes = 1024 * 1024;

} // namespace

HttpConnection::HttpConnection(QIODevice* device, const HttpRequest::Peer& peer,
                               const HttpRequestParser::Limits& limits, const Timeouts& timeouts,
                               QObject* parent)
    : QObject(parent)
    , m_device(device)
    , m_peer(peer)
    , m_parser(limits)
    , m_timeouts(timeouts)
{
    m_device->setParent(this);
    m_deadline.setSingleShot(true);
    m_writeStall.setSingleShot(true);
    m_writeStall.setInterval(m_timeouts.writeStallMs);
    connect(&m_deadline, &QTimer::timeout, this, &HttpConnection::deadlinePassed);
    connect(&m_writeStall, &QTimer::timeout, this, [this] {
        qCInfo(lcServer).noquote()
            << "connection" << m_peer.address << "dropped: the client does not read its answer";
        abort();
    });
    connect(m_device, &QIODevice::bytesWritten, this, [this] {
        if (m_device->bytesToWrite() > 0)
            m_writeStall.start();
        else
            m_writeStall.stop();
        // A client that reads its answers again may send the next request.
        process();
    });
    connect(m_device, &QIODevice::readyRead, this, [this] {
        if (m_phase == Phase::Draining)
            drain();
        else
            process();
    });
    if (auto* socket = qobject_cast<QAbstractSocket*>(m_device)) {
        socket->setReadBufferSize(SocketReadBufferBytes);
        connect(socket, &QAbstractSocket::disconnected, this, &HttpConnection::finish);
    } else if (auto* local = qobject_cast<QLocalSocket*>(m_device)) {
        local->setReadBufferSize(SocketReadBufferBytes);
        connect(local, &QLocalSocket::disconnected, this, &HttpConnection::finish);
    }
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::start()
{
    setPhase(Phase::Idle);
    process();
}

void HttpConnection::abort()
{
    if (m_finished)
        return;
    if (auto* socket = qobject_cast<QAbstractSocket*>(m_device))
        socket->abort();
    else if (auto* local = qobject_cast<QLocalSocket*>(m_device))
        local->abort();
    finish();
}

void HttpConnection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    m_writeStall.stop();
    if (m_admitted) {
        m_admitted = false;
        Q_EMIT requestEnded();
    }
    m_busy = false;
    Q_EMIT closed();
    deleteLater();
}

void HttpConnection::setPhase(Phase phase)
{
    m_phase = phase;
    m_phaseClock.start();
    armDeadline();
}

void HttpConnection::armDeadline()
{
    qint64 allowed = -1;
    switch (m_phase) {
    case Phase::Idle:
        allowed = m_timeouts.idleMs;
        break;
    case Phase::Head:
        allowed = m_timeouts.headerMs;
        break;
    case Phase::Body:
        allowed = m_timeouts.bodyGraceMs + m_parser.bodyReceived() * 1000 /
                                               qMax<qint64>(1, m_timeouts.minBodyBytesPerSecond);
        break;
    case Phase::Draining:
        allowed = m_timeouts.lingerMs;
        break;
    case Phase::Busy:
    case Phase::Closing:
        m_deadline.stop();
        return;
    }
    m_deadline.start(
        int(qBound(qint64(0), allowed - m_phaseClock.elapsed(), qint64(24 * 3600 * 1000))));
}

void HttpConnection::deadlinePassed()
{
    switch (m_phase) {
    case Phase::Idle:
    case Phase::Draining:
        // Nothing asked (or the refused request's rest no longer awaited): closed without a
        // word, as every server does.
        close();
        return;
    case Phase::Head:
        qCInfo(lcServer).noquote()
            << "connection" << m_peer.address << "closed: request head not received in time";
        refuse(408, tr("the request was not received in time"));
        return;
    case Phase::Body:
        qCInfo(lcServer).noquote()
            << "connection" << m_peer.address << "closed: request body received too slowly";
        refuse(408, tr("the request's body came too slowly"));
        return;
    case Phase::Busy:
    case Phase::Closing:
        return;
    }
}

void HttpConnection::close()
{
    setPhase(Phase::Closing);
    // Sends what is queued, then closes.
    if (auto* socket = qobject_cast<QAbstractSocket*>(m_device))
        socket->disconnectFromHost();
    else if (auto* local = qobject_cast<QLocalSocket*>(m_device))
        local->disconnectFromServer();
    if (!m_finished)
        m_writeStall.start(); // a client that never reads does not keep it open
}

void HttpConnection::drain()
{
    // Thrown away as it comes: no memory kept, and only up to the limit.
    char bytes[16 * 1024];
    for (;;) {
        const qint64 read = m_device->read(bytes, qint64(sizeof bytes));
        if (read <= 0)
            break;
        m_drained += read;
        if (m_drained >= m_timeouts.lingerBytes) {
            close();
            return;
        }
    }
}

void HttpConnection::process()
{
    // Only while a request is awaited or being read: not while the server works on one,
    // nor once the connection is refused or closing.
    while (!m_finished &&
           (m_phase == Phase::Idle || m_phase == Phase::Head || m_phase == Phase::Body)) {
        if (m_pending.isEmpty()) {
            // A client that does not read its answers gets no further request read.
            if (m_device->bytesToWrite() > MaxUnsentBytes)
                return;
            m_pending = m_device->read(ReadChunkBytes);
            if (m_pending.isEmpty())
                return;
        }
        const HttpRequestParser::State before = m_parser.state();
        const qsizetype used = m_parser.feed(m_pending.constData(), m_pending.size());
        m_pending.remove(0, used);
        const HttpRequestParser::State state = m_parser.state();

        if (state == HttpRequestParser::State::Failed) {
            refuse(m_parser.errorStatus(), m_parser.errorText());
            return;
        }
        if (m_phase == Phase::Idle && m_parser.started())
            setPhase(Phase::Head);
        const bool headDone = (before == HttpRequestParser::State::RequestLine ||
                               before == HttpRequestParser::State::Headers) &&
                              (state == HttpRequestParser::State::Body ||
                               state == HttpRequestParser::State::Complete);
        if (headDone) {
            m_admitted = true;
            if (m_admission) {
                if (std::optional<HttpResponse> refusal = m_admission(m_parser.head())) {
                    refusal->setClosesConnection(true);
                    m_busy = true;
                    ++m_serial;
                    write(*refusal, false);
                    return;
                }
            }
            if (state == HttpRequestParser::State::Body) {
                // The client waits for this before it sends the body (curl does, beyond
                // 1 MiB): said only now that the head was accepted.
                if (m_parser.expectsContinue() && m_pending.isEmpty() &&
                    m_device->bytesAvailable() == 0)
                    m_device->write("HTTP/1.1 100 Continue\r\n\r\n");
                setPhase(Phase::Body);
            }
        } else if (m_phase == Phase::Body) {
            armDeadline(); // the allowance grows with what was received
        }
        if (state == HttpRequestParser::State::Complete) {
            HttpRequest request = m_parser.takeRequest();
            request.peer = m_peer;
            m_keepAlive = request.keepAlive;
            m_acceptsGzip = HttpResponse::acceptsGzip(request.header("accept-encoding"));
            m_busy = true;
            ++m_serial;
            setPhase(Phase::Busy);
            Q_EMIT requestReady(request, HttpResponder(this, m_serial));
            return;
        }
    }
}

void HttpConnection::refuse(int status, const QString& text)
{
    HttpResponse response = HttpResponse::json(
        status, BundleIntake::operationOutcome(status == 408                    ? u"timeout"_s
                                               : status == 413                  ? u"too-costly"_s
                                               : status == 414 || status == 431 ? u"too-costly"_s
                                               : status == 415                  ? u"not-supported"_s
                                                                                : u"structure"_s,
                                               text));
    m_busy = true;
    ++m_serial;
    write(response, false);
}

void HttpConnection::respond(quint64 serial, const HttpResponse& response)
{
    if (!isWaitingFor(serial) || m_finished)
        return;
    write(m_acceptsGzip ? response.compressed() : response,
          m_keepAlive && !response.closesConnection());
}

void HttpConnection::write(const HttpResponse& response, bool keepAlive)
{
    m_busy = false;
    if (m_admitted) {
        m_admitted = false;
        Q_EMIT requestEnded();
    }
    m_device->write(response.toBytes(keepAlive));
    if (m_device->bytesToWrite() > 0)
        m_writeStall.start();
    if (!keepAlive) {
        // A request refused before it was all read: its rest may still be on its way, and
        // closing now could reset the connection before the client reads the answer.
        if (m_parser.state() != HttpRequestParser::State::RequestLine &&
            m_parser.state() != HttpRequestParser::State::Complete) {
            m_pending.clear();
            m_drained = 0;
            setPhase(Phase::Draining);
            drain();
            return;
        }
        close();
        return;
    }
    m_parser.reset();
    setPhase(Phase::Idle);
    // Bytes of the next request may already be here (pipelining): read them from the
    // event loop, after the answer has been handed to the socket.
    QTimer::singleShot(0, this, &HttpConnection::process);
}
