// The national server's answers as the workstation reads them: the whole HTTP response
// (status line, headers, body) served on loopback to the real HttpsTransport (over plain
// HTTP: TLS is not the parser under test), then read by the real SyncEngine, which records
// each record's outcome in the store. The first byte chooses the request: 'T' is GET /time
// (the sync panel's clock check), 'C' GET /activation-codes (CodeRefill asking for 3 codes
// and importing what comes), anything else the POST /fhir of a batch of two records.
// Properties: the engine always finishes the batch, with every record counted once and
// none left "sending"; a refill always finishes, and says why when it failed.

#include "CodeRefill.h"
#include "Database.h"
#include "FuzzSupport.h"
#include "FuzzSyncStore.h"
#include "HttpsTransport.h"
#include "Outbox.h"
#include "Store.h"
#include "SyncEngine.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace {

// Answers every request on loopback with `response`, then closes the connection.
class OneAnswerServer : public QTcpServer
{
public:
    QByteArray response;

    OneAnswerServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, socket,
                        [this, socket] { answerWhenRead(socket); });
            }
        });
    }

private:
    // The answer goes once the whole request is in, so that closing does not reset a
    // connection the client is still writing to.
    void answerWhenRead(QTcpSocket* socket)
    {
        QByteArray request = socket->property("request").toByteArray() + socket->readAll();
        socket->setProperty("request", request);
        const qsizetype headerEnd = request.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray& line : request.left(headerEnd).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (request.size() < headerEnd + 4 + length)
            return;
        socket->write(response);
        socket->disconnectFromHost();
    }
};

TestSupport::StoreFixture* fixture = nullptr;
Store* lab = nullptr;
OneAnswerServer* server = nullptr;
HttpsTransport* transport = nullptr;
SyncEngine* engine = nullptr;
CodeRefill* refill = nullptr;

// Runs the event loop until `done` or a deadline far beyond the transport's timeout.
template <class Predicate>
bool waitFor(Predicate done)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < 30000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return done();
}

void fetchTime()
{
    bool answered = false;
    transport->fetchServerTime([&answered](const QDateTime& server) {
        answered = true;
        // What the sync panel does with it.
        if (server.isValid())
            (void)QDateTime::currentDateTimeUtc().secsTo(server);
    });
    FUZZ_CHECK(waitFor([&answered] { return answered; }));
}

void fetchCodes()
{
    int finished = 0;
    CodeRefill::Result result;
    const QMetaObject::Connection connection =
        QObject::connect(refill, &CodeRefill::finished, [&](const CodeRefill::Result& outcome) {
            ++finished;
            result = outcome;
        });
    FUZZ_CHECK(refill->fetch(3));
    FUZZ_CHECK(waitFor([&finished] { return finished > 0; }));
    QObject::disconnect(connection);
    FUZZ_CHECK(finished == 1 && !refill->isBusy());
    switch (result.outcome) {
    case CodeRefill::Result::Outcome::Failed:
        FUZZ_CHECK(!result.error.isEmpty());
        break;
    case CodeRefill::Result::Outcome::Fetched:
        FUZZ_CHECK(result.imported > 0);
        break;
    case CodeRefill::Result::Outcome::ServerEmpty:
        FUZZ_CHECK(result.imported == 0);
        break;
    default:
        FUZZ_CHECK(false); // asked, so neither "not needed" nor "not allowed"
    }
}

void sendBatch()
{
    // Both records due again, whatever the previous input made of them.
    QString error;
    FUZZ_CHECK(Outbox(*lab).resendLatestVersions(&error));
    const int batch = int(FuzzSyncStore::recordIds().size());
    int outcomes = -1;
    int acknowledged = 0;
    const QMetaObject::Connection finished = QObject::connect(
        engine, &SyncEngine::batchFinished, [&](int ok, int rejected, int retrying) {
            outcomes = ok + rejected + retrying;
            acknowledged = ok;
        });
    FUZZ_CHECK(engine->sendNextBatch());
    FUZZ_CHECK(waitFor([&outcomes] { return outcomes >= 0; }));
    QObject::disconnect(finished);
    FUZZ_CHECK(outcomes == batch);
    const SyncEngine::Status status = engine->status();
    FUZZ_CHECK(status.sending == 0);
    FUZZ_CHECK(status.waiting + status.acknowledged + status.rejected == batch);
    FUZZ_CHECK(status.acknowledged == acknowledged);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    FuzzSupport::prepareEnvironment();
    FuzzSupport::quietQt();
    FuzzSupport::application<QCoreApplication>();
    fixture = new TestSupport::StoreFixture;
    FUZZ_CHECK(fixture->isValid() && FuzzSyncStore::addSampledRecords(*fixture));
    lab = fixture->openAs(TestSupport::LabName).release();
    FUZZ_CHECK(lab);
    server = new OneAnswerServer;
    FUZZ_CHECK(server->listen(QHostAddress::LocalHost));
    QUrl url(u"http://127.0.0.1/"_s);
    url.setPort(server->serverPort());
    transport = new HttpsTransport(url, QSslConfiguration::defaultConfiguration());
    // An answer cut short must end as a network error, not after a minute.
    transport->setTimeout(5000);
    engine = new SyncEngine(*lab, transport);
    refill = new CodeRefill(*lab, transport);
    // Before Qt's own globals go: the transport's network thread and the store's database.
    std::atexit([] {
        delete refill;
        delete engine;
        delete transport;
        delete server;
        delete lab;
        delete fixture;
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    server->response = FuzzSupport::bytes(data + 1, size - 1);
    if (data[0] == 'T')
        fetchTime();
    else if (data[0] == 'C')
        fetchCodes();
    else
        sendBatch();
    return 0;
}
