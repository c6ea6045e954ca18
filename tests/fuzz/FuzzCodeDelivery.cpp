// A national delivery of activation codes as `codes import` opens it once its checksum
// matched: ActivationCodeDelivery::unpack (gzip, tar, tar, CSV). The first byte chooses what
// the rest is: 0, the archive as it comes; 1, a tar, gzipped here first, so that mutations
// reach the tar reader instead of dying on the gzip check values. Properties: an accepted
// archive gives one CSV named <sequence><yyMMdd>.csv, no larger than the limit, which packed
// again in the national shape unpacks to the same; a refusal names the archive, a rule and
// a reason.

#include "ActivationCodeDelivery.h"
#include "FuzzSupport.h"
#include "Gzip.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    FuzzSupport::prepareEnvironment();
    FuzzSupport::quietQt();
    FuzzSupport::application<QCoreApplication>();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    QByteArray archive = FuzzSupport::bytes(data + 1, size - 1);
    if (data[0] % 2 == 1)
        archive = Gzip::compress(archive);

    const QString name = u"20210825093000_stopcovid_qrcode_batch.tgz"_s;
    QString csvName;
    QByteArray csv;
    ActivationCodeDelivery::Problem problem;
    if (ActivationCodeDelivery::unpack(archive, name, &csvName, &csv, &problem)) {
        FUZZ_CHECK(ActivationCodeDelivery::isCsvName(csvName));
        FUZZ_CHECK(csv.size() <= ActivationCodeDelivery::MaxCsvBytes);
        const QDateTime at(QDate(2021, 8, 25), QTime(9, 30), Qt::UTC);
        QString againName;
        QByteArray again;
        FUZZ_CHECK(ActivationCodeDelivery::unpack(ActivationCodeDelivery::pack(csvName, csv, at),
                                                  name, &againName, &again, &problem));
        FUZZ_CHECK(againName == csvName && again == csv);
    } else {
        FUZZ_CHECK(problem.file == name);
        FUZZ_CHECK(!problem.rule.isEmpty() && !problem.message.isEmpty());
    }
    return 0;
}
