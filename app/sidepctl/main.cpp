#include "Bootstrap.h"
#include "SidepCtl.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QTranslator>

int main(int argc, char* argv[])
{
    Bootstrap::hardenProcess();
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("sidep"));
    QCoreApplication::setApplicationName(QStringLiteral("sidep-portal"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SIDEP_VERSION));

    // Messages follow the system language: French on a French workstation.
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("sidep"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QFile input;
    QFile output;
    QFile errorOutput;
    if (!input.open(stdin, QIODevice::ReadOnly) || !output.open(stdout, QIODevice::WriteOnly) ||
        !errorOutput.open(stderr, QIODevice::WriteOnly)) {
        return SidepCtl::StoreError;
    }
    SidepCtl sidepctl(&input, &output, &errorOutput);
    return sidepctl.run(QCoreApplication::arguments().mid(1));
}
