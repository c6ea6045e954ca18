#include "Bootstrap.h"
#include "SidepCtl.h"
#include "SidepVersion.h"

#include <QCoreApplication>
#include <QFile>
#include <QGuiApplication>
#include <QLocale>
#include <QTranslator>
#include <algorithm>
#include <cstring>
#include <memory>

int main(int argc, char* argv[])
{
    Bootstrap::hardenProcess();
    // Laying out the result slip's text needs the fonts of a GUI application; without a
    // display it runs on the offscreen platform. Every other command stays GUI-less.
    const bool needsGui = std::any_of(
        argv + 1, argv + argc, [](const char* word) { return std::strcmp(word, "slip") == 0; });
    if (needsGui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> app =
        needsGui ? std::make_unique<QGuiApplication>(argc, argv)
                 : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("sidep"));
    QCoreApplication::setApplicationName(QStringLiteral("sidep-portal"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SIDEP_VERSION_TEXT));

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
