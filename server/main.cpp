#include "Bootstrap.h"
#include "ServerCommand.h"
#include "SidepVersion.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

int main(int argc, char* argv[])
{
    // The server holds patients' records too: no core dumps, files for its owner only.
    Bootstrap::hardenProcess();
    QCoreApplication app(argc, argv);
    // The default SQLite file lives in this application's data folder.
    QCoreApplication::setApplicationName(u"sidep-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SIDEP_VERSION_TEXT));
    return ServerCommand::run(app.arguments());
}
