#include "SidepCtlRun.h"

#include "SidepCtl.h"

#include <QBuffer>

SidepCtlRun runSidepCtl(const QStringList& arguments, const QByteArray& input)
{
    QBuffer in;
    in.setData(input);
    in.open(QIODevice::ReadOnly);
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    SidepCtlRun run;
    {
        // Destroyed before the buffers are read: it flushes and closes the store on the way.
        SidepCtl ctl(&in, &out, &err);
        run.code = ctl.run(arguments);
    }
    run.out = QString::fromUtf8(out.data());
    run.err = QString::fromUtf8(err.data());
    return run;
}
