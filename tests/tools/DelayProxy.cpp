// A forwarding TCP proxy that holds every chunk it reads for a fixed delay before passing it
// on, in each direction: an emulated round-trip delay for the benchmarks on a kernel without
// netem. It forwards bytes (TLS stays end to end: the client still checks the server's
// certificate) and counts them each way.
//
//   sidep-delay-proxy --listen 127.0.0.1:PORT --to 127.0.0.1:PORT [--delay-ms MS]
//     PORT of --listen: 0 for any free port. MS: held in each direction (default 50).
//   Prints "listening on 127.0.0.1:PORT" once ready. On its standard input, the line
//   "counts" answers "up N down M" (bytes client -> server and server -> client so far);
//   the end of its standard input stops it.

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QHostAddress>
#include <QQueue>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

struct Totals
{
    qint64 up = 0;
    qint64 down = 0;
};

// One direction of a connection: what was read from `from`, each chunk stamped with the
// time it may leave, written to `to` once that time has come.
class DelayedPipe : public QObject
{
public:
    DelayedPipe(QTcpSocket* from, QTcpSocket* to, int delayMs, qint64* counter, QObject* parent)
        : QObject(parent)
        , m_from(from)
        , m_to(to)
        , m_delayMs(delayMs)
        , m_counter(counter)
    {
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, &DelayedPipe::release);
        connect(from, &QTcpSocket::readyRead, this, &DelayedPipe::take);
    }

    // The other side may send now (the upstream connection is established).
    void open()
    {
        m_open = true;
        release();
    }
    bool isEmpty() const { return m_chunks.isEmpty(); }
    // Once `from` closed and everything held has left, `to` is closed too.
    void closeWhenEmpty()
    {
        m_closing = true;
        release();
    }

private:
    struct Chunk
    {
        QDeadlineTimer due;
        QByteArray bytes;
    };

    void take()
    {
        const QByteArray bytes = m_from->readAll();
        if (bytes.isEmpty())
            return;
        *m_counter += bytes.size();
        m_chunks.enqueue({QDeadlineTimer(m_delayMs, Qt::PreciseTimer), bytes});
        if (!m_timer.isActive())
            release();
    }

    void release()
    {
        if (!m_open)
            return;
        while (!m_chunks.isEmpty() && m_chunks.head().due.hasExpired())
            m_to->write(m_chunks.dequeue().bytes);
        if (!m_chunks.isEmpty())
            m_timer.start(int(qMax<qint64>(0, m_chunks.head().due.remainingTime())));
        else if (m_closing)
            m_to->disconnectFromHost();
    }

    QTcpSocket* m_from;
    QTcpSocket* m_to;
    int m_delayMs;
    qint64* m_counter;
    QQueue<Chunk> m_chunks;
    QTimer m_timer;
    bool m_open = false;
    bool m_closing = false;
};

// A client's connection and its upstream one, deleted once both are closed.
class Link : public QObject
{
public:
    Link(QTcpSocket* client, const QHostAddress& host, quint16 port, int delayMs, Totals* totals,
         QObject* parent)
        : QObject(parent)
        , m_client(client)
        , m_upstream(new QTcpSocket(this))
    {
        client->setParent(this);
        // Whatever leaves the proxy leaves at once: the delay is the only one added.
        client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_up = new DelayedPipe(client, m_upstream, delayMs, &totals->up, this);
        m_down = new DelayedPipe(m_upstream, client, delayMs, &totals->down, this);
        m_down->open();
        connect(m_upstream, &QTcpSocket::connected, this, [this] {
            m_upstream->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            m_up->open();
        });
        connect(client, &QTcpSocket::disconnected, this, [this] { m_up->closeWhenEmpty(); });
        connect(m_upstream, &QTcpSocket::disconnected, this, [this] { m_down->closeWhenEmpty(); });
        connect(m_upstream, &QTcpSocket::errorOccurred, this, [this] {
            if (m_upstream->state() == QAbstractSocket::UnconnectedState)
                m_down->closeWhenEmpty();
        });
        connect(client, &QTcpSocket::disconnected, this, &Link::deleteWhenDone);
        connect(m_upstream, &QTcpSocket::disconnected, this, &Link::deleteWhenDone);
        m_upstream->connectToHost(host, port);
    }

    ~Link() override
    {
        // A socket still connected when the proxy stops says so as it is deleted: nothing
        // here is to hear it by then.
        m_client->disconnect();
        m_upstream->disconnect();
    }

private:
    void deleteWhenDone()
    {
        if (m_client->state() == QAbstractSocket::UnconnectedState &&
            m_upstream->state() == QAbstractSocket::UnconnectedState && m_up->isEmpty() &&
            m_down->isEmpty())
            deleteLater();
    }

    QTcpSocket* m_client;
    QTcpSocket* m_upstream;
    DelayedPipe* m_up = nullptr;
    DelayedPipe* m_down = nullptr;
};

bool parseAddress(const QString& text, QHostAddress* host, quint16* port)
{
    const qsizetype colon = text.lastIndexOf(u':');
    bool ok = false;
    const uint number = text.mid(colon + 1).toUInt(&ok);
    if (colon <= 0 || !ok || number > 65535 || !host->setAddress(text.left(colon)))
        return false;
    *port = quint16(number);
    return true;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const auto value = [&arguments](const QString& name) {
        const qsizetype at = arguments.indexOf(name);
        return at > 0 && at + 1 < arguments.size() ? arguments.at(at + 1) : QString();
    };
    QHostAddress listenHost;
    QHostAddress targetHost;
    quint16 listenPort = 0;
    quint16 targetPort = 0;
    bool delayOk = true;
    const int delayMs =
        value(u"--delay-ms"_s).isEmpty() ? 50 : value(u"--delay-ms"_s).toInt(&delayOk);
    if (!parseAddress(value(u"--listen"_s), &listenHost, &listenPort) ||
        !parseAddress(value(u"--to"_s), &targetHost, &targetPort) || !delayOk || delayMs < 0) {
        std::fputs("usage: sidep-delay-proxy --listen HOST:PORT --to HOST:PORT [--delay-ms MS]\n",
                   stderr);
        return 2;
    }

    Totals totals;
    QTcpServer server;
    QObject::connect(&server, &QTcpServer::newConnection, &server, [&] {
        while (QTcpSocket* client = server.nextPendingConnection())
            new Link(client, targetHost, targetPort, delayMs, &totals, &server);
    });
    if (!server.listen(listenHost, listenPort)) {
        std::fprintf(stderr, "sidep-delay-proxy: cannot listen on %s: %s\n",
                     qPrintable(value(u"--listen"_s)), qPrintable(server.errorString()));
        return 1;
    }
    std::printf("listening on %s:%u\n", qPrintable(server.serverAddress().toString()),
                unsigned(server.serverPort()));
    std::fflush(stdout);

    // Commands on standard input, a line each; its end stops the proxy.
    QByteArray pending;
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char buffer[256];
        const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (got <= 0) {
            input.setEnabled(false);
            QCoreApplication::quit();
            return;
        }
        pending.append(buffer, got);
        qsizetype end;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QByteArray command = pending.left(end).trimmed();
            pending.remove(0, end + 1);
            if (command == "counts")
                std::printf("up %lld down %lld\n", static_cast<long long>(totals.up),
                            static_cast<long long>(totals.down));
            else
                std::printf("unknown command\n");
            std::fflush(stdout);
        }
    });
    return app.exec();
}
