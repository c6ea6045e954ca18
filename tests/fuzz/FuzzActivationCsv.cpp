// A batch of activation codes from the national server, as the lab imports it:
// ActivationCodes::importCsv on a signed-in store. The first byte chooses the .sha256
// companion: none, the right checksum of the rest, or the rest's first line. Property: the
// import is all or nothing (the pool grows by exactly what is reported, or not at all).

#include "ActivationCodes.h"
#include "Crypto.h"
#include "Database.h"
#include "FuzzSupport.h"
#include "Store.h"
#include "StoreTestAccess.h"
#include "TestSupport.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

TestSupport::StoreFixture* fixture = nullptr;
Store* lab = nullptr;
ActivationCodes* codes = nullptr;

int poolSize()
{
    QSqlQuery& count =
        StoreTestAccess::database(*lab).query(u"SELECT count(*) FROM activation_codes"_s);
    QString error;
    FUZZ_CHECK(StoreTestAccess::database(*lab).exec(count, &error) && count.next());
    const int size = count.value(0).toInt();
    count.finish();
    return size;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    FuzzSupport::prepareEnvironment();
    FuzzSupport::quietQt();
    FuzzSupport::application<QCoreApplication>();
    // One store for the whole run: codes imported by one input are "already known" to the
    // next, which is a path worth reaching too.
    fixture = new TestSupport::StoreFixture;
    FUZZ_CHECK(fixture->isValid());
    lab = fixture->openAs(TestSupport::LabName).release();
    FUZZ_CHECK(lab);
    codes = new ActivationCodes(*lab);
    // Before Qt's own globals go: the store's database, then its temporary folder.
    std::atexit([] {
        delete codes;
        delete lab;
        delete fixture;
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    QByteArray csv = FuzzSupport::bytes(data + 1, size - 1);
    QByteArray sha256; // null: no companion file
    switch (data[0] % 3) {
    case 1:
        sha256 = Crypto::sha256(csv).toHex() + "  codes.csv\n";
        break;
    case 2: {
        const qsizetype newline = csv.indexOf('\n');
        sha256 = newline < 0 ? csv : csv.left(newline);
        csv = newline < 0 ? QByteArray() : csv.mid(newline + 1);
        break;
    }
    default:
        break;
    }

    const int before = poolSize();
    ActivationCodes::ImportReport report;
    QString error;
    // A fixed "now", so that an input behaves the same on every run.
    const QDateTime now(QDate(2021, 9, 1), QTime(12, 0), Qt::UTC);
    const bool imported = codes->importCsv(csv, u"codes.csv"_s, sha256, &report, &error, now);
    if (imported) {
        FUZZ_CHECK(report.problems.isEmpty());
        FUZZ_CHECK(report.imported > 0);
        FUZZ_CHECK(poolSize() == before + report.imported);
    } else {
        FUZZ_CHECK(!error.isEmpty());
        FUZZ_CHECK(report.imported == 0);
        FUZZ_CHECK(poolSize() == before);
        for (const ActivationCodes::ImportProblem& problem : std::as_const(report.problems))
            FUZZ_CHECK(!problem.rule.isEmpty() && !problem.toString().isEmpty());
    }
    return 0;
}
