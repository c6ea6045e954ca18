// store_writer DB USER INDEX: signs in with the password on the first line of standard
// input, saves TestSupport::validRecord(INDEX), prints the new record's id and a newline,
// then waits to be killed. TestDurability kills it the moment the id arrives: whatever
// add() reported as saved must survive a process that never closes the store. "saving" on
// standard error marks the moment add() is called.

#include "RecordStore.h"
#include "Store.h"
#include "TestSupport.h"

#include <QCoreApplication>
#include <QFile>
#include <cstdio>
#include <unistd.h>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    bool isNumber = false;
    const int index = arguments.value(3).toInt(&isNumber);
    if (arguments.size() != 4 || !isNumber) {
        std::fputs("usage: store_writer DB USER INDEX (password on standard input)\n", stderr);
        return 2;
    }

    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return 2;
    QByteArray line = input.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    const SecureBytes password = SecureBytes::takeFrom(line);

    Store store;
    QString error;
    if (!store.open(arguments.at(1), &error) || !store.signIn(arguments.at(2), password, &error)) {
        std::fprintf(stderr, "store_writer: %s\n", qPrintable(error));
        return 1;
    }
    SamplingRecord record = TestSupport::validRecord(index);
    QList<Problem> problems;
    // Tells the test that the save starts, so that it can aim a kill at the commit.
    std::fputs("saving\n", stderr);
    std::fflush(stderr);
    if (!store.records()->add(&record, {}, &problems, &error)) {
        std::fprintf(stderr, "store_writer: %s\n", qPrintable(error));
        return 1;
    }

    // add() has returned: from here on the record must be on disk.
    const QByteArray id = record.id.toString(QUuid::WithoutBraces).toLatin1() + '\n';
    std::fwrite(id.constData(), 1, std::size_t(id.size()), stdout);
    std::fflush(stdout);
    for (;;)
        pause();
}
