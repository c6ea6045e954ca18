#include "ServerProbes.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSslKey>
#include <QTest>
#include <unistd.h>

using namespace Qt::StringLiterals;

QByteArray ServerProbes::Answer::header(const QByteArray& name) const
{
    for (const QByteArray& line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

ServerProbes::ServerProbes(const QString& pkiDir, quint16 port)
    : m_pkiDir(pkiDir)
    , m_port(port)
{}

QSslConfiguration ServerProbes::tls(const QString& clientName) const
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setCaCertificates(QSslCertificate::fromPath(m_pkiDir + u"/ca.pem"_s));
    if (!clientName.isEmpty()) {
        const QList<QSslCertificate> certificate =
            QSslCertificate::fromPath(m_pkiDir + u'/' + clientName + u".pem"_s);
        QFile keyFile(m_pkiDir + u'/' + clientName + u".key"_s);
        if (certificate.isEmpty() || !keyFile.open(QIODevice::ReadOnly)) {
            qWarning("cannot read the client certificate %s", qPrintable(clientName));
            return tls;
        }
        tls.setLocalCertificate(certificate.first());
        tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
    }
    return tls;
}

std::unique_ptr<QSslSocket> ServerProbes::connectTls(const QString& clientName, int timeoutMs,
                                                     const QHostAddress& source) const
{
    auto socket = std::make_unique<QSslSocket>();
    socket->setSslConfiguration(tls(clientName));
    if (!source.isNull() && !socket->bind(source))
        return nullptr;
    socket->connectToHostEncrypted(u"127.0.0.1"_s, m_port);
    QElapsedTimer clock;
    clock.start();
    while (!socket->isEncrypted() && clock.elapsed() < timeoutMs &&
           socket->state() != QAbstractSocket::UnconnectedState)
        QTest::qWait(5);
    if (!socket->isEncrypted()) {
        // Why, for the test's output: a refused certificate reads differently from a silence.
        QStringList why{socket->errorString()};
        for (const QSslError& error : socket->sslHandshakeErrors())
            why << error.errorString();
        qInfo("no TLS session after %lld ms: %s", qint64(clock.elapsed()),
              qPrintable(why.join(u"; "_s)));
        return nullptr;
    }
    return socket;
}

ServerProbes::Answer ServerProbes::readAnswer(QAbstractSocket& socket, int timeoutMs)
{
    Answer answer;
    QByteArray received;
    QElapsedTimer clock;
    clock.start();
    qsizetype headEnd = -1;
    qint64 length = -1;
    for (;;) {
        received += socket.readAll();
        if (headEnd < 0) {
            // A "100 Continue" is not the answer.
            while (received.startsWith("HTTP/1.1 100")) {
                const qsizetype end = received.indexOf("\r\n\r\n");
                if (end < 0)
                    break;
                received.remove(0, end + 4);
            }
            headEnd = received.startsWith("HTTP/1.1 100") ? -1 : received.indexOf("\r\n\r\n");
            if (headEnd >= 0) {
                answer.head = received.left(headEnd);
                const QByteArray statusLine = answer.head.left(answer.head.indexOf("\r\n"));
                answer.status = statusLine.split(' ').value(1).toInt();
                const QByteArray lengthText = answer.header("content-length");
                length = lengthText.isEmpty() ? -1 : lengthText.toLongLong();
            }
        }
        if (headEnd >= 0 && length >= 0 && received.size() - headEnd - 4 >= length)
            break;
        if (socket.state() == QAbstractSocket::UnconnectedState && socket.bytesAvailable() == 0) {
            answer.closed = true;
            break;
        }
        if (clock.elapsed() > timeoutMs)
            break;
        QTest::qWait(5);
    }
    if (headEnd >= 0)
        answer.body = received.mid(headEnd + 4, length >= 0 ? length : -1);
    else
        answer.failure = answer.closed ? u"closed without an answer: "_s + socket.errorString()
                                       : u"no answer in %1 ms"_s.arg(timeoutMs);
    if (!answer.closed) {
        // A close that follows the answer at once ("Connection: close").
        QTest::qWait(0);
        answer.closed = socket.state() == QAbstractSocket::UnconnectedState;
    }
    return answer;
}

ServerProbes::Answer ServerProbes::exchange(QAbstractSocket& socket, const QByteArray& request,
                                            int timeoutMs)
{
    socket.write(request);
    return readAnswer(socket, timeoutMs);
}

ServerProbes::Answer ServerProbes::send(const QString& clientName, const QByteArray& request,
                                        int timeoutMs) const
{
    const std::unique_ptr<QSslSocket> socket = connectTls(clientName);
    if (!socket) {
        Answer none;
        none.failure = u"no TLS session"_s;
        return none;
    }
    return exchange(*socket, request, timeoutMs);
}

int ServerProbes::health(const QString& clientName, int timeoutMs) const
{
    const std::unique_ptr<QSslSocket> socket = connectTls(clientName, timeoutMs);
    if (!socket)
        return 0;
    return exchange(*socket, get("/health", "Connection: close\r\n"), timeoutMs).status;
}

QByteArray ServerProbes::get(const QByteArray& path, const QByteArray& extraHeaders)
{
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
}

QByteArray ServerProbes::post(const QByteArray& path, const QByteArray& body,
                              const QByteArray& extraHeaders)
{
    return "POST " + path +
           " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/fhir+json\r\n"
           "Content-Length: " +
           QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
}

ServerProbes::Usage ServerProbes::usage(qint64 pid)
{
    Usage usage;
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : status.readAll().split('\n')) {
            const QList<QByteArray> words = line.simplified().split(' ');
            if (words.size() >= 2 && words.first() == "VmHWM:")
                usage.peakKib = words.at(1).toLongLong();
            else if (words.size() >= 2 && words.first() == "VmRSS:")
                usage.residentKib = words.at(1).toLongLong();
        }
    }
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        // After the command's ")" : state is field 3, utime 14 and stime 15.
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        const long ticks = ::sysconf(_SC_CLK_TCK);
        if (fields.size() > 12 && ticks > 0)
            usage.cpuMs = (fields.at(11).toLongLong() + fields.at(12).toLongLong()) * 1000 / ticks;
    }
    usage.descriptors = int(
        QDir(u"/proc/%1/fd"_s.arg(pid)).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size());
    return usage;
}
